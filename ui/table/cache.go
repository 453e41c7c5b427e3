package table

import (
	"connlog/model"

	"connlog/ui/theme"
)

// entryCacheMax bounds the cache: a few screens of rows.
const entryCacheMax = 2048

// entryCache keeps fully loaded entries of rows recently on screen, so that
// redrawing the same rows costs no re-read and no re-parse. Entries never
// change once stored, so a cached entry stays valid until evicted.
type entryCache struct {
	m map[int64]*model.Entry
}

func newEntryCache() *entryCache { return &entryCache{m: make(map[int64]*model.Entry)} }

// get returns entry seq loaded in full, or nil when the store no longer has
// it. An entry whose raw bytes cannot be re-read is returned with what could
// be loaded and the reason in Err. The store's front gap is the one entry
// that changes (its count grows, in place of an evicted entry): it is
// loaded each time, which costs no read.
func (c *entryCache) get(sn *model.Snapshot, seq int64) *model.Entry {
	gap, _ := sn.FrontGap()
	if e, ok := c.m[seq]; ok && seq != gap {
		return e
	}
	if !sn.Has(seq) {
		return nil
	}
	if len(c.m) >= entryCacheMax {
		clear(c.m)
	}
	e := new(model.Entry)
	if err := sn.Load(seq, e, model.LoadFull); err != nil && e.Err == "" {
		e.Err = err.Error()
	}
	c.m[seq] = e
	return e
}

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
