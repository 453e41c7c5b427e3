package main

import (
	"fmt"
	"math"
	"strconv"

	"connlog/model"
	"connlog/model/query"
)

// Limits of --max-memory. Below minBudget connlog cannot run its parsers,
// its screen and a useful store at once (peak RSS of the TUI measured at
// 12MiB on a one-line file and 24MiB in --demo); above maxBudget a value is
// a typo, not a budget.
const (
	minBudget = 32 << 20 // bytes
	maxBudget = 1 << 50  // bytes (1PiB)
)

// sizeFlag is --max-memory: a byte size with a unit (512MiB, 1GB), or 0 for
// no budget.
type sizeFlag int64

func (s *sizeFlag) String() string { return strconv.FormatInt(int64(*s), 10) }

func (s *sizeFlag) Set(v string) error {
	n, err := parseBudget(v)
	if err != nil {
		return err
	}
	*s = sizeFlag(n)
	return nil
}

// parseBudget reads a memory budget with the query language's size parser
// and refuses what cannot be one: no number, a fraction of a byte, a size
// too small for connlog to run in, or an absurdly large one. Exactly 0
// means no budget. A refusal follows the flag's name (see refusingValue).
func parseBudget(v string) (int64, error) {
	n, ok := query.ParseSize(v)
	switch {
	case !ok || math.IsNaN(n):
		return 0, fmt.Errorf("%q is not a size: use a number with a unit (%s), e.g. 512MiB or 1GiB, or 0 for no budget", v, query.SizeUnits)
	case n == 0:
		return 0, nil
	case n < 0:
		return 0, fmt.Errorf("%s is negative: give a size such as 512MiB, or 0 for no budget", v)
	case n != math.Trunc(n):
		return 0, fmt.Errorf("%s is not a whole number of bytes: give a size such as 512MiB", v)
	case n < minBudget:
		return 0, fmt.Errorf("%s is below the %s connlog needs to run: give at least %s, or 0 for no budget", v, model.HumanBytesIEC(minBudget), model.HumanBytesIEC(minBudget))
	case n > maxBudget:
		return 0, fmt.Errorf("%s is larger than any machine's memory (at most %s): give a size such as 512MiB, or 0 for no budget", v, model.HumanBytesIEC(maxBudget))
	}
	return int64(n), nil
}

// checkInterfaceBudget refuses a budget the interface cannot keep: beside
// its entries it needs the program and its working memory (minTUIBudget,
// see memlimit.go). export and summary hold no store and need only
// minBudget.
func (c *Config) checkInterfaceBudget() error {
	b := int64(c.MaxMemory)
	if c.Export || c.ListBoots || b == 0 || b >= minTUIBudget {
		return nil
	}
	need := model.HumanBytesIEC(minTUIBudget)
	return usageError{fmt.Sprintf("--max-memory %s is below the %s the interface needs to stay within it "+
		"(%s for the program and its working memory, the rest for the entries): give at least %s, "+
		"or 0 for no budget; connlog export and summary need only %s",
		model.HumanBytesIEC(float64(b)), need, model.HumanBytesIEC(programReserve+workingReserve), need, model.HumanBytesIEC(minBudget))}
}
