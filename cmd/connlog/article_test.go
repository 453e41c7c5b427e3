package main

import "testing"

// The article goes by the sound of the word: a spelled-out name that opens
// with a vowel sound (en-dee-json, ar-ef-cee) takes "an".
func TestArticle(t *testing.T) {
	for word, want := range map[string]string{
		"ndjson": "an", "rfc5424": "an", "csv": "a", "raw": "a", "text": "a", "journal": "a", "bundle": "a",
		"export": "an", "html": "an", "sql": "an", "xml": "an", "json": "a", "tsv": "a", "string": "a",
		"NDJSON": "an", "": "a",
	} {
		if got := article(word); got != want {
			t.Errorf("article(%q) = %q, want %q", word, got, want)
		}
	}
}
