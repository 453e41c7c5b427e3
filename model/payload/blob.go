package payload

import (
	"bytes"

	"connlog/model"
)

// blobSuffix ends journalctl's placeholder for a binary message.
var blobSuffix = []byte(" blob data]")

// parseBlobPlaceholder recognises "[75B blob data]" (or "[1.9K blob
// data]"): what journalctl's text output prints instead of a MESSAGE that
// holds control characters or invalid UTF-8. The message itself is not in
// the line, so the entry says where to find it.
func parseBlobPlaceholder(p []byte, out []Result) ([]Result, bool) {
	end := trimRightBlanks(p, 0)
	if end < len("[1B blob data]") || !bytes.HasSuffix(p[:end], blobSuffix) {
		return out, false
	}
	size := p[1 : end-len(blobSuffix)]
	if !isBlobSize(size) {
		return out, false
	}
	return append(out, Result{
		Kind: model.KindText,
		Fields: model.Fields{
			{Key: model.KeyMessage, Value: string(p)},
			{Key: model.KeyExplanation, Value: "journalctl printed this placeholder for a " + string(size) +
				" message that is binary (control characters or invalid UTF-8); the text is in the journal: " +
				"read it with journalctl -a (or -o json), or open the journal itself with connlog"},
		},
	}), true
}

// isBlobSize accepts journalctl's size text: digits, an optional ".d", and
// a unit letter (B, K, M, G).
func isBlobSize(b []byte) bool {
	if len(b) < 2 || len(b) > 8 {
		return false
	}
	switch b[len(b)-1] {
	case 'B', 'K', 'M', 'G':
	default:
		return false
	}
	for _, c := range b[:len(b)-1] {
		if !(c >= '0' && c <= '9' || c == '.') {
			return false
		}
	}
	return b[0] >= '0' && b[0] <= '9'
}
