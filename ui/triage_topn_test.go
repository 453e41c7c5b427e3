package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"connlog/model"
	"connlog/model/triage"
	"connlog/ui/triageview"
)

func TestGoldenTopN(t *testing.T) {
	for _, sz := range goldenSizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := drive(t, goldenModel(t, sz[0], sz[1]), keys("s", "j")...)
			if m.mode != ModeTopN {
				t.Fatalf("mode %s after s; want top-n", m.mode)
			}
			golden.RequireEqual(t, []byte(screen(m)))
		})
	}
}

// TestTopNCountsTheView checks that the view counts what the filter and
// the tab keep, not the whole store.
func TestTopNCountsTheView(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := drive(t, newTestModel(t, st, 120, 40), keys("/", "user:bob*", "enter")...)
	m = drive(t, m, keys("s")...)
	got := screen(m)
	if !strings.Contains(got, "bob@example.com") || strings.Contains(got, "alice@example.com") {
		t.Errorf("top-N of the filtered view should list bob only:\n%s", got)
	}
	if !strings.Contains(got, "view · 1 entry ") {
		t.Errorf("the title should count the view's one entry:\n%s", got)
	}
}

// TestTopNPivotsToUser checks enter on a user: the filter names the key
// the user was counted from, and the table comes back narrowed to the
// rows counted.
func TestTopNPivotsToUser(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := drive(t, newTestModel(t, st, 120, 40), keys("s")...)
	// The first value row is the most frequent user: alice, with two events.
	m = drive(t, m, keys("enter")...)
	if m.mode != ModeNormal {
		t.Fatalf("mode %s after enter; want normal", m.mode)
	}
	if m.filter.text != "user.email=alice@example.com" {
		t.Errorf("filter %q; want user.email=alice@example.com", m.filter.text)
	}
	if m.live.len() != 2 {
		t.Errorf("%d rows after the pivot; want alice's 2", m.live.len())
	}
}

func TestTopNEscGoesBack(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := drive(t, newTestModel(t, st, 80, 24), keys("s", "esc")...)
	if m.mode != ModeNormal || m.filter.text != "" {
		t.Errorf("after esc: mode %s, filter %q; want normal and no filter", m.mode, m.filter.text)
	}
}

// TestTopNDropsStaleReport checks that a report computed for an earlier
// opening of the view does not replace the current one.
func TestTopNDropsStaleReport(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, 120, 40)
	nm, stale := m.openTopN()
	m = nm.(Model)
	nm, _ = m.closeTriage().openTopN() // a second opening, whose result is not in yet
	m = nm.(Model)
	old := callCmd(t, stale).(triageview.ResultMsg)
	if old.Gen == m.triGen {
		t.Fatal("the two computations share a generation")
	}
	m = drive(t, m, old)
	if !m.topN.Computing() || m.topN.Len() != 0 {
		t.Error("the stale report was shown")
	}
}

// TestTopNKeepsLogTextInert checks that escape sequences in a counted
// value reach the screen as visible glyphs, never as bytes.
func TestTopNKeepsLogTextInert(t *testing.T) {
	evil := "zedekiah\x1b[2J\x1b]52;c;ZXZpbA==\x07@example.com"
	es := append(fixtureEntries(), analytics(20000, model.EventFailed, "ff-1", evil, "boom", 0, 0, 0))
	st, _ := newFixtureStore(t, es)
	m := drive(t, newTestModel(t, st, 120, 40), keys("s")...)
	out := m.View().Content
	if strings.Contains(out, "\x1b[2J") || strings.Contains(out, "\x1b]52") || strings.Contains(out, "\x07") {
		t.Fatalf("escape sequences from a user name reached the screen: %q", out)
	}
	if !strings.Contains(screen(m), "zedekiah") {
		t.Errorf("the hostile user is not listed:\n%s", screen(m))
	}
}

func TestTopNPivotTerms(t *testing.T) {
	cases := []struct {
		name  string
		table triageview.Table
		value triage.Value
		want  string
		exact bool
	}{
		{"user", triageview.TopUsers, triage.Value{Value: "a b@x"}, `user="a b@x"`, true},
		{"resource", triageview.TopResources, triage.Value{Value: "app.website.com"}, "resource=app.website.com", true},
		{"user by its e-mail", triageview.TopUsers, triage.Value{Value: "a@x", Keys: []string{model.KeyUserEmail, model.KeySessUserEmail}},
			"user.email=a@x or userEmail=a@x", true},
		{"user by an id beside no e-mail", triageview.TopUsers, triage.Value{Value: "usr_1", Keys: []string{model.KeySessUserID}},
			"userId=usr_1 -userEmail:*", true},
		{"Pangolin resource by its id", triageview.TopResources, triage.Value{Value: "resource 35", Keys: []string{model.KeySiteResource}},
			"siteResourceId=35 -resourceName:*", true},
		{"audit element", triageview.TopResources, triage.Value{Value: "report", Keys: []string{model.KeyElement}}, "element=report", true},
		{"client behind no proxy", triageview.TopIPs, triage.Value{Value: "10.0.0.1", Keys: []string{model.KeyAuditClientIP}},
			"client_ip=10.0.0.1 -forwarded_for_client_ip:*", true},
		{"Linux login by its AUID", triageview.TopUsers, triage.Value{Value: "bob", Keys: []string{model.KeyAuditLoginName}},
			"AUID=bob -(acct:* -acct=? -acct=unset)", true},
		{"ip", triageview.TopIPs, triage.Value{Value: "192.0.2.10"}, "ip=192.0.2.10", true},
		{"country", triageview.TopCountries, triage.Value{Value: "US"}, "country=US", true},
		{"module", triageview.TopModules, triage.Value{Value: "libsdwan"}, "module=libsdwan level>=warn", true},
		{"module by its name", triageview.TopModules, triage.Value{Value: "libsdwan", Keys: []string{model.KeyModule}},
			"module=libsdwan level>=warn", true},
		{"library of lines no module tagged", triageview.TopModules, triage.Value{Value: "libevent", Keys: []string{model.KeyLibrary}},
			"library=libevent -module:* level>=warn", true},
		{"failure", triageview.TopFailures, triage.Value{Value: "CONNECTION_FAILED: timeout after <dur>"},
			`event=failed_to_connect "CONNECTION_FAILED" "timeout"`, false},
		{"failure without a reason", triageview.TopFailures, triage.Value{Value: triage.NoReason},
			"event=failed_to_connect or kind=audit (res:failed or res:fail or res:failure or res:no or res:0 or " +
				"result:failed or result:fail or result:failure or result:no or result:0)", false},
		{"denied", triageview.TopDenied, triage.Value{Value: "carol@x → app.website.com"},
			"(event=denied_access or granted=false or apparmor:denied or seresult:denied or type=AVC level>=warn or type=USER_AVC level>=warn) user=carol@x " +
				"(resource=app.website.com or action=app.website.com or name=app.website.com)", true},
		{"denied, unknown user", triageview.TopDenied, triage.Value{Value: "(unknown user) → db"},
			"(event=denied_access or granted=false or apparmor:denied or seresult:denied or type=AVC level>=warn or type=USER_AVC level>=warn) (resource=db or action=db or name=db)", true},
		{"denied by AppArmor", triageview.TopDenied, triage.Value{Value: "(unknown user) → /etc/shadow"},
			"(event=denied_access or granted=false or apparmor:denied or seresult:denied or type=AVC level>=warn or type=USER_AVC level>=warn) " +
				"(resource=/etc/shadow or action=/etc/shadow or name=/etc/shadow)", true},
		{"other", triageview.TopUsers, triage.Value{Value: triage.Other, Other: true}, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, exact := pivotTerm(c.table, c.value)
			if got != c.want || exact != c.exact {
				t.Errorf("pivotTerm = %q, %v; want %q, %v", got, exact, c.want, c.exact)
			}
		})
	}
}

// TestFlowTopNPivot opens the top-N view in a running program, moves to
// a client IP and pivots the filter to it.
func TestFlowTopNPivot(t *testing.T) {
	l := startLive(t, fixtureEntries(), 120, 40)
	l.waitFor("15/15")
	l.press("s")
	l.waitFor("top values of the view", "client IPs", "198.51.100.7")
	// users (4 rows), resources (4), then the IPs: 192.0.2.10, 198.51.100.7.
	l.press("j", "j", "j", "j", "j", "j", "j", "j", "j", "enter")
	// mallory's audit record: its client_ip, forwarded for no one.
	l.waitFor("filter: client_ip=198.51.100.7 -forwarded_for_client_ip:*", "1/15")
	if m := l.final(); m.filter.text != "client_ip=198.51.100.7 -forwarded_for_client_ip:*" || m.mode != ModeNormal {
		t.Errorf("filter %q, mode %s; want client_ip=198.51.100.7 -forwarded_for_client_ip:* in normal mode", m.filter.text, m.mode)
	}
}

// TestOpenTriageViewsFollowArrivals leaves each triage view open while
// lines arrive: each is brought up to date without being reopened, at most
// every triageRefreshEvery, showing its report meanwhile, with the cursor
// on the row it was on.
func TestOpenTriageViewsFollowArrivals(t *testing.T) {
	newcomer := func(ms int) []model.Entry {
		return []model.Entry{analytics(ms, model.EventFailed, fmt.Sprint("nn", ms), "newcomer@example.com", "CONNECTION_FAILED: refused", 0, 0, 0)}
	}
	// P: the fixture's 13 entries (its gap and boundary rows are not
	// entries), then the 2 newcomers.
	for _, c := range []struct{ key, shows string }{{"s", "newcomer@example.com"}, {"P", "15 entries"}, {"S", "refused"}} {
		st, rp := newFixtureStore(t, fixtureEntries())
		m := newTestModel(t, st, 120, 40)
		now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
		m.cfg.Now = func() time.Time { return now }
		m = drive(t, m, keys(c.key, "j", "j")...)
		cursor := cursorLine(screen(m))
		add := func(es []model.Entry) {
			rp.add(es)
			st.Append(es)
			m = drive(t, m, frameMsg{})
		}
		add(newcomer(90_000))
		if strings.Contains(screen(m), c.shows) {
			t.Fatalf("%s: brought up to date within %v of opening:\n%s", c.key, triageRefreshEvery, screen(m))
		}
		now = now.Add(triageRefreshEvery)
		add(newcomer(91_000))
		if !strings.Contains(screen(m), c.shows) {
			t.Fatalf("%s: not brought up to date %v after opening:\n%s", c.key, triageRefreshEvery, screen(m))
		}
		if got := cursorLine(screen(m)); got != cursor || cursor == "" {
			t.Errorf("%s: the cursor moved from %q to %q", c.key, cursor, got)
		}
	}
}

// cursorLine is the line of a screen the cursor marks, up to its first
// run of spaces: the row's value, without its counts.
func cursorLine(s string) string {
	for l := range strings.SplitSeq(s, "\n") {
		if _, row, ok := strings.Cut(l, "▸"); ok {
			row = strings.TrimSpace(row)
			value, _, _ := strings.Cut(row, "  ")
			return value
		}
	}
	return ""
}
