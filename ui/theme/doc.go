// Package theme holds what every part of connlog's interface draws with:
// the Styles (colour or monochrome, the help styles included, so that
// --no-color and NO_COLOR reach every component) and the text helpers that
// make log content inert and fit it into terminal cells, counting wide
// characters and styling sequences.
//
// Log content is untrusted: Clean turns escape sequences, control
// characters, bidi overrides and invalid UTF-8 into visible text, and every
// string taken from an entry passes through it before it is drawn.
package theme
