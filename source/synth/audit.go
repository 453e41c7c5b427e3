package synth

import (
	"connlog/model"
	"connlog/model/export"
)

// AQtive Guard structured logs: one flat JSON object per line with the
// required keys (id, created_at, hostname, level, log_type, pid) and the
// fields of its log type, as the vendor's logging page lists them.

var (
	auditElements = []string{"project", "report", "key_inventory", "profile", "slot", "connector"}
	auditSettings = []struct{ name, old, new string }{
		{"session_timeout_minutes", "30", "60"}, {"password_min_length", "12", "14"},
		{"jira_integration_enabled", "false", "true"}, {"analysis_retention_days", "90", "180"},
	}
	auditDenials = []string{
		"insufficient permissions: role viewer cannot modify this element",
		"user is not a member of the project",
		"invalid credentials",
		"API key is invalid or expired",
	}
	webPaths = []string{"/api/v2/projects", "/api/v2/projects/12/reports", "/api/v2/reports/8812", "/login", "/api/v2/inventory/keys", "/static/app.js"}
)

func (g *Generator) auditLine(b []byte) []byte {
	g.meta = Meta{Program: Analyzer, Stream: model.StreamStdout}
	switch k := g.r.intn(20); {
	case k < 8:
		return g.auditWeb(b)
	case k < 14:
		return g.auditAction(b)
	case k < 17:
		return g.auditAnalysis(b)
	case k < 19:
		return g.auditApplication(b)
	}
	b = g.auditHead(b, "info", "tanium", false)
	b = append(b, `,"computer_group":"Linux Servers","endpoint_id":"`...)
	b = appendInt(b, int64(g.r.between(1000, 9999)))
	return append(b, `","message":"collected crypto inventory from endpoint"}`...)
}

// auditHead writes the keys every record has, and a user when withUser.
func (g *Generator) auditHead(b []byte, level, logType string, withUser bool) []byte {
	b = append(b, `{"id":"`...)
	b = appendUUID(b, &g.r)
	b = append(b, `","created_at":"`...)
	b = AppendRFC3339(b, g.now, 6, false)
	b = append(b, `","hostname":`...)
	b = export.AppendJSONString(b, g.opts.Hostname)
	b = append(b, `,"level":"`...)
	b = append(b, level...)
	b = append(b, `","log_type":"`...)
	b = append(b, logType...)
	b = append(b, `","pid":`...)
	b = appendInt(b, int64(g.procs[Analyzer].pid))
	b = append(b, `,"request_id":"`...)
	b = appendUUID(b, &g.r)
	b = append(b, '"')
	if withUser {
		u := g.r.intn(8)
		b = append(b, `,"user_id":`...)
		b = appendInt(b, int64(u+1))
		b = append(b, `,"user_name":"`...)
		b = append(b, userNames[u]...)
		b = append(b, '"')
	}
	return b
}

func (g *Generator) auditClient(b []byte) []byte {
	b = append(b, `,"client_ip":"10.20.0.`...)
	b = appendInt(b, int64(g.r.between(20, 40)))
	b = append(b, `","forwarded_for_client_ip":"`...)
	b = appendIPv4(b, g.w.users[g.r.intn(len(g.w.users))].hostIP)
	return append(b, '"')
}

func (g *Generator) auditWeb(b []byte) []byte {
	status := [...]int{200, 200, 200, 200, 201, 304, 401, 403, 404, 500}[g.r.intn(10)]
	level := "info"
	if status >= 500 {
		level = "error"
	}
	b = g.auditHead(b, level, "web", true)
	b = append(b, `,"method":"`...)
	b = append(b, [...]string{"GET", "GET", "GET", "POST", "PUT", "DELETE"}[g.r.intn(6)]...)
	b = append(b, `","path":"`...)
	b = append(b, webPaths[g.r.intn(len(webPaths))]...)
	b = append(b, `","status_code":`...)
	b = appendInt(b, int64(status))
	return append(b, '}')
}

// auditAction writes a login, user activity, setting change or API request,
// granted most of the time and denied with a reason otherwise.
func (g *Generator) auditAction(b []byte) []byte {
	granted := g.r.chance(0.8)
	level := "info"
	if !granted {
		level = "warning"
	}
	b = g.auditHead(b, level, "audit", true)
	b = append(b, `,"action":"`...)
	switch k := g.r.intn(4); k {
	case 0:
		b = append(b, `login_attempt"`...)
	case 1:
		b = append(b, [...]string{"access", "create", "update", "remove", "export_jira"}[g.r.intn(5)]...)
		b = append(b, `","element":"`...)
		b = append(b, auditElements[g.r.intn(len(auditElements))]...)
		b = append(b, `","element_id":`...)
		b = appendInt(b, int64(g.r.between(1, 9000)))
	case 2:
		s := auditSettings[g.r.intn(len(auditSettings))]
		b = append(b, `setting_change","setting":"`+s.name+`","old_value":"`+s.old+`","new_value":"`+s.new+`"`...)
	default:
		b = append(b, `api_request"`...)
		if !granted {
			b = append(b, `,"api_key":"csk_`...)
			b = appendHex(b, g.r.u64(), 12)
			b = append(b, '"')
		}
	}
	b = append(b, `,"access_granted":`...)
	if granted {
		b = append(b, "true"...)
	} else {
		b = append(b, `false,"access_denied_reason":`...)
		b = export.AppendJSONString(b, auditDenials[g.r.intn(len(auditDenials))])
	}
	b = g.auditClient(b)
	return append(b, '}')
}

func (g *Generator) auditAnalysis(b []byte) []byte {
	b = g.auditHead(b, "debug", "analysis", false)
	b = append(b, `,"memory_mb":`...)
	b = appendInt(b, int64(g.r.between(180, 2400)))
	b = append(b, `,"module":"`...)
	b = append(b, [...]string{"pkcs11_analysis", "tls_scan", "jca_trace", "key_inventory"}[g.r.intn(4)]...)
	b = append(b, `","message":"analysis of trace `...)
	b = appendInt(b, int64(g.r.between(1000, 9999)))
	b = append(b, ` complete: `...)
	b = appendInt(b, int64(g.r.intn(40)))
	return append(b, ` findings"}`...)
}

// auditApplication writes a generic record; some are errors with a Python
// stack trace, kept whole in one JSON string.
func (g *Generator) auditApplication(b []byte) []byte {
	if g.r.chance(0.7) {
		b = g.auditHead(b, "info", "application", false)
		return append(b, `,"message":"scheduled report generation finished"}`...)
	}
	b = g.auditHead(b, "error", "application", true)
	b = append(b, `,"message":"unhandled exception while processing trace upload",`...)
	return append(b, `"stacktrace":"Traceback (most recent call last):\n  File \"/opt/cryptosense/analyzer/worker.py\", line 212, in process\n    result = self._analyze(trace)\n  File \"/opt/cryptosense/analyzer/worker.py\", line 87, in _analyze\n    header = parse_header(trace.read(64))\nValueError: unsupported trace format version 7"}`...)
}
