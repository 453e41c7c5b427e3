package detail

import (
	"strings"
	"testing"

	"connlog/model"
)

// A line without a time of its own may have had no line before it (the
// first lines of a log without times, dated when read): the flag says so
// without claiming a previous line gave its time.
func TestFlagsTextOfAnInferredTime(t *testing.T) {
	got := flagsText(model.FlagTimeInferred | model.FlagPartial)
	if !strings.Contains(got, "no time of its own") || !strings.Contains(got, "when it was read") ||
		!strings.Contains(got, "partial line") {
		t.Errorf("flags text %q", got)
	}
}

// A journal entry whose message could not be read says so among its flags.
func TestFlagsTextOfAnUnreadableMessage(t *testing.T) {
	if got := flagsText(model.FlagMessageUnreadable); got != model.MessageUnreadable {
		t.Errorf("flags text %q, want %q", got, model.MessageUnreadable)
	}
}
