package decode

import (
	"fmt"
	"testing"

	"connlog/model"
)

func TestZZScratch(t *testing.T) {
	es := decodeAll(Options{}, lineRecords(
		"[2025-11-01T14:06:15.101763-05:00] [INFO] [client] Environment Information:",
		"    OS: Linux 6.14.0-33-generic",
		"    Client version: 2025.301.0",
		"[2025-11-01T14:06:16.967901-05:00] [WARN] [client] Service state updated. [StateAggregationService.set_State]"))
	for _, e := range es {
		fmt.Printf("%q env=%q msg=%q fields=%v\n", e.Raw, e.Origin.Envelope, e.Message(), e.Fields)
		c := model.Entry{Raw: e.Raw, Kind: e.Kind, Origin: e.Origin, Item: e.Item}
		Reparse(&c)
		fmt.Printf("  reparsed msg=%q fields=%v payload=%q err=%q\n", c.Message(), c.Fields, c.Payload, c.Err)
	}
}
