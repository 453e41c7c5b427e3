package ui

import (
	"strings"

	"connlog/model/query"
)

// daysTaken lists where the filter's times written without a date fell,
// in the order written ("2026-11-20 23:00, 2026-11-21 00:30"), for the
// filter line: the day is the data's, chosen by a rule the text does not
// show (the row under the cursor, the evening before on a log past
// midnight). It is "" when the filter has none, and while the day of the
// data is not known yet: the filter is compiled again on it then.
func (m Model) daysTaken() string {
	if m.awaitDay {
		return ""
	}
	var days []string
	for _, d := range m.filter.query.DatelessTimes() {
		days = append(days, query.DayTimeText(d.At, m.loc()))
	}
	return strings.Join(days, ", ")
}
