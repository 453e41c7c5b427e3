package triage

import "strings"

// sparkTable names the top-N tables whose values get counts per bucket.
type sparkTable uint8

const (
	sparkUsers sparkTable = iota
	sparkResources
	sparkIPs
	sparkCountries
	sparkFailures
	sparkDenied
	sparkModules
	sparkTables
)

// sparks keeps, beside the top-N counters, each value's counts per time
// bucket, so that a view can draw when a value was seen (a sparkline per
// row). A value is kept when its counter keeps it: the same cap, reached
// by the same values in the same order; the rest share the other series.
// A series spans only the buckets its value was seen in, so a value seen
// once costs one bucket.
type sparks struct {
	max    int
	tables [sparkTables]map[string]*series
	other  [sparkTables]series
}

func newSparks(max int) *sparks {
	s := &sparks{max: max}
	for i := range s.tables {
		s.tables[i] = map[string]*series{}
	}
	return s
}

// add counts an entry's facts in bucket b of the given width; reason is
// the failure reason as the failures table counts it (normalised).
func (s *sparks) add(f *facts, reason string, b, width int64) {
	if f.user == "" && f.resource == "" && f.ip == "" && f.country == "" && f.module == "" && !f.failed && !f.denied {
		return // most entries: service lines below warn
	}
	s.count(sparkUsers, f.user, b, width)
	s.count(sparkResources, f.resource, b, width)
	s.count(sparkIPs, f.ip, b, width)
	s.count(sparkCountries, f.country, b, width)
	if f.failed {
		s.count(sparkFailures, reason, b, width)
	}
	if f.denied {
		s.countKeyed(sparkDenied, deniedKey(f), b, width)
	}
	s.count(sparkModules, f.module, b, width)
}

func (s *sparks) count(t sparkTable, v string, b, width int64) {
	s.countKeyed(t, countKey(v, ""), b, width)
}

// countKeyed counts a value under the key its counter has for it.
func (s *sparks) countKeyed(t sparkTable, v string, b, width int64) {
	if v == "" {
		return
	}
	m := s.tables[t]
	sr := m[v]
	if sr == nil {
		if len(m) >= s.max {
			s.other[t].add(b, width, 1)
			return
		}
		sr = &series{}
		m[strings.Clone(v)] = sr
	}
	sr.add(b, width, 1)
}

// fill gives every value of a report's tables its counts per bucket of
// the axis.
func (s *sparks) fill(out *Tops, ax *axis) {
	if !ax.nonEmpty {
		return
	}
	lists := [sparkTables][]Value{out.Users, out.Resources, out.IPs, out.Countries, out.Failures, out.Denied}
	for t := sparkUsers; t < sparkModules; t++ {
		for i := range lists[t] {
			lists[t][i].Buckets = s.at(t, &lists[t][i], ax)
		}
	}
	for i := range out.Modules {
		out.Modules[i].Buckets = s.at(sparkModules, &out.Modules[i].Value, ax)
	}
}

func (s *sparks) at(t sparkTable, v *Value, ax *axis) []uint32 {
	if v.Other {
		return s.other[t].at(ax.lo, ax.hi, ax.width)
	}
	if sr := s.tables[t][v.countedKey()]; sr != nil {
		return sr.at(ax.lo, ax.hi, ax.width)
	}
	return make([]uint32, ax.hi-ax.lo+1)
}
