package emulator

import (
	"net/http"
	"net/url"
)

// table is what the two routes of one type of object answer when Twilio
// serves that type as it was stored: the fetch by sid (and by name where
// Twilio's path takes one) and the paged list, of the collection a call
// names. TaskRouter, Serverless, Studio and Flex Flows are tables; Chat's objects are
// not, since Conversations renders them in a shape of its own.
type table struct {
	key         string // the list's key, e.g. "flows"
	maxPageSize int    // the largest page of them the API serves
	// collection is what c reads, or Twilio's answer when nothing lives at
	// its path (an unknown parent). Called with s.mu held.
	collection func(s *Server, c *call) (*collection, int, []byte)
	// byName resolves a fetch's id as a name (the item's identity) when no
	// sid matches, for the paths Twilio documents as taking either.
	byName bool
	// listed is an item as Twilio's list answers it, for a type whose list
	// holds less than its fetch; nil lists items as stored. Called with
	// s.mu held.
	listed func(it *item) []byte
	// filters are the list's query parameters the table honours.
	filters []listFilter
}

func (t table) fetch(s *Server, c *call) (int, []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	col, status, body := t.collection(s, c)
	if col == nil {
		return status, body
	}
	it := col.find(c.id, t.byName)
	if it == nil {
		return http.StatusNotFound, notFoundBody(c.twilioPath())
	}
	return http.StatusOK, it.body
}

func (t table) list(s *Server, c *call) (int, []byte) {
	return s.list(c, func() (listing, int, []byte) {
		col, status, body := t.collection(s, c)
		l := listing{collection: col, key: t.key, maxPageSize: t.maxPageSize, render: t.render}
		l.keep, l.query = t.where(c.r.URL.Query())
		return l, status, body
	})
}

func (t table) render(it *item) []byte {
	if t.listed == nil {
		return it.body
	}
	return t.listed(it)
}

// listFilter is a list's query parameter that keeps the objects whose
// field equals the parameter's value, parsed as Twilio documents it.
type listFilter struct {
	param, field string
	value        func(string) any
}

// friendlyNameFilter is the FriendlyName of most of Twilio's lists,
// matched exactly, case included, as Twilio matches it.
var friendlyNameFilter = listFilter{param: "FriendlyName", field: "friendly_name", value: func(v string) any { return v }}

// where is what q asks t's list to keep, and the query that says so; nil
// keeps everything. An empty parameter asks for nothing.
func (t table) where(q url.Values) (func(*item) bool, url.Values) {
	want, query := map[string]any{}, url.Values{}
	for _, f := range t.filters {
		if v := q.Get(f.param); v != "" {
			want[f.field] = f.value(v)
			query.Set(f.param, v)
		}
	}
	if len(want) == 0 {
		return nil, nil
	}
	return func(it *item) bool {
		m := decodeStored("a stored body", it.body)
		for field, v := range want {
			if m[field] != v {
				return false
			}
		}
		return true
	}, query
}

// onTheAccount is the collection of a type that lives on the account,
// which every call reads.
func onTheAccount(of func(*Server) *collection) func(*Server, *call) (*collection, int, []byte) {
	return func(s *Server, _ *call) (*collection, int, []byte) {
		return of(s), http.StatusOK, nil
	}
}

// under is the collection of a type that lives under a parent whose sid
// is the call's {service}: Twilio answers 404 for the children of a parent
// it does not have, rather than an empty list. parents is the parents'
// collection, children each parent's children by its sid.
func under(parents func(*Server) *collection, children func(*Server) map[string]*collection) func(*Server, *call) (*collection, int, []byte) {
	return func(s *Server, c *call) (*collection, int, []byte) {
		if parents(s).bySid[c.service] == nil {
			return nil, http.StatusNotFound, notFoundBody(c.twilioPath())
		}
		if col := children(s)[c.service]; col != nil {
			return col, http.StatusOK, nil
		}
		return &collection{}, http.StatusOK, nil
	}
}

// child is the collection of parentSid's children in m, made on first use.
func child(m *map[string]*collection, parentSid string) *collection {
	if *m == nil {
		*m = map[string]*collection{}
	}
	if (*m)[parentSid] == nil {
		(*m)[parentSid] = &collection{}
	}
	return (*m)[parentSid]
}

// put stores object, which must have a sid (a table's objects are found
// by sid), in the collection that of gives, as Put* does: in place of the
// stored one with the same sid (or the same name, given a name field),
// else last. It panics, naming caller, when object has no sid or cannot be
// encoded, which is a bug in the caller.
func (s *Server) put(caller string, object map[string]any, nameField string, of func() *collection) {
	it := newItem(caller, object)
	if it.sid == "" {
		panic("emulator: " + caller + ": the object has no sid")
	}
	if nameField != "" {
		it.identity, _ = object[nameField].(string)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	of().put(it, &s.store.seq)
}

// seedBase is the base of a seeded object's url and links: SetLinkBase's
// for api, else the emulator's own at mount, else before Start Twilio's
// host, twilioBase.
func (s *Server) seedBase(api API, mount, twilioBase string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.paging.linkBase[api] != "":
		return s.paging.linkBase[api]
	case s.baseURL != "":
		return s.baseURL + mount
	}
	return twilioBase
}
