package emulator

import (
	"fmt"
	"slices"
)

// store holds every object once, in the shape it was given (Chat's, for
// users and roles); other APIs' shapes are rendered from it.
type store struct {
	services map[string]*service
	seq      uint64
	// account is the stored account configuration, nil when it is
	// generated on request.
	account        map[string]any
	defaultService string
	// flex is the stored Flex configuration body, nil when it is generated
	// on request; noFlex is an account without Flex.
	flex   []byte
	noFlex bool
}

type service struct {
	users, roles collection
	// configuration is the stored body of the service's Conversations
	// configuration, nil when it is generated on request.
	configuration []byte
}

// kind selects a service's collection.
type kind int

const (
	noKind kind = iota
	users
	roles
)

func (sv *service) collection(k kind) *collection {
	if k == roles {
		return &sv.roles
	}
	return &sv.users
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

func newStore() store { return store{services: map[string]*service{}} }

func (st *store) service(serviceSid string) *service {
	sv := st.services[serviceSid]
	if sv == nil {
		sv = &service{}
		st.services[serviceSid] = sv
	}
	return sv
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

// AddService declares a service with no users or roles.
func (s *Server) AddService(serviceSid string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.store.service(serviceSid)
}

// PutUser stores user, in Chat's shape, as the JSON body served for it,
// adding the service if needed; Conversations' shape is rendered from it.
// A stored user with the same "sid" or "identity" is replaced in place; a
// new one goes last in lists. It panics if user cannot be encoded as JSON,
// which is a bug in the caller.
func (s *Server) PutUser(serviceSid string, user map[string]any) {
	it := newItem("PutUser", user)
	it.identity, _ = user["identity"].(string)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.store.service(serviceSid).users.put(it, &s.store.seq)
}

// DeleteUser removes the user with this sid, else this identity, and
// reports whether there was one. Deleting then putting a user again moves
// it to the end of lists, as a test of a list changing while it is read
// needs.
func (s *Server) DeleteUser(serviceSid, sidOrIdentity string) bool {
	return s.delete(serviceSid, users, sidOrIdentity)
}

// PutRole stores role, in Chat's shape, as PutUser stores a user; roles are
// found by "sid" only, as at Twilio.
func (s *Server) PutRole(serviceSid string, role map[string]any) {
	it := newItem("PutRole", role)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.store.service(serviceSid).roles.put(it, &s.store.seq)
}

// DeleteRole is DeleteUser for a role, by sid.
func (s *Server) DeleteRole(serviceSid, sid string) bool {
	return s.delete(serviceSid, roles, sid)
}

func (s *Server) delete(serviceSid string, k kind, id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	sv := s.store.services[serviceSid]
	if sv == nil {
		return false
	}
	c := sv.collection(k)
	it := c.find(id, k == users)
	if it != nil {
		c.remove(it)
	}
	return it != nil
}

func newItem(caller string, object map[string]any) *item {
	body, err := marshal(object)
	if err != nil {
		panic(fmt.Sprintf("emulator: %s: %v", caller, err))
	}
	it := &item{body: body}
	it.sid, _ = object["sid"].(string)
	return it
}

// SetServiceConfiguration stores the body of GET
// /v1/Services/{serviceSid}/Configuration as given, adding the service if
// needed; nil goes back to the generated one (NewServiceConfiguration on the
// emulator's link base). It panics if configuration cannot be encoded.
func (s *Server) SetServiceConfiguration(serviceSid string, configuration map[string]any) {
	var body []byte
	if configuration != nil {
		body = newItem("SetServiceConfiguration", configuration).body
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.store.service(serviceSid).configuration = body
}

// SetAccountConfiguration stores the body of GET /v1/Configuration as given;
// its default_chat_service_sid, when a string, becomes the default service
// (SetDefaultService). nil goes back to the generated one
// (NewAccountConfiguration). It panics if configuration cannot be encoded.
func (s *Server) SetAccountConfiguration(configuration map[string]any) {
	var stored map[string]any
	if configuration != nil {
		// A private copy: the caller may go on mutating its map.
		stored = decodeStored("SetAccountConfiguration's copy", newItem("SetAccountConfiguration", configuration).body)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.store.account = stored
	if stored != nil {
		s.store.defaultService, _ = stored["default_chat_service_sid"].(string)
	}
}

// SetDefaultService makes serviceSid the account's default Conversations
// service, which /v1/Users and /v1/Roles read; "" means none, and those
// routes then answer 404 as for a path Twilio does not serve. A stored
// account configuration names it too.
func (s *Server) SetDefaultService(serviceSid string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.store.defaultService = serviceSid
	if s.store.account != nil {
		s.store.account["default_chat_service_sid"] = nullIfEmpty(serviceSid)
	}
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// SetFlexConfiguration stores the body of Flex's GET /v1/Configuration as
// given and makes the account one with Flex; nil goes back to the generated
// one (NewFlexConfiguration). It panics if configuration cannot be encoded.
func (s *Server) SetFlexConfiguration(configuration map[string]any) {
	var body []byte
	if configuration != nil {
		body = newItem("SetFlexConfiguration", configuration).body
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.store.flex, s.store.noFlex = body, false
}

// RemoveFlex makes the account one where Flex was never set up: Flex's
// configuration answers 404, as Twilio's does, until SetFlexConfiguration.
func (s *Server) RemoveFlex() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.store.flex, s.store.noFlex = nil, true
}
