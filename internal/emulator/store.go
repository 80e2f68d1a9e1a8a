package emulator

import (
	"fmt"
	"reflect"
	"slices"
)

// store is what the products serve. Each product keeps its own part, of
// its own type (see storePart), so that what is shared here knows no
// product's objects; seq orders every object stored, across products, as
// page tokens point into it.
type store struct {
	seq   uint64
	parts map[reflect.Type]any
}

// storePart is st's part of type T, made on first use. Called with s.mu
// held.
func storePart[T any](st *store) *T {
	if p, ok := st.parts[reflect.TypeFor[T]()].(*T); ok {
		return p
	}
	p := new(T)
	if st.parts == nil {
		st.parts = map[reflect.Type]any{}
	}
	st.parts[reflect.TypeFor[T]()] = p
	return p
}

// collection keeps its items in insertion order (by seq), which is the
// order lists are served in and what page tokens point into.
type collection struct {
	items      []*item
	bySid      map[string]*item
	byIdentity map[string]*item
}

// item is one stored object. Its body is encoded once, so that callers may
// go on mutating the map they passed without racing with handlers, and
// other shapes are rendered from it once per shape and link base.
type item struct {
	seq           uint64
	sid, identity string
	body          []byte
	rendered      map[renderKey][]byte
}

// renderKey names one rendering of an item: a shape, and the link base
// its links were made on.
type renderKey struct {
	shape, linkBase string
}

// renderedAs is the item as render makes it for key, rendered once: a
// 10,000-user list pages without encoding anything twice. Called with s.mu
// held.
func (it *item) renderedAs(key renderKey, render func() []byte) []byte {
	if b, ok := it.rendered[key]; ok {
		return b
	}
	if it.rendered == nil {
		it.rendered = map[renderKey][]byte{}
	}
	b := render()
	it.rendered[key] = b
	return b
}

// put replaces the item with its sid, else the one with its identity, in
// place; a new item goes last.
func (c *collection) put(it *item, seq *uint64) {
	var old *item
	if it.sid != "" {
		old = c.bySid[it.sid]
	}
	if old == nil && it.identity != "" {
		old = c.byIdentity[it.identity]
	}
	if old != nil {
		it.seq = old.seq
		c.items[c.index(old)] = it
		c.unindex(old)
	} else {
		*seq++
		it.seq = *seq
		c.items = append(c.items, it)
	}
	if c.bySid == nil {
		c.bySid, c.byIdentity = map[string]*item{}, map[string]*item{}
	}
	if it.sid != "" {
		c.bySid[it.sid] = it
	}
	if it.identity != "" {
		c.byIdentity[it.identity] = it
	}
}

// find resolves a sid first, then an identity when asked to, as Twilio does.
func (c *collection) find(id string, byIdentity bool) *item {
	if id == "" {
		return nil
	}
	if it := c.bySid[id]; it != nil {
		return it
	}
	if byIdentity {
		return c.byIdentity[id]
	}
	return nil
}

// filtered is the items of c that keep keeps, in c's order, for paging
// through: it has no indexes.
func (c *collection) filtered(keep func(*item) bool) *collection {
	var kept []*item
	for _, it := range c.items {
		if keep(it) {
			kept = append(kept, it)
		}
	}
	return &collection{items: kept}
}

func (c *collection) remove(it *item) {
	c.items = slices.Delete(c.items, c.index(it), c.index(it)+1)
	c.unindex(it)
}

func (c *collection) unindex(it *item) {
	if c.bySid[it.sid] == it {
		delete(c.bySid, it.sid)
	}
	if c.byIdentity[it.identity] == it {
		delete(c.byIdentity, it.identity)
	}
}

func (c *collection) index(it *item) int {
	i, _ := slices.BinarySearchFunc(c.items, it.seq, func(x *item, seq uint64) int { return cmpUint(x.seq, seq) })
	return i
}

// firstAfter is the index of the first item stored after seq.
func (c *collection) firstAfter(seq uint64) int {
	i, found := slices.BinarySearchFunc(c.items, seq, func(x *item, seq uint64) int { return cmpUint(x.seq, seq) })
	if found {
		i++
	}
	return i
}

func cmpUint(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// newItem encodes object as the body of a new item; caller names the
// exported method in its panic, which would mean a bug in its caller.
func newItem(caller string, object map[string]any) *item {
	body, err := marshal(object)
	if err != nil {
		panic(fmt.Sprintf("emulator: %s: %v", caller, err))
	}
	it := &item{body: body}
	it.sid, _ = object["sid"].(string)
	return it
}
