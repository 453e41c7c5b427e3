package main

import "context"

// storeDay is the day a time written without a date falls on when a log
// store is read: that of the newest entry it holds of the hosts and units
// asked for, as for journal files, so that --since 09:10 on yesterday's
// fleet is yesterday at 09:10. A store that holds none, or does not answer
// (which the first request then reports), leaves today.
func storeDay(ctx context.Context, cfg Config) dataDay {
	vl, err := remoteStore(cfg)
	if err != nil {
		return dataDay{rule: dayToday}
	}
	first, last, err := vl.Span(ctx, storeOrigins(cfg))
	if err != nil || last.IsZero() {
		return dataDay{rule: dayToday}
	}
	return dataDay{first: first, last: last, rule: dayNewest}
}
