package main

import "flag"

// refusingValue registers a flag whose own parser may refuse a value, so
// that the refusal reaches the user as connlog words every mistake
// ("--max-memory 20MiB is below …"). The flag package would wrap it as
// `invalid value "20MiB" for flag -max-memory: …`: the value twice and the
// flag with one dash, unlike every other message. A parser's error is the
// rest of a sentence that begins with the flag's name as typed.
type refusingValue struct {
	flag.Value
	name    string // as registered: "n", "max-memory"
	refused *error // the first refusal of the command line
}

func (r refusingValue) Set(v string) error {
	err := r.Value.Set(v)
	if err != nil && *r.refused == nil {
		*r.refused = usageError{flagName(r.name) + " " + err.Error()}
	}
	return err
}

// IsBoolFlag keeps a flag that may be given alone (-b) one for the flag
// package, which asks the registered value.
func (r refusingValue) IsBoolFlag() bool {
	b, ok := r.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// flagName is a flag as the usage writes it: one dash for a letter, two
// for a word.
func flagName(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// addValueFlag registers v under each of names, its refusals kept in refused.
func addValueFlag(fs *flag.FlagSet, v flag.Value, refused *error, names ...string) {
	for _, n := range names {
		fs.Var(refusingValue{Value: v, name: n, refused: refused}, n, "")
	}
}
