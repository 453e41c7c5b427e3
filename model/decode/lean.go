package decode

import (
	"connlog/model"
	"connlog/model/payload"
)

// leanness says which payload families are decoded without their fields.
type leanness struct {
	service   bool
	analytics bool
}

// leanResult returns the field-less result of a service line or an
// analytics event when the decoder was asked to skip their fields. Like
// parseSafely it survives a parser panic: the line is then parsed in full,
// where the panic becomes a visible parse error.
func (d *lineDecoder) leanResult(p []byte) (r payload.Result, ok bool) {
	defer func() {
		if recover() != nil {
			r, ok = payload.Result{}, false
		}
	}()
	switch {
	case d.lean.service && len(p) > 0 && p[0] == '[':
		return payload.ServiceResult(p)
	case d.lean.analytics && len(p) > 0 && p[0] == 'A':
		return payload.AnalyticsResult(p)
	}
	return payload.Result{}, false
}

// IsLean reports whether e is a service or analytics entry decoded with
// Options.LeanService or LeanAnalytics whose fields have not been parsed
// yet. (A fully parsed one always has fields.)
func IsLean(e *model.Entry) bool {
	return (e.Kind == model.KindService || e.Kind == model.KindAnalytics) && e.Fields == nil && len(e.Payload) > 0
}

// Complete parses the fields (and any parse error) of an entry decoded with
// Options.LeanService or LeanAnalytics, from its Payload, exactly as the
// decoder would have without those options. Any other entry is left as it
// is.
func Complete(e *model.Entry) {
	if !IsLean(e) {
		return
	}
	results := parseSafely(e.Payload, nil)
	if e.Item < len(results) {
		e.Fields, e.Err = results[e.Item].Fields, results[e.Item].Err
		if e.Err != "" {
			e.Flags |= model.FlagParseError
		}
	}
}
