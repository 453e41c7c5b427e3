package table

import (
	"connlog/model"

	"connlog/ui/theme"
)

// entryCacheMax bounds what the cache keeps between two screens drawn:
// a few screens of rows.
const entryCacheMax = 2048

// entryCache keeps fully loaded entries of the rows on the last two
// screens drawn, so that redrawing the same rows costs no re-read and no
// re-parse. Entries never change once stored, so a cached entry stays
// valid while it is kept. It keeps no other: an entry's raw bytes that
// cannot be re-read from a file (standard input, a joined entry) lie in
// one of the store's arena chunks of 4 MiB, which the entry keeps alive
// after the store evicts it, so a cache of the rows of screens long gone
// held all of a piped log the budget had evicted (288 MB of RSS under
// --max-memory 80MiB for 300 MB piped in, following its tail).
type entryCache struct {
	cur, prev map[int64]*model.Entry // the rows of this screen, and of the one before
}

func newEntryCache() *entryCache {
	return &entryCache{cur: make(map[int64]*model.Entry), prev: make(map[int64]*model.Entry)}
}

// screen starts a screen: the rows of the one before it stay at hand, the
// rows of older ones go.
func (c *entryCache) screen() {
	c.prev, c.cur = c.cur, c.prev
	clear(c.cur)
}

// get returns entry seq loaded in full, or nil when the store no longer has
// it. An entry whose raw bytes cannot be re-read is returned with what could
// be loaded and the reason in Err. The store's front gap is the one entry
// that changes (its count grows, in place of an evicted entry): it is
// loaded each time, which costs no read.
func (c *entryCache) get(sn *model.Snapshot, seq int64) *model.Entry {
	gap, _ := sn.FrontGap()
	if e, ok := c.cur[seq]; ok && seq != gap {
		return e
	}
	if e, ok := c.prev[seq]; ok && seq != gap {
		c.keep(seq, e)
		return e
	}
	if !sn.Has(seq) {
		return nil
	}
	e := new(model.Entry)
	if err := sn.Load(seq, e, model.LoadFull); err != nil && e.Err == "" {
		e.Err = err.Error()
	}
	c.keep(seq, e)
	return e
}

// keep puts e in this screen's rows, within entryCacheMax.
func (c *entryCache) keep(seq int64, e *model.Entry) {
	if len(c.cur) >= entryCacheMax {
		clear(c.cur)
	}
	c.cur[seq] = e
}

// len is how many entries the cache keeps.
func (c *entryCache) len() int { return len(c.cur) + len(c.prev) }

// levelCellMax bounds the level-cell cache: every level at a few widths.
const levelCellMax = 256

// levelCellKey is a level cell as drawn: its level, text and width.
type levelCellKey struct {
	level model.Level
	text  string
	width int
}

// levelCells keeps the level cells of rows drawn, styled: a screen holds
// the same few ("INF", "DBG", …) on every row, and styling one costs more
// than the rest of its row.
type levelCells struct {
	m map[levelCellKey]string
}

func newLevelCells() *levelCells { return &levelCells{m: make(map[levelCellKey]string)} }

// get returns text fitted to width and drawn in the level's style.
func (c *levelCells) get(styles *theme.Styles, l model.Level, text string, width int) string {
	k := levelCellKey{l, text, width}
	if s, ok := c.m[k]; ok {
		return s
	}
	if len(c.m) >= levelCellMax {
		clear(c.m)
	}
	s := styles.Level(l).Render(theme.Fit(text, width))
	c.m[k] = s
	return s
}
