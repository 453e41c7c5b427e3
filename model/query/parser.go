package query

import "fmt"

// maxDepth bounds the nesting of parentheses and negations, so that a
// pathological query cannot exhaust the stack.
const maxDepth = 100

// parser is a recursive-descent parser over the tokens of one query:
//
//	query   = or EOF
//	or      = and { "or" and }
//	and     = unary { ["and"] unary }
//	unary   = ("not" | "-") unary | primary
//	primary = "(" or ")" | term
type parser struct {
	toks  []token
	i     int
	depth int
	c     *compiler
}

// parse compiles the whole token list into one matcher.
func (p *parser) parse() (matcher, *Error) {
	m, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		return nil, errHint(t.pos, "unexpected )", "no ( is open")
	}
	return m, nil
}

func (p *parser) parseOr() (matcher, *Error) {
	first, err := p.parseAnd()
	if err != nil {
		return nil, err
	}
	kids := []matcher{first}
	for p.peek().kind == tokOr {
		or := p.advance()
		if err := p.expectTerm(&or); err != nil {
			return nil, err
		}
		m, err := p.parseAnd()
		if err != nil {
			return nil, err
		}
		kids = append(kids, m)
	}
	return newOr(kids), nil
}

func (p *parser) parseAnd() (matcher, *Error) {
	if err := p.expectTerm(nil); err != nil {
		return nil, err
	}
	var kids []matcher
	for {
		t := p.peek()
		if t.kind == tokAnd {
			p.advance()
			if err := p.expectTerm(&t); err != nil {
				return nil, err
			}
		} else if !startsTerm(t.kind) {
			return newAnd(kids), nil
		}
		m, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		kids = append(kids, m)
	}
}

func (p *parser) parseUnary() (matcher, *Error) {
	t := p.peek()
	if t.kind != tokNeg && t.kind != tokNot {
		return p.parsePrimary()
	}
	p.advance()
	if err := p.expectTerm(&t); err != nil {
		return nil, err
	}
	if err := p.enter(t); err != nil {
		return nil, err
	}
	defer p.leave()
	m, err := p.parseUnary()
	if err != nil {
		return nil, err
	}
	return newNot(m), nil
}

func (p *parser) parsePrimary() (matcher, *Error) {
	t := p.advance()
	switch t.kind {
	case tokLParen:
		return p.parseGroup(t)
	case tokWord, tokPhrase:
		return p.c.textTerm(t), nil
	case tokRegex:
		return p.c.regexTerm(t)
	case tokField:
		return p.c.fieldTerm(t)
	}
	// expectTerm runs before every call, so this is unreachable.
	return nil, errAt(t.pos, fmt.Sprintf("expected a term, found %s", t.kind))
}

// parseGroup parses the inside of ( ) whose opening token is open.
func (p *parser) parseGroup(open token) (matcher, *Error) {
	if err := p.enter(open); err != nil {
		return nil, err
	}
	defer p.leave()
	switch p.peek().kind {
	case tokRParen:
		return nil, errHint(open.pos, "empty ( )", `to search for "()", quote it`)
	case tokEOF:
		return nil, errHint(open.pos, "unclosed ( opened", "add a )")
	}
	m, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	if p.peek().kind != tokRParen {
		return nil, errHint(open.pos, "unclosed ( opened", "add a )")
	}
	p.advance()
	return m, nil
}

// expectTerm reports an error unless a term starts at the next token. after
// is the keyword or sign that needs the term, or nil at the start of the
// query or of a group.
func (p *parser) expectTerm(after *token) *Error {
	t := p.peek()
	if startsTerm(t.kind) {
		return nil
	}
	if after != nil {
		return errAt(t.pos, fmt.Sprintf("expected a term after %q", after.kind.String()))
	}
	if t.kind == tokRParen {
		return errHint(t.pos, "unexpected )", "no ( is open")
	}
	return errAt(t.pos, fmt.Sprintf("expected a term before %q", t.kind.String()))
}

// enter counts one level of nesting.
func (p *parser) enter(t token) *Error {
	p.depth++
	if p.depth > maxDepth {
		return errHint(t.pos, "query nests too deeply", fmt.Sprintf("at most %d levels of ( ) and negation", maxDepth))
	}
	return nil
}

func (p *parser) leave() { p.depth-- }

func (p *parser) peek() token { return p.toks[p.i] }

// advance returns the next token and moves past it; it stays on tokEOF.
func (p *parser) advance() token {
	t := p.toks[p.i]
	if t.kind != tokEOF {
		p.i++
	}
	return t
}

// startsTerm reports whether a token of kind k can begin a term.
func startsTerm(k tokKind) bool {
	switch k {
	case tokLParen, tokNeg, tokNot, tokWord, tokPhrase, tokRegex, tokField:
		return true
	}
	return false
}
