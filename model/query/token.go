package query

// tokKind is the lexical class of a token.
type tokKind uint8

const (
	tokEOF    tokKind = iota
	tokLParen         // (
	tokRParen         // )
	tokNeg            // a '-' directly in front of a term
	tokAnd            // the keyword and
	tokOr             // the keyword or
	tokNot            // the keyword not
	tokWord           // a bare word
	tokPhrase         // a "quoted phrase"
	tokRegex          // a /regex/ with optional flags
	tokField          // field<op>value
)

// String names the token kind for error messages.
func (k tokKind) String() string {
	switch k {
	case tokEOF:
		return "end of query"
	case tokLParen:
		return "("
	case tokRParen:
		return ")"
	case tokNeg:
		return "-"
	case tokAnd:
		return "and"
	case tokOr:
		return "or"
	case tokNot:
		return "not"
	}
	return "term"
}

// op is a field term's comparison operator.
type op uint8

const (
	opGlob op = iota // :
	opEq             // =
	opNe             // !=
	opGt             // >
	opGe             // >=
	opLt             // <
	opLe             // <=
)

// String returns the operator as written in a query.
func (o op) String() string {
	return [...]string{":", "=", "!=", ">", ">=", "<", "<="}[o]
}

// isOrdering reports whether the operator compares by order.
func (o op) isOrdering() bool { return o >= opGt }

// token is one lexical unit. For tokWord and tokPhrase, text is the decoded
// search text; for tokRegex, the pattern between the slashes; for tokField,
// the field name (literal is set when written as .name) and value the decoded
// value.
type token struct {
	kind     tokKind
	pos      int // byte offset of the token's first byte
	end      int // byte offset just past the token
	text     string
	literal  bool // tokField: the name was written .name, an exact key
	op       op
	opPos    int // tokField: offset of the operator
	value    string
	valuePos int  // tokField: offset of the value (its quote, if quoted)
	quoted   bool // tokField: the value was quoted
	fold     bool // tokRegex: the i flag
}
