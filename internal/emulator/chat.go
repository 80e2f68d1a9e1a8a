package emulator

import (
	"cmp"
	"net/http"
	"slices"
	"strings"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
)

// Chat v2 (https://chat.twilio.com): the account's services, and each
// service's users and roles. They are stored here, in Chat's shape, and
// Conversations serves the same objects rendered in its own shape, as
// Twilio's two APIs do.
var chatProduct = product{api: APIChat, base: "/v2", routes: []route{
	newRoute(RouteChatUser, "/Services/{service}/Users/{id}", chatUsers.fetch),
	newRoute(RouteChatUsers, "/Services/{service}/Users", chatUsers.list),
	newRoute(RouteChatRole, "/Services/{service}/Roles/{id}", chatRoles.fetch),
	newRoute(RouteChatRoles, "/Services/{service}/Roles", chatRoles.list),
	newRoute(RouteChatService, "/Services/{id}", chatServices.fetch),
	newRoute(RouteChatServices, "/Services", chatServices.list),
}}

// Chat serves at most 100 objects a page.
var (
	chatUsers    = objects{kind: users, maxPageSize: 100}
	chatRoles    = objects{kind: roles, maxPageSize: 100}
	chatServices = objects{kind: services, maxPageSize: 100}
)

// objects is what a route of stored services, users or roles serves, on
// either API: the objects of its kind, in its API's shape.
type objects struct {
	kind        kind
	maxPageSize int // the largest page of them the API serves
	// service is the service whose users or roles the route reads, or false
	// when nothing lives at its path; nil is the path's {service}.
	service func(*Server) (string, bool)
	// shape renders a stored object as the route's API serves it; nil
	// serves it as stored, in Chat's shape.
	shape func(s *Server, it *item, k kind, serviceSid string) []byte
}

// kind is what objects hold; it names their list too.
type kind string

const (
	users    kind = "users"
	roles    kind = "roles"
	services kind = "services"
)

// fetch answers a single user (by sid, then identity, as Twilio resolves
// sids first), role or service (by sid only: Twilio has no lookup by name).
func (o objects) fetch(s *Server, c *call) (int, []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	col, serviceSid, status, body := o.collection(s, c)
	if col == nil {
		return status, body
	}
	it := col.find(c.id, o.kind == users)
	if it == nil {
		return http.StatusNotFound, notFoundBody(c.escapedPath)
	}
	return http.StatusOK, o.render(s, it, serviceSid)
}

// list answers a page of the objects.
func (o objects) list(s *Server, c *call) (int, []byte) {
	return s.list(c, func() (listing, int, []byte) {
		col, serviceSid, status, body := o.collection(s, c)
		render := func(it *item) []byte { return o.render(s, it, serviceSid) }
		return listing{collection: col, key: string(o.kind), maxPageSize: o.maxPageSize, render: render}, status, body
	})
}

// collection is what o reads for c: the stored services, or a service's
// users or roles, with that service's sid; or Twilio's answer when there is
// none. Called with s.mu held.
func (o objects) collection(s *Server, c *call) (*collection, string, int, []byte) {
	st := s.chat()
	if o.kind == services {
		return &st.serviceObjects, "", http.StatusOK, nil
	}
	serviceSid := c.service
	if o.service != nil {
		var ok bool
		if serviceSid, ok = o.service(s); !ok {
			return nil, "", http.StatusNotFound, notFoundBody(c.escapedPath)
		}
	}
	sv, status, body := st.lookup(serviceSid)
	if sv == nil {
		return nil, "", status, body
	}
	return sv.collection(o.kind), serviceSid, http.StatusOK, nil
}

// render is it in o's shape; a service is its own service. Called with
// s.mu held.
func (o objects) render(s *Server, it *item, serviceSid string) []byte {
	if o.shape == nil {
		return it.body
	}
	return o.shape(s, it, o.kind, cmp.Or(serviceSid, it.sid))
}

// chatStore is Chat's part of the store, which Conversations reads too.
type chatStore struct {
	services map[string]*chatService
	// serviceObjects are the services' own bodies (PutService), which
	// /v2/Services and /v1/Services serve.
	serviceObjects collection
}

type chatService struct {
	users, roles collection
}

// chat is Chat's part of s's store. Called with s.mu held.
func (s *Server) chat() *chatStore { return storePart[chatStore](&s.store) }

func (st *chatStore) service(serviceSid string) *chatService {
	sv := st.services[serviceSid]
	if sv == nil {
		sv = &chatService{}
		if st.services == nil {
			st.services = map[string]*chatService{}
		}
		st.services[serviceSid] = sv
	}
	return sv
}

var serviceSidPattern = sid.Pattern(sid.Service)

// lookup is the stored service serviceSid, or Twilio's answer when there
// is none.
func (st *chatStore) lookup(serviceSid string) (*chatService, int, []byte) {
	sv := st.services[serviceSid]
	if sv == nil || !serviceSidPattern.MatchString(serviceSid) {
		return nil, http.StatusForbidden, serviceNotFoundBody()
	}
	return sv, http.StatusOK, nil
}

func serviceNotFoundBody() []byte {
	return errorBody(http.StatusForbidden, 20403, "Service instance not found")
}

func (sv *chatService) collection(k kind) *collection {
	if k == roles {
		return &sv.roles
	}
	return &sv.users
}

// AddService declares a service with no users or roles.
func (s *Server) AddService(serviceSid string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chat().service(serviceSid)
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
	s.chat().service(serviceSid).users.put(it, &s.store.seq)
}

// PutService stores service, in Chat's shape (chat.v2.service), as the
// body served for it by /v2/Services and, rendered, by /v1/Services,
// adding the service to the store if needed; a stored service with the
// same "sid" is replaced in place, a new one goes last in lists. A service
// declared only by AddService, PutUser or PutRole is not listed and its
// fetch answers 404. It panics if service has no sid string or cannot be
// encoded as JSON, which is a bug in the caller.
func (s *Server) PutService(service map[string]any) {
	it := newItem("PutService", service)
	if it.sid == "" {
		panic("emulator: PutService: the service has no sid")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.chat()
	st.service(it.sid)
	st.serviceObjects.put(it, &s.store.seq)
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
	s.chat().service(serviceSid).roles.put(it, &s.store.seq)
}

// DeleteRole is DeleteUser for a role, by sid.
func (s *Server) DeleteRole(serviceSid, sid string) bool {
	return s.delete(serviceSid, roles, sid)
}

func (s *Server) delete(serviceSid string, k kind, id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	sv := s.chat().services[serviceSid]
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

// NewUser builds a user with every field of Twilio's schema set to a
// realistic, non-null value, with url and links derived from baseURL as
// Twilio derives them from https://chat.twilio.com. role_sid is derived from
// the service and user sids, so the same arguments give the same user.
func NewUser(baseURL, accountSid, serviceSid, sid, identity string) map[string]any {
	userURL := baseURL + "/v2/Services/" + serviceSid + "/Users/" + sid
	return map[string]any{
		"sid":                   sid,
		"account_sid":           accountSid,
		"service_sid":           serviceSid,
		"role_sid":              derivedSid("RL", serviceSid+"/"+sid),
		"identity":              identity,
		"friendly_name":         identity + " (emulated)",
		"attributes":            `{"team":"platform"}`,
		"is_online":             true,
		"is_notifiable":         false,
		"date_created":          "2016-03-24T21:05:19Z",
		"date_updated":          "2016-03-25T09:41:07Z",
		"joined_channels_count": 3,
		"links": map[string]any{
			"user_channels": userURL + "/Channels",
			"user_bindings": userURL + "/Bindings",
		},
		"url": userURL,
	}
}

// NewRole builds a role in Chat's shape (chat.v2.service.role) with every
// field set, url derived from baseURL as NewUser's. chatType is "channel"
// or "deployment"; nil permissions are the ones Twilio gives that type's
// default role.
func NewRole(baseURL, accountSid, serviceSid, sid, friendlyName, chatType string, permissions []string) map[string]any {
	if permissions == nil {
		permissions = defaultPermissions[chatType]
	}
	return map[string]any{
		"sid":           sid,
		"account_sid":   accountSid,
		"service_sid":   serviceSid,
		"friendly_name": friendlyName,
		"type":          chatType,
		"permissions":   slices.Clone(permissions),
		"date_created":  "2016-03-03T19:47:15Z",
		"date_updated":  "2016-03-03T19:47:15Z",
		"url":           baseURL + "/v2/Services/" + serviceSid + "/Roles/" + sid,
	}
}

// NewService builds a service in Chat's shape (chat.v2.service) with every
// field set, url and links derived from baseURL as NewUser's; the default
// role sids are derived from sid, so the same arguments give the same
// service.
func NewService(baseURL, accountSid, sid, friendlyName string) map[string]any {
	serviceURL := baseURL + "/v2/Services/" + sid
	return map[string]any{
		"sid":                              sid,
		"account_sid":                      accountSid,
		"friendly_name":                    friendlyName,
		"date_created":                     "2015-07-30T20:00:00Z",
		"date_updated":                     "2015-07-30T20:00:00Z",
		"default_service_role_sid":         derivedSid("RL", sid+"/default_service_role"),
		"default_channel_role_sid":         derivedSid("RL", sid+"/default_channel_role"),
		"default_channel_creator_role_sid": derivedSid("RL", sid+"/default_channel_creator_role"),
		"read_status_enabled":              true,
		"reachability_enabled":             false,
		"typing_indicator_timeout":         5,
		"consumption_report_interval":      10,
		"limits":                           map[string]any{"channel_members": 100, "user_channels": 250},
		"pre_webhook_url":                  "https://hooks.example.com/pre",
		"post_webhook_url":                 "https://hooks.example.com/post",
		"webhook_method":                   "POST",
		"webhook_filters":                  []string{"onMessageSend", "onChannelAdded"},
		"pre_webhook_retry_count":          2,
		"post_webhook_retry_count":         3,
		"notifications": map[string]any{
			"new_message": map[string]any{"enabled": true, "template": "A New message in ${CHANNEL} from ${USER}: ${MESSAGE}"},
			"log_enabled": false,
		},
		"media": map[string]any{"size_limit_mb": 150, "compatibility_message": "media compatibility message"},
		"url":   serviceURL,
		"links": chatServiceLinks(serviceURL),
	}
}

var chatServiceLinkNames = []string{"channels", "users", "roles", "bindings"}

func chatServiceLinks(serviceURL string) map[string]any {
	return linksUnder(serviceURL, chatServiceLinkNames...)
}

var defaultPermissions = map[string][]string{
	"channel":    {"sendMessage", "leaveChannel", "editOwnMessage", "deleteOwnMessage"},
	"deployment": {"createChannel", "joinChannel", "editOwnUserInfo"},
}

// linkSegment is a link name as Twilio spells its path: users → Users,
// participant_conversations → ParticipantConversations.
func linkSegment(name string) string {
	var b strings.Builder
	for _, part := range strings.Split(name, "_") {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

// linksUnder are the links of an object at objectURL to its children, by
// name, each at its name as Twilio spells the path: builds →
// objectURL/Builds, real_time_statistics → objectURL/RealTimeStatistics.
func linksUnder(objectURL string, names ...string) map[string]any {
	links := map[string]any{}
	for _, name := range names {
		links[name] = objectURL + "/" + linkSegment(name)
	}
	return links
}
