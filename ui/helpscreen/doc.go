// Package helpscreen is connlog's help screen: every binding of the
// interface's KeyMap, in titled groups laid out in as many columns as fit,
// drawn by bubbles/help with the theme's help styles (so --no-color reaches
// it), followed by a note on what the bindings alone cannot show. It reads
// the bindings each time it is drawn, so the help is generated from them
// and never goes stale; on a short terminal it scrolls.
package helpscreen
