// Command soakstore follows a log file into the store the TUI uses (the
// file source, the decoder, model.Store re-reading raw bytes from the
// files) until SIGINT or SIGTERM, then checks every row it holds the way a
// person would use them: a raw export of every row (as the TUI's export
// dialog writes it) must give the lines written, exactly once and in order,
// and searches for a row's own text must find that row. bench/soak.sh runs
// it beside soakwriter.
//
// It prints "held N", "raw export N lines, M wrong", "search K of K found",
// the losses the store counted, and exits non-zero on any mismatch.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"iter"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	"connlog/model"
	"connlog/model/decode"
	"connlog/model/export"
	"connlog/model/query"
	"connlog/source"
)

func main() {
	path := flag.String("path", "", "log file to follow (required)")
	countFile := flag.String("count-file", "", "stop once the store holds as many rows as this file says (written when the writer is done)")
	searches := flag.Int("searches", 5, "rows searched for by their own text (each search reads every row)")
	flag.Parse()
	if *path == "" {
		fmt.Fprintln(os.Stderr, "usage: soakstore -path FILE [-searches N]")
		os.Exit(2)
	}
	store := follow(*path, *countFile)
	ok := checkExport(store, filepath.Join(filepath.Dir(*path), "store-export.raw"))
	ok = checkSearches(store, *searches) && ok
	if !ok {
		os.Exit(1)
	}
}

// follow fills a store from path until a signal, or until it holds the
// number of rows countFile names.
func follow(path, countFile string) *model.Store {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	store := model.NewStore(model.StoreOptions{Reparse: decode.Reparse, Payloads: decode.Payloads, MessageInRaw: decode.MessageInRaw, FieldsWhole: decode.FieldsWhole})
	go stopWhenComplete(ctx, stop, store, countFile)
	src := source.NewFile(path, 1, source.FileOptions{Follow: true})
	store.SetRawReader(1, src)
	feeds := []source.Feed{{ID: 1, Source: src}}
	source.Ingest(ctx, feeds, func(es []model.Entry, front bool) {
		if front {
			store.Prepend(es)
		} else {
			store.Append(es)
		}
	}, func([]model.SourceStatus) {})
	return store
}

// stopWhenComplete calls stop once countFile names a number of rows the
// store holds.
func stopWhenComplete(ctx context.Context, stop func(), store *model.Store, countFile string) {
	if countFile == "" {
		return
	}
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		data, err := os.ReadFile(countFile)
		want, perr := strconv.Atoi(strings.TrimSpace(string(data)))
		if err == nil && perr == nil && store.Snapshot().Len() >= want {
			stop()
			return
		}
	}
}

var seqRE = regexp.MustCompile(`seq=([0-9]+) `)

// checkExport writes every held line entry as a raw export does and checks
// that the n-th line carries seq=n.
func checkExport(store *model.Store, out string) bool {
	sn := store.Snapshot()
	fmt.Printf("held %d\n", sn.Len())
	if loss := store.Stats().Loss; loss.Events > 0 {
		fmt.Printf("losses counted: %s\n", loss.Summary())
	}
	rows := func(yield func(*model.Entry) bool) {
		for seq := sn.First(); seq < sn.End(); seq++ {
			if seq == 0 || sn.Kind(seq) == model.KindGap {
				continue
			}
			e := new(model.Entry)
			_ = sn.Load(seq, e, model.LoadFull) // as the export dialog does: a failed load writes what it has
			if !yield(e) {
				return
			}
		}
	}
	if _, err := export.Export(context.Background(), out, iter.Seq[*model.Entry](rows), export.Options{Format: export.FormatRaw, Force: true}); err != nil {
		fmt.Println("raw export failed:", err)
		return false
	}
	defer os.Remove(out)
	n, wrong, first := compareLines(out)
	fmt.Printf("raw export %d lines, %d wrong\n", n, wrong)
	if first != "" {
		fmt.Println("first wrong line:", first)
	}
	return wrong == 0
}

// compareLines reads an export and counts the lines that are not seq=n.
func compareLines(path string) (n, wrong int, first string) {
	f, err := os.Open(path)
	if err != nil {
		return 0, 1, err.Error()
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for ; sc.Scan(); n++ {
		m := seqRE.FindSubmatch(sc.Bytes())
		if m == nil || string(m[1]) != strconv.Itoa(n) {
			if wrong++; first == "" {
				first = fmt.Sprintf("%d: %.80q", n+1, sc.Text())
			}
		}
	}
	return n, wrong, first
}

// checkSearches searches, as the filter bar does, for the text every line
// has (it must find every line row) and for rows spread over the store by
// their own text (each must find exactly its row).
func checkSearches(store *model.Store, k int) bool {
	sn := store.Snapshot()
	if sn.Len() == 0 {
		return false
	}
	lines := 0
	for seq := sn.First(); seq < sn.End(); seq++ {
		if seq != 0 && sn.Kind(seq) != model.KindGap {
			lines++
		}
	}
	all := search(sn, "[soak] seq=")
	fmt.Printf("search for every line: %d of %d rows found\n", all.Len(), lines)
	found := 0
	step := max(int64(sn.Len())/int64(k), 1)
	asked := 0
	for seq := sn.First(); seq < sn.End() && asked < k; seq += step {
		var e model.Entry
		if seq == 0 || sn.Load(seq, &e, model.LoadRaw) != nil || seqRE.Find(e.Raw) == nil {
			asked++ // a row whose bytes cannot be read counts as not found
			continue
		}
		asked++
		if searchFinds(sn, string(seqRE.Find(e.Raw)), seq) {
			found++
		}
	}
	fmt.Printf("search for one row: %d of %d found\n", found, asked)
	return found == asked && all.Len() == lines
}

// searchFinds reports whether a text search for text matches exactly the
// row seq.
func searchFinds(sn *model.Snapshot, text string, seq int64) bool {
	v := search(sn, text)
	return v.Len() == 1 && v.At(0) == seq
}

// search runs a text search for text over the snapshot.
func search(sn *model.Snapshot, text string) *model.View {
	q, err := query.Compile(strconv.Quote(text), query.Options{Now: time.Now(), Location: time.UTC})
	if err != nil {
		fmt.Fprintln(os.Stderr, "soakstore: query:", err)
		os.Exit(2)
	}
	f := q.Filter()
	v, err := model.BuildView(context.Background(), sn, f)
	if err != nil {
		fmt.Fprintln(os.Stderr, "soakstore: search:", err)
		os.Exit(1)
	}
	return v
}
