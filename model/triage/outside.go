package triage

import "connlog/model"

// OutsideNote says how many of the entries with a time fall in neither
// window ("12,484 of the 30,090 entries with a time are in neither
// window"), or nothing when the windows hold them all: a comparison of part
// of the data must not read as one of all of it.
func (c *Changed) OutsideNote() string {
	if c.Outside <= 0 {
		return ""
	}
	total := c.AEntries + c.BEntries + c.Outside
	verb := " are"
	if c.Outside == 1 {
		verb = " is"
	}
	return model.Commas(c.Outside) + " of the " + model.Commas(total) + " entries with a time" + verb + " in neither window"
}
