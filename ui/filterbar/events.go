package filterbar

// Event is what a key did to the bar that the root must act on at once:
// Committed, Cancelled or ModeToggled. The root takes it with TakeEvent
// right after the key, not as a message, so that a key arriving in the
// same read as enter finds the bar closed.
type Event interface{ barEvent() }

// Committed says enter kept the query.
type Committed struct {
	Text string
	Mode Mode
}

// Cancelled says esc left the bar: the query in force before it opened
// should come back.
type Cancelled struct{}

// ModeToggled says the bar switched between filter and search; the query
// should run in the new mode.
type ModeToggled struct {
	Text string
	Mode Mode
}

func (Committed) barEvent()   {}
func (Cancelled) barEvent()   {}
func (ModeToggled) barEvent() {}

// QueryChanged is the message the bar emits once typing paused: the text
// to run in its mode. Only the last edit's emits; earlier ones are dropped
// by the bar.
type QueryChanged struct {
	Text string
	Mode Mode
}

// debounceMsg is the bar's own timer: the edit of generation gen has
// waited out the pause.
type debounceMsg struct{ gen int }
