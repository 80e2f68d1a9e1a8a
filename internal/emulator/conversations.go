package emulator

import (
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// Conversations v1 (https://conversations.twilio.com): Chat's services,
// users and roles rendered in Conversations' shape, under a service or on
// the account's default service, and the configurations of the account and
// of each service.
var conversationsProduct = product{api: APIConversations, base: "/v1", routes: []route{
	newRoute(RouteConversationsUser, "/Services/{service}/Users/{id}", conversationsUsers.fetch),
	newRoute(RouteConversationsUsers, "/Services/{service}/Users", conversationsUsers.list),
	newRoute(RouteConversationsDefaultUser, "/Users/{id}", conversationsDefaultUsers.fetch),
	newRoute(RouteConversationsDefaultUsers, "/Users", conversationsDefaultUsers.list),
	newRoute(RouteConversationsRole, "/Services/{service}/Roles/{id}", conversationsRoles.fetch),
	newRoute(RouteConversationsRoles, "/Services/{service}/Roles", conversationsRoles.list),
	newRoute(RouteConversationsDefaultRole, "/Roles/{id}", conversationsDefaultRoles.fetch),
	newRoute(RouteConversationsDefaultRoles, "/Roles", conversationsDefaultRoles.list),
	newRoute(RouteConversationsServiceConfiguration, "/Services/{service}/Configuration", (*Server).serviceConfiguration),
	newRoute(RouteConversationsConfiguration, "/Configuration", (*Server).accountConfiguration),
	newRoute(RouteConversationsService, "/Services/{id}", conversationsServices.fetch),
	newRoute(RouteConversationsServices, "/Services", conversationsServices.list),
}}

// Conversations serves at most 50 users or roles a page, and 100 services
// as Chat does.
var (
	conversationsUsers        = objects{kind: users, maxPageSize: 50, shape: inAService}
	conversationsRoles        = objects{kind: roles, maxPageSize: 50, shape: inAService}
	conversationsDefaultUsers = objects{kind: users, maxPageSize: 50, service: defaultService, shape: onTheDefaultService}
	conversationsDefaultRoles = objects{kind: roles, maxPageSize: 50, service: defaultService, shape: onTheDefaultService}
	conversationsServices     = objects{kind: services, maxPageSize: 100, shape: inAService}
)

// conversationsStore is Conversations' part of the store.
type conversationsStore struct {
	// account is the stored account configuration, nil when it is
	// generated on request.
	account        map[string]any
	defaultService string
	// serviceConfigurations are the stored bodies of services'
	// configurations; a service without one has it generated on request.
	serviceConfigurations map[string][]byte
}

// conversations is Conversations' part of s's store. Called with s.mu held.
func (s *Server) conversations() *conversationsStore {
	return storePart[conversationsStore](&s.store)
}

// defaultService is the service /v1/Users and /v1/Roles read; an account
// without a default Conversations service has nothing at those paths.
func defaultService(s *Server) (string, bool) {
	serviceSid := s.conversations().defaultService
	return serviceSid, serviceSid != ""
}

// inAService and onTheDefaultService render a stored Chat object as
// Conversations serves it under /v1/Services/{IS} and on the default
// service, once per link base (SetLinkBase's for Conversations).
func inAService(s *Server, it *item, k kind, serviceSid string) []byte {
	return renderConversations(s, it, k, serviceSid, false)
}

func onTheDefaultService(s *Server, it *item, k kind, serviceSid string) []byte {
	return renderConversations(s, it, k, serviceSid, true)
}

func renderConversations(s *Server, it *item, k kind, serviceSid string, onDefaultService bool) []byte {
	linkBase := s.paging.linkBase[APIConversations]
	key := renderKey{shape: "conversations", linkBase: linkBase}
	if onDefaultService {
		key.shape = "conversations on the default service"
	}
	return it.renderedAs(key, func() []byte {
		return conversationsTwin(it, k, serviceSid, onDefaultService, linkBase)
	})
}

// conversationsTwin turns a stored Chat user, role or service into its
// Conversations twin (conversations.v1.service.service_user or
// service_role, and conversations.v1.user or role on the default service).
// Fields Conversations shares are kept as stored, nulls included; url and
// links are moved to /v1 only when they are the ones Chat would give this
// object, so that a test can still serve odd or null ones.
func conversationsTwin(it *item, k kind, serviceSid string, onDefaultService bool, linkBase string) []byte {
	m := decodeStored("a stored body", it.body)
	if k == services {
		return renderConversationsService(m, it.sid, linkBase)
	}
	collection := linkSegment(string(k))
	chatPath := "/v2/Services/" + serviceSid + "/" + collection + "/" + it.sid
	convPath := "/v1/Services/" + serviceSid + "/" + collection + "/" + it.sid
	if onDefaultService {
		convPath = "/v1/" + collection + "/" + it.sid
	}
	if sid, ok := m["service_sid"]; ok {
		delete(m, "service_sid")
		m["chat_service_sid"] = sid
	}
	if base, ok := trimSuffixString(m["url"], chatPath); ok {
		m["url"] = conversationsBase(base, linkBase) + convPath
	}
	switch k {
	case users:
		delete(m, "joined_channels_count")
		if base, ok := chatUserLinksBase(m["links"], chatPath); ok {
			m["links"] = map[string]any{"user_conversations": conversationsBase(base, linkBase) + convPath + "/Conversations"}
		}
	case roles:
		if t, ok := conversationsRoleType[m["type"]]; ok {
			m["type"] = t
		}
	}
	b, err := marshal(m)
	if err != nil {
		panic(fmt.Sprintf("emulator: re-encoding a stored body: %v", err))
	}
	return b
}

// conversationsServiceFields are those of conversations.v1.service: the
// others are Chat's alone.
var conversationsServiceFields = []string{"sid", "account_sid", "friendly_name", "date_created", "date_updated", "url", "links"}

var conversationsServiceLinkNames = []string{"conversations", "users", "roles", "bindings", "configuration", "participant_conversations", "conversation_with_participants"}

// renderConversationsService is a stored Chat service m as Conversations
// serves it: its fields less Chat's own, url and links on /v1 when they
// are the ones NewService gives it.
func renderConversationsService(m map[string]any, sid, linkBase string) []byte {
	out := map[string]any{}
	for _, f := range conversationsServiceFields {
		if v, ok := m[f]; ok {
			out[f] = v
		}
	}
	chatPath, convPath := "/v2/Services/"+sid, "/v1/Services/"+sid
	if base, ok := trimSuffixString(m["url"], chatPath); ok {
		serviceURL := conversationsBase(base, linkBase) + convPath
		out["url"] = serviceURL
		if links, ok := m["links"].(map[string]any); ok && maps.Equal(links, chatServiceLinks(base+chatPath)) {
			out["links"] = linksUnder(serviceURL, conversationsServiceLinkNames...)
		}
	}
	b, err := marshal(out)
	if err != nil {
		panic(fmt.Sprintf("emulator: re-encoding a stored service: %v", err))
	}
	return b
}

var conversationsRoleType = map[any]string{"channel": "conversation", "deployment": "service"}

// trimSuffixString is the base of v when v is a string ending in path.
func trimSuffixString(v any, path string) (string, bool) {
	s, ok := v.(string)
	if !ok || !strings.HasSuffix(s, path) {
		return "", false
	}
	return strings.TrimSuffix(s, path), true
}

// chatUserLinksBase is the base of links when they are exactly the ones
// NewUser gives a user at chatPath.
func chatUserLinksBase(v any, chatPath string) (string, bool) {
	links, ok := v.(map[string]any)
	if !ok || len(links) != 2 {
		return "", false
	}
	base, ok := trimSuffixString(links["user_channels"], chatPath+"/Channels")
	return base, ok && links["user_bindings"] == base+chatPath+"/Bindings"
}

var twilioChatHost = regexp.MustCompile(`^chat(\.[a-z0-9-]+\.[a-z0-9-]+)?\.twilio\.com$`)

// conversationsBase is where Conversations lives for an object whose Chat
// url had chatBase: Twilio's own chat hosts have a conversations twin;
// anything else (the emulator, a proxy) serves both.
func conversationsBase(chatBase, linkBase string) string {
	if linkBase != "" {
		return linkBase
	}
	u, err := url.Parse(chatBase)
	if err != nil || u.Scheme != "https" || !twilioChatHost.MatchString(u.Host) {
		return chatBase
	}
	u.Host = "conversations" + strings.TrimPrefix(u.Host, "chat")
	return u.String()
}

func (s *Server) serviceConfiguration(c *call) (int, []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sv, status, body := s.chat().lookup(c.service); sv == nil {
		return status, body
	}
	if body := s.conversations().serviceConfigurations[c.service]; body != nil {
		return http.StatusOK, body
	}
	return http.StatusOK, mustMarshal(NewServiceConfiguration(s.linkBase(c), c.service))
}

func (s *Server) accountConfiguration(c *call) (int, []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.conversations()
	if st.account != nil {
		return http.StatusOK, mustMarshal(st.account)
	}
	return http.StatusOK, mustMarshal(NewAccountConfiguration(s.linkBase(c), s.creds.AccountSid, st.defaultService))
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
	s.chat().service(serviceSid)
	st := s.conversations()
	if st.serviceConfigurations == nil {
		st.serviceConfigurations = map[string][]byte{}
	}
	st.serviceConfigurations[serviceSid] = body
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
	st := s.conversations()
	st.account = stored
	if stored != nil {
		st.defaultService, _ = stored["default_chat_service_sid"].(string)
	}
}

// SetDefaultService makes serviceSid the account's default Conversations
// service, which /v1/Users and /v1/Roles read; "" means none, and those
// routes then answer 404 as for a path Twilio does not serve. A stored
// account configuration names it too.
func (s *Server) SetDefaultService(serviceSid string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.conversations()
	st.defaultService = serviceSid
	if st.account != nil {
		st.account["default_chat_service_sid"] = nullIfEmpty(serviceSid)
	}
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// NewServiceConfiguration builds a service's Conversations configuration
// (conversations.v1.service.service_configuration) with every field set;
// the role sids are derived from serviceSid, so the same arguments give the
// same configuration. It is what the emulator serves for a service without
// SetServiceConfiguration, on its link base.
func NewServiceConfiguration(baseURL, serviceSid string) map[string]any {
	configURL := baseURL + "/v1/Services/" + serviceSid + "/Configuration"
	return map[string]any{
		"chat_service_sid":                      serviceSid,
		"default_chat_service_role_sid":         derivedSid("RL", serviceSid+"/default_chat_service_role"),
		"default_conversation_role_sid":         derivedSid("RL", serviceSid+"/default_conversation_role"),
		"default_conversation_creator_role_sid": derivedSid("RL", serviceSid+"/default_conversation_creator_role"),
		"reachability_enabled":                  false,
		"url":                                   configURL,
		"links": map[string]any{
			"notifications": configURL + "/Notifications",
			"webhooks":      configURL + "/Webhooks",
		},
	}
}

// NewAccountConfiguration builds the account's Conversations configuration
// (conversations.v1.configuration) with every field set, except
// default_chat_service_sid and its "service" link when defaultServiceSid is
// "". It is what the emulator serves without SetAccountConfiguration.
func NewAccountConfiguration(baseURL, accountSid, defaultServiceSid string) map[string]any {
	links := map[string]any{"webhooks": baseURL + "/v1/Configuration/Webhooks"}
	if defaultServiceSid != "" {
		links["service"] = baseURL + "/v1/Services/" + defaultServiceSid + "/Configuration"
	}
	return map[string]any{
		"account_sid":                   nullIfEmpty(accountSid),
		"default_chat_service_sid":      nullIfEmpty(defaultServiceSid),
		"default_messaging_service_sid": derivedSid("MG", accountSid+"/default_messaging_service"),
		"default_inactive_timer":        "PT1M",
		"default_closed_timer":          "PT10M",
		"url":                           baseURL + "/v1/Configuration",
		"links":                         links,
	}
}
