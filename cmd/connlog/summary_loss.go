package main

import (
	"connlog/model"
	"connlog/model/triage"
)

// summaryReport is what summary prints: the triage tables and what the
// range summarised lost, which the tables alone would hide (its gap rows
// are only a mark on the timeline).
type summaryReport struct {
	triage.Report
	// Entries counts the entries summarised, gap and boundary rows aside
	// (the triage counts every row): it stands for the report's own in the
	// JSON form.
	Entries int64       `json:"entries"`
	Loss    summaryLoss `json:"loss"`
}

func newSummaryReport(r triage.Report, losses model.Ledger) summaryReport {
	return summaryReport{Report: r, Entries: r.InputEntries(), Loss: lossOf(losses)}
}

// summaryLoss is the "loss" object of the JSON form, there with zeros when
// nothing was lost so that a script reads it without a test: the gaps of
// the range (selected by the query or not, as export counts them), the
// lines and bytes they lost, those of unknown size, and the amount by reason.
type summaryLoss struct {
	Gaps        int64            `json:"gaps"`
	Lines       int64            `json:"lines"`
	Bytes       int64            `json:"bytes"`
	UnknownSize int64            `json:"unknown_size"`
	Reasons     map[string]int64 `json:"reasons"`
	text        string           // the one-line summary (model.Ledger.Summary)
}

func lossOf(l model.Ledger) summaryLoss {
	reasons := l.ByKind
	if reasons == nil {
		reasons = map[string]int64{}
	}
	return summaryLoss{Gaps: l.Events, Lines: l.Lines(), Bytes: l.Bytes(), UnknownSize: l.Unknown, Reasons: reasons, text: l.Summary()}
}
