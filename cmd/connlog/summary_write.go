package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"connlog/model/inert"
)

// writeSummary prints the report in the chosen format.
func writeSummary(w io.Writer, cfg Config, sf summaryFlags, r summaryReport, loc *time.Location) error {
	bw := bufio.NewWriter(w)
	switch sf.format {
	case "json":
		enc := json.NewEncoder(bw)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("write the summary: %w", err)
		}
	case "markdown":
		writeMarkdown(bw, summarySections(r, cfg, loc))
	default:
		writeText(bw, summarySections(r, cfg, loc))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write the summary: %w", err)
	}
	return nil
}

// maxTextCell bounds the last column of a terminal table, in characters.
const maxTextCell = 120

// writeText prints sections for a terminal: every cell made inert
// (escape sequences and controls shown as visible glyphs), columns padded.
func writeText(w io.Writer, sections []section) {
	for i, s := range sections {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, s.title)
		if s.note != "" {
			fmt.Fprintln(w, "  "+inert.Sanitize(s.note))
		}
		for _, l := range s.pre {
			fmt.Fprintln(w, "  "+inert.Sanitize(l))
		}
		writeTextTable(w, s.header, s.rows)
	}
}

func writeTextTable(w io.Writer, header []string, rows [][]string) {
	if len(rows) == 0 {
		return
	}
	cells := append([][]string{header}, rows...)
	widths := make([]int, len(header))
	for r, row := range cells {
		for c := range row {
			cells[r][c] = shorten(inert.Sanitize(row[c]), maxTextCell)
			widths[c] = max(widths[c], utf8.RuneCountInString(cells[r][c]))
		}
	}
	for _, row := range cells {
		var sb strings.Builder
		sb.WriteString("  ")
		for c, cell := range row {
			sb.WriteString(cell)
			if c < len(row)-1 {
				sb.WriteString(strings.Repeat(" ", widths[c]-utf8.RuneCountInString(cell)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(sb.String(), " "))
	}
}

// shorten cuts s to n characters, "…" between its start and its last
// third: two long users that differ only at the end (their domain) stay
// told apart.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	tail := n / 3
	return string(r[:n-1-tail]) + "…" + string(r[len(r)-tail:])
}

// writeMarkdown prints sections to paste into an incident document:
// headings, pipe tables with every cell made inert and its Markdown
// characters escaped, the timeline in a code block.
func writeMarkdown(w io.Writer, sections []section) {
	for i, s := range sections {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, "## "+s.title)
		if s.note != "" {
			fmt.Fprintln(w, "\n"+markdownCell(s.note))
		}
		if len(s.pre) > 0 {
			fmt.Fprintln(w, "\n```text")
			for _, l := range s.pre {
				fmt.Fprintln(w, strings.ReplaceAll(inert.Sanitize(l), "`", "'"))
			}
			fmt.Fprintln(w, "```")
		}
		if len(s.rows) == 0 {
			continue
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w, "| "+strings.Join(s.header, " | ")+" |")
		fmt.Fprintln(w, strings.Repeat("|---", len(s.header))+"|")
		for _, row := range s.rows {
			cells := make([]string, len(row))
			for c, cell := range row {
				cells[c] = markdownCell(cell)
			}
			fmt.Fprintln(w, "| "+strings.Join(cells, " | ")+" |")
		}
	}
}

// markdownEscapes are the characters that would format, link or break a
// table cell, or start an entity ("&amp;" renders as "&"); each is written
// after a backslash.
const markdownEscapes = "\\`*_[]<>|#~!&"

func markdownCell(s string) string {
	s = inert.Sanitize(s)
	var sb strings.Builder
	for _, r := range s {
		if r < utf8.RuneSelf && strings.ContainsRune(markdownEscapes, r) {
			sb.WriteByte('\\')
		}
		sb.WriteRune(r)
	}
	return sb.String()
}
