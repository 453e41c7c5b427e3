package export

import (
	"net/netip"
	"strings"

	"connlog/model"
)

// redactSources returns a copy of infos whose names, paths and units have
// their emails and IP addresses replaced: a file is often named after a
// user (/var/log/users/alice@example.com.log) or a host
// (/var/log/hosts/10.1.2.3/syslog), and a fleet's source after the hosts
// asked for, and these names reach the ndjson, CSV and journal exports and
// a bundle's manifest. A value gets the pseudonym it gets in the lines; the
// rest of the name stays readable.
func redactSources(r *Redactor, infos []SourceInfo) []SourceInfo {
	out := make([]SourceInfo, len(infos))
	for i, s := range infos {
		s.Name, s.Path, s.Unit = redactName(r, s.Name), redactName(r, s.Path), redactName(r, s.Unit)
		out[i] = s
	}
	return out
}

// learnHost adds to the set the host o names when it is an IP address
// (a syslog line's host field often is), so that the line's host gets the
// pseudonym its envelope and the manifest give it.
func (s *secretSet) learnHost(r *Redactor, o *model.Origin) {
	for _, h := range hostsOf(o) {
		if _, err := netip.ParseAddr(h); err == nil {
			s.add(r, classIP, h)
		}
	}
}

// redactHost replaces the emails and IP addresses in the host names of o
// (a copy the export owns), as in the names of the inputs.
func redactHost(r *Redactor, o *model.Origin) {
	o.Host = redactName(r, o.Host)
	if o.Journal != nil {
		o.Journal.Hostname = redactName(r, o.Journal.Hostname)
	}
}

func hostsOf(o *model.Origin) []string {
	if o.Journal == nil || o.Journal.Hostname == o.Host {
		return []string{o.Host}
	}
	return []string{o.Host, o.Journal.Hostname}
}

// redactName replaces the emails and IP addresses in a file path or a
// source name. There, unlike in a line, a value is often run together with
// the rest of the name by a dot, a dash or an underscore
// (alice@example.com.log, syslog-10.1.2.3.gz), which still separate it.
func redactName(r *Redactor, s string) string { return renameSecrets(s, r.pseudonym) }

// renameSecrets is redactName with pseudo giving each value's stand-in, so
// that the preview can list the values a name gives away.
func renameSecrets(s string, pseudo func(class, string) string) string {
	s = replaceNameEmails(s, pseudo)
	// IPv6 first: an IPv4 inside one (::ffff:10.1.2.3) is part of it.
	s = replaceAddrRuns(s, pseudo, &ipBytes, nameAddrIn(netip.Addr.Is6))
	return replaceAddrRuns(s, pseudo, &ipv4Bytes, nameAddrIn(netip.Addr.Is4))
}

// RedactName returns a name (a file path, a source or host name) with the
// emails and IP addresses that an export's redaction replaces in the names
// of its inputs replaced the same way, the rest kept: what a redacted
// export calls the name.
func (r *Redactor) RedactName(s string) string { return redactName(r, s) }

// replaceNameEmails replaces the addresses in a name, each without the file
// endings that follow it: alice@example.com.log.1.gz names
// alice@example.com, and gets that address's pseudonym.
func replaceNameEmails(s string, pseudo func(class, string) string) string {
	var b strings.Builder
	last := 0
	for at := strings.IndexByte(s, '@'); at >= 0; at = nextAt(s, at+1) {
		from, to := at, at+1
		for from > last && localByte(s[from-1]) {
			from--
		}
		for to < len(s) && domainByte(s[to]) {
			to++
		}
		addr := withoutFileEndings(strings.TrimRight(s[from:to], ".-"))
		if from == at || !isEmail(addr) {
			continue
		}
		b.WriteString(s[last:from])
		b.WriteString(pseudo(classEmail, addr))
		last = from + len(addr)
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// nextAt returns the index of the next '@' in s from i on, or -1.
func nextAt(s string, i int) int {
	if j := strings.IndexByte(s[i:], '@'); j >= 0 {
		return i + j
	}
	return -1
}

// fileEndings are the parts of a log file's name that follow what it is
// named after: its type, compression, rotation; and a unit's type.
var fileEndings = map[string]bool{
	"log": true, "logs": true, "txt": true, "out": true, "err": true, "json": true, "jsonl": true,
	"ndjson": true, "csv": true, "export": true, "journal": true, "tar": true, "gz": true, "zst": true,
	"xz": true, "bz2": true, "lz4": true, "zip": true, "old": true, "bak": true, "service": true,
}

// withoutFileEndings drops from the end of an address the parts, after a
// dot or a dash, that are file endings or numbers (a rotation, a date), as
// long as what remains is an address; else it keeps it whole.
func withoutFileEndings(addr string) string {
	at := strings.LastIndexByte(addr, '@')
	cut := len(addr)
	for cut > at+1 {
		sep := strings.LastIndexAny(addr[at+1:cut], ".-")
		if sep < 0 {
			break
		}
		sep += at + 1
		part := strings.ToLower(addr[sep+1 : cut])
		if !fileEndings[part] && !allDigits(part) {
			break
		}
		cut = sep
	}
	if cut < len(addr) && isEmail(addr[:cut]) {
		return addr[:cut]
	}
	return addr
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// nameAddrIn finds the address in the run s[i:j]: the run less the dots
// around it, if it is an address that want accepts.
func nameAddrIn(want func(netip.Addr) bool) func(s string, i, j int) (from, to int, ok bool) {
	return func(s string, i, j int) (from, to int, ok bool) {
		from, to = i, j
		for from < to && s[from] == '.' {
			from++
		}
		for to > from && s[to-1] == '.' {
			to--
		}
		a, err := netip.ParseAddr(s[from:to])
		return from, to, err == nil && want(a)
	}
}

func isIPv4Byte(c byte) bool { return c >= '0' && c <= '9' || c == '.' }
