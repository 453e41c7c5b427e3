package payload

// Bounds that keep one hostile payload from costing more than a screenful of
// memory. Real records stay far below them: an ANALYTICS line has about 40
// scalar fields, a Tailscale flow message at most a few thousand items
// (tailscaled caps a message at 256 KiB).
const (
	// maxGenericFields caps the fields a generic JSON object contributes.
	maxGenericFields = 64
	// maxGenericDepth is how deep generic flattening descends; deeper
	// values are skipped (still validated).
	maxGenericDepth = 8
	// maxFamilyFields caps the fields of one analytics, audit or session
	// result, whose schemas are known but may carry extra objects (the
	// journald block a collector adds, for instance).
	maxFamilyFields = 160
	// maxResults caps the results one payload yields (flow items, session
	// rows); the last result then says how many were left out.
	maxResults = 8192
	// maxNesting matches encoding/json's limit, so that every document the
	// standard library accepts is accepted here too.
	maxNesting = 10000
)
