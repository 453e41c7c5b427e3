package source

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseJournalSuppressed(t *testing.T) {
	cases := []struct {
		name      string
		msg       string
		wantUnit  string
		wantCount int64
		wantOK    bool
	}{
		{"unit name", "Suppressed 1234 messages from twingate-connector.service", "twingate-connector.service", 1234, true},
		{"cgroup path of older journald", "Suppressed 7 messages from /system.slice/twingate-connector.service",
			"twingate-connector.service", 7, true},
		{"trailing newline", "Suppressed 1 messages from ssh.service\n", "ssh.service", 1, true},
		{"largest count", "Suppressed 999999999999999999 messages from a.service", "a.service", 999999999999999999, true},
		{"count too long", "Suppressed 9999999999999999999 messages from a.service", "", 0, false},
		{"negative count", "Suppressed -5 messages from a.service", "", 0, false},
		{"no count", "Suppressed  messages from a.service", "", 0, false},
		{"no unit", "Suppressed 5 messages from ", "", 0, false},
		{"root cgroup", "Suppressed 5 messages from /", "", 0, false},
		{"other journald message", "System Journal (/var/log/journal/x) is 24.0M, max 4.0G, 3.9G free.", "", 0, false},
		{"prefix only", "Suppressed ", "", 0, false},
		{"lower case", "suppressed 5 messages from a.service", "", 0, false},
		{"empty", "", "", 0, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			unit, n, ok := parseJournalSuppressed([]byte(tc.msg))
			if unit != tc.wantUnit || n != tc.wantCount || ok != tc.wantOK {
				t.Fatalf("parseJournalSuppressed(%q) = %q, %d, %v; want %q, %d, %v",
					tc.msg, unit, n, ok, tc.wantUnit, tc.wantCount, tc.wantOK)
			}
		})
	}
}

func FuzzParseJournalSuppressed(f *testing.F) {
	f.Add([]byte("Suppressed 1234 messages from twingate-connector.service"))
	f.Add([]byte("Suppressed 7 messages from /system.slice/twingate-connector.service"))
	f.Add([]byte("Suppressed 0 messages from /"))
	f.Add([]byte("Suppressed \xff messages from \x00"))
	f.Fuzz(func(t *testing.T, msg []byte) {
		unit, n, ok := parseJournalSuppressed(msg)
		if !ok {
			if unit != "" || n != 0 {
				t.Fatalf("not a notice, yet unit %q count %d", unit, n)
			}
			return
		}
		if n < 0 || unit == "" || strings.HasPrefix(unit, "/") {
			t.Fatalf("notice %q gave unit %q count %d", msg, unit, n)
		}
		if !strings.HasPrefix(string(msg), "Suppressed ") {
			t.Fatalf("accepted %q without the notice's prefix", msg)
		}
	})
}

func TestParseJournalBoot(t *testing.T) {
	const id = "9a7d5e3c1b2f4e6d8c0a1b3d5f7e9c2a"
	cases := []struct {
		name    string
		in      string
		want    journalBootSpec
		wantErr bool
	}{
		{"empty is every boot", "", journalBootSpec{all: true}, false},
		{"all", "all", journalBootSpec{all: true}, false},
		{"ALL", " ALL ", journalBootSpec{all: true}, false},
		{"newest", "0", journalBootSpec{}, false},
		{"previous", "-1", journalBootSpec{offset: -1}, false},
		{"first", "1", journalBootSpec{offset: 1}, false},
		{"plus", "+2", journalBootSpec{offset: 2}, false},
		{"id", id, journalBootSpec{id: id}, false},
		{"upper-case id", strings.ToUpper(id), journalBootSpec{id: id}, false},
		{"uuid form", "9a7d5e3c-1b2f-4e6d-8c0a-1b3d5f7e9c2a", journalBootSpec{id: id}, false},
		{"id and offset", id + "-1", journalBootSpec{id: id, offset: -1}, false},
		{"uuid and offset", "9a7d5e3c-1b2f-4e6d-8c0a-1b3d5f7e9c2a+3", journalBootSpec{id: id, offset: 3}, false},
		{"id and junk", id + "x", journalBootSpec{}, true},
		{"short id", id[:31], journalBootSpec{}, true},
		{"not hex", strings.Repeat("g", 32), journalBootSpec{}, true},
		{"word", "yesterday", journalBootSpec{}, true},
		{"double sign", "--1", journalBootSpec{}, true},
		{"sign only", "-", journalBootSpec{}, true},
		{"huge offset", "-99999999", journalBootSpec{}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseJournalBoot(tc.in)
			if (err != nil) != tc.wantErr {
				t.Fatalf("parseJournalBoot(%q) error = %v, want error %v", tc.in, err, tc.wantErr)
			}
			if err != nil {
				if err := CheckJournalBoot(tc.in, JournalOptions{}); err == nil || !strings.Contains(err.Error(), "journalctl --list-boots") {
					t.Errorf("error %v does not say how to list boots", err)
				}
				return
			}
			if got != tc.want {
				t.Fatalf("parseJournalBoot(%q) = %+v, want %+v", tc.in, got, tc.want)
			}
		})
	}
}

func TestJournalBootPick(t *testing.T) {
	boots := []string{"a", "b", "c"}
	cases := []struct {
		name    string
		spec    journalBootSpec
		want    string
		wantErr bool
	}{
		{"every boot", journalBootSpec{all: true}, "", false},
		{"newest", journalBootSpec{}, "c", false},
		{"previous", journalBootSpec{offset: -1}, "b", false},
		{"oldest by offset", journalBootSpec{offset: -2}, "a", false},
		{"first", journalBootSpec{offset: 1}, "a", false},
		{"third", journalBootSpec{offset: 3}, "c", false},
		{"fourth", journalBootSpec{offset: 4}, "", true},
		{"before the oldest", journalBootSpec{offset: -3}, "", true},
		{"id", journalBootSpec{id: "b"}, "b", false},
		{"id and offset", journalBootSpec{id: "b", offset: 1}, "c", false},
		{"id past the end", journalBootSpec{id: "c", offset: 1}, "", true},
		{"unknown id", journalBootSpec{id: "d"}, "", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.spec.pick(boots)
			if (err != nil) != tc.wantErr || got != tc.want {
				t.Fatalf("pick = %q, %v; want %q, error %v", got, err, tc.want, tc.wantErr)
			}
		})
	}
	if _, err := (journalBootSpec{}).pick(nil); err == nil {
		t.Fatal("picking a boot from an empty journal succeeded")
	}
}

func FuzzParseJournalBoot(f *testing.F) {
	for _, s := range []string{"", "all", "0", "-1", "+2", "9a7d5e3c1b2f4e6d8c0a1b3d5f7e9c2a-1",
		"9a7d5e3c-1b2f-4e6d-8c0a-1b3d5f7e9c2a", "\xff\xfe", "-0000001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		spec, err := parseJournalBoot(s)
		if err != nil {
			return
		}
		if spec.id != "" && (len(spec.id) != 32 || !utf8.ValidString(spec.id)) {
			t.Fatalf("parseJournalBoot(%q) gave id %q", s, spec.id)
		}
		if spec.offset > journalMaxBootOffset || spec.offset < -journalMaxBootOffset {
			t.Fatalf("parseJournalBoot(%q) gave offset %d", s, spec.offset)
		}
		// Whatever was parsed, picking among a few boots never panics.
		_, _ = spec.pick([]string{spec.id, "b", "c"})
	})
}

func TestNormalizeJournalUnit(t *testing.T) {
	cases := []struct{ in, want string }{
		{"twingate-connector", "twingate-connector.service"},
		{"twingate-connector.service", "twingate-connector.service"},
		{" newt ", "newt.service"},
		{"session-3.scope", "session-3.scope"},
		{"docker.socket", "docker.socket"},
		{"foo.bar", "foo.bar.service"},
		{".service", ".service.service"},
		{"twingate*", "twingate*"},
		{"", ""},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			if got := normalizeJournalUnit(tc.in); got != tc.want {
				t.Fatalf("normalizeJournalUnit(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestJournalName(t *testing.T) {
	cases := []struct {
		name string
		opts JournalOptions
		want string
	}{
		{"unit", JournalOptions{Units: []string{"twingate-connector"}}, "twingate-connector"},
		{"unit with suffix", JournalOptions{Units: []string{"twingate-connector.service"}}, "twingate-connector"},
		{"units and identifier", JournalOptions{Units: []string{"a", "b.socket"}, Identifiers: []string{"c"}}, "a, b.socket, c"},
		{"all units", JournalOptions{Units: []string{"a"}, AllUnits: true}, "all units"},
		{"nothing named", JournalOptions{Units: []string{" "}}, "all units"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := journalName(tc.opts); got != tc.want {
				t.Fatalf("journalName = %q, want %q", got, tc.want)
			}
		})
	}
}
