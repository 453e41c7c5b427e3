package decode

import (
	"connlog/model"
	"connlog/model/payload"
)

// leanResult returns the field-less result of a service line when the
// decoder was asked to skip service fields.
func (d *lineDecoder) leanResult(p []byte) (payload.Result, bool) {
	if !d.lean {
		return payload.Result{}, false
	}
	return payload.ServiceResult(p)
}

// IsLean reports whether e is a service entry decoded with
// Options.LeanService whose fields have not been parsed yet.
func IsLean(e *model.Entry) bool {
	return e.Kind == model.KindService && e.Fields == nil && len(e.Payload) > 0
}

// Complete parses the fields of an entry decoded with
// Options.LeanService, from its Payload, exactly as the decoder would have
// without that option. Any other entry is left as it is.
func Complete(e *model.Entry) {
	if !IsLean(e) {
		return
	}
	results := parseSafely(e.Payload, nil)
	if e.Item < len(results) {
		e.Fields, e.Err = results[e.Item].Fields, results[e.Item].Err
	}
}
