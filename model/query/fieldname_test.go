package query

import "testing"

// FieldName writes a key as a query reads it by that name, and with the
// exact-key form when an alias of that name reads other keys or the
// language does not know it.
func TestFieldName(t *testing.T) {
	for key, want := range map[string]string{
		"device.id":               "device.id",
		"forwarded_for_client_ip": "forwarded_for_client_ip",
		"level":                   "level", // the alias reads the entry's level, which the field gives
		"hostname":                "hostname",
		"user":                    ".user", // the alias reads user.email and the like
		"event":                   ".event",
		"x-request-id":            ".x-request-id",
		"my key":                  `."my key"`,
		"since":                   ".since",
		"custom":                  ".custom",
	} {
		if got := FieldName(key); got != want {
			t.Errorf("FieldName(%q) = %q, want %q", key, got, want)
		}
		if _, err := Compile(FieldName(key)+":*", testOpts); err != nil {
			t.Errorf("%q does not compile: %v", FieldName(key)+":*", err)
		}
	}
}
