package model

import "strings"

// boundaryMessages are the words of the boundary notes connlog's sources
// write; any other note is shown after "boundary: ".
var boundaryMessages = []struct{ note, message string }{
	{"restart", "service restarted"},
	{"reboot", "host rebooted"},
	{"", "the stream restarted"},
}

// BoundaryMessage says what a boundary of note marks.
func BoundaryMessage(note string) string {
	for _, b := range boundaryMessages {
		if strings.EqualFold(note, b.note) {
			return b.message
		}
	}
	return "boundary: " + note
}

// BoundaryNote is BoundaryMessage's inverse: the note of a boundary that
// message describes, for a boundary read back from an export.
func BoundaryNote(message string) string {
	for _, b := range boundaryMessages {
		if message == b.message {
			return b.note
		}
	}
	if note, ok := strings.CutPrefix(message, "boundary: "); ok {
		return note
	}
	return message
}
