package emulator

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// RouteName names one operation the emulator serves, for per-route faults,
// paging hooks and recorded requests.
type RouteName string

// The routes, one per Twilio operation.
const (
	RouteChatUser                          RouteName = "ChatUser"                          // GET /v2/Services/{IS}/Users/{sid or identity}
	RouteChatUsers                         RouteName = "ChatUsers"                         // GET /v2/Services/{IS}/Users
	RouteChatRole                          RouteName = "ChatRole"                          // GET /v2/Services/{IS}/Roles/{RL}
	RouteChatRoles                         RouteName = "ChatRoles"                         // GET /v2/Services/{IS}/Roles
	RouteConversationsUser                 RouteName = "ConversationsUser"                 // GET /v1/Services/{IS}/Users/{sid or identity}
	RouteConversationsUsers                RouteName = "ConversationsUsers"                // GET /v1/Services/{IS}/Users
	RouteConversationsDefaultUser          RouteName = "ConversationsDefaultUser"          // GET /v1/Users/{sid or identity}
	RouteConversationsDefaultUsers         RouteName = "ConversationsDefaultUsers"         // GET /v1/Users
	RouteConversationsRole                 RouteName = "ConversationsRole"                 // GET /v1/Services/{IS}/Roles/{RL}
	RouteConversationsRoles                RouteName = "ConversationsRoles"                // GET /v1/Services/{IS}/Roles
	RouteConversationsDefaultRole          RouteName = "ConversationsDefaultRole"          // GET /v1/Roles/{RL}
	RouteConversationsDefaultRoles         RouteName = "ConversationsDefaultRoles"         // GET /v1/Roles
	RouteConversationsServiceConfiguration RouteName = "ConversationsServiceConfiguration" // GET /v1/Services/{IS}/Configuration
	RouteConversationsConfiguration        RouteName = "ConversationsConfiguration"        // GET /v1/Configuration
	RouteChatService                       RouteName = "ChatService"                       // GET /v2/Services/{IS}
	RouteChatServices                      RouteName = "ChatServices"                      // GET /v2/Services
	RouteConversationsService              RouteName = "ConversationsService"              // GET /v1/Services/{IS}
	RouteConversationsServices             RouteName = "ConversationsServices"             // GET /v1/Services
	RouteFlexConfiguration                 RouteName = "FlexConfiguration"                 // GET /flex/v1/Configuration (Flex's /v1/Configuration)
)

// API is one of the Twilio APIs the emulator serves.
type API string

// The APIs, by the host Twilio serves them from.
const (
	APIChat          API = "chat"          // /v2 paths, https://chat.twilio.com
	APIConversations API = "conversations" // /v1 paths, https://conversations.twilio.com
	APIFlex          API = "flex"          // /v1 paths under FlexBasePath, https://flex-api.twilio.com
)

// FlexBasePath is where the emulator serves Flex: Flex's paths are
// Conversations' (both have /v1/Configuration), so Flex lives under its
// own base path on the same listener. endpoints.flex is URL()+FlexBasePath
// (FlexURL), and every path below it is exactly Twilio's.
const FlexBasePath = "/flex"

// route is one operation. Its pattern is matched segment by segment against
// the escaped path, so that an escaped '/' stays inside its segment as it
// does at Twilio; "{service}" and "{id}" match any non-empty segment.
type route struct {
	name    RouteName
	api     API
	pattern []string
	kind    kind
	view    view
	serve   func(*Server, *call) (int, []byte)
}

// call is one request matched to its route, with its path parameters
// unescaped. service is "" on the routes of the default service.
type call struct {
	r           *http.Request
	route       *route
	escapedPath string
	service, id string
}

func newRoute(name RouteName, api API, pattern string, k kind, v view, serve func(*Server, *call) (int, []byte)) route {
	return route{name: name, api: api, pattern: strings.Split(pattern, "/"), kind: k, view: v, serve: serve}
}

var routes = []route{
	newRoute(RouteChatUser, APIChat, "/v2/Services/{service}/Users/{id}", users, viewChat, (*Server).fetch),
	newRoute(RouteChatUsers, APIChat, "/v2/Services/{service}/Users", users, viewChat, (*Server).list),
	newRoute(RouteChatRole, APIChat, "/v2/Services/{service}/Roles/{id}", roles, viewChat, (*Server).fetch),
	newRoute(RouteChatRoles, APIChat, "/v2/Services/{service}/Roles", roles, viewChat, (*Server).list),
	newRoute(RouteConversationsUser, APIConversations, "/v1/Services/{service}/Users/{id}", users, viewConversations, (*Server).fetch),
	newRoute(RouteConversationsUsers, APIConversations, "/v1/Services/{service}/Users", users, viewConversations, (*Server).list),
	newRoute(RouteConversationsDefaultUser, APIConversations, "/v1/Users/{id}", users, viewConversationsDefault, (*Server).fetch),
	newRoute(RouteConversationsDefaultUsers, APIConversations, "/v1/Users", users, viewConversationsDefault, (*Server).list),
	newRoute(RouteConversationsRole, APIConversations, "/v1/Services/{service}/Roles/{id}", roles, viewConversations, (*Server).fetch),
	newRoute(RouteConversationsRoles, APIConversations, "/v1/Services/{service}/Roles", roles, viewConversations, (*Server).list),
	newRoute(RouteConversationsDefaultRole, APIConversations, "/v1/Roles/{id}", roles, viewConversationsDefault, (*Server).fetch),
	newRoute(RouteConversationsDefaultRoles, APIConversations, "/v1/Roles", roles, viewConversationsDefault, (*Server).list),
	newRoute(RouteConversationsServiceConfiguration, APIConversations, "/v1/Services/{service}/Configuration", noKind, viewConversations, (*Server).serviceConfiguration),
	newRoute(RouteConversationsConfiguration, APIConversations, "/v1/Configuration", noKind, viewConversationsDefault, (*Server).accountConfiguration),
	newRoute(RouteChatService, APIChat, "/v2/Services/{id}", services, viewChat, (*Server).fetch),
	newRoute(RouteChatServices, APIChat, "/v2/Services", services, viewChat, (*Server).list),
	newRoute(RouteConversationsService, APIConversations, "/v1/Services/{id}", services, viewConversations, (*Server).fetch),
	newRoute(RouteConversationsServices, APIConversations, "/v1/Services", services, viewConversations, (*Server).list),
	newRoute(RouteFlexConfiguration, APIFlex, FlexBasePath+"/v1/Configuration", noKind, viewChat, (*Server).flexConfiguration),
}

// match finds the route of an escaped path, splitting it before unescaping.
func match(escaped string) (*route, string, string, bool) {
	seg := strings.Split(escaped, "/")
	for i := range routes {
		rt := &routes[i]
		if len(rt.pattern) != len(seg) {
			continue
		}
		service, id, ok := "", "", true
		for j, p := range rt.pattern {
			switch {
			case p == "{service}" || p == "{id}":
				v, err := url.PathUnescape(seg[j])
				if err != nil || v == "" {
					ok = false
				} else if p == "{service}" {
					service = v
				} else {
					id = v
				}
			case p != seg[j]:
				ok = false
			}
			if !ok {
				break
			}
		}
		if ok {
			return rt, service, id, true
		}
	}
	return nil, "", "", false
}

// serveHTTP applies what every route shares (request id, recording,
// latency, auth, routing, method, faults) around the route's own answer.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Twilio-Request-Id", "RQ"+randomHex(16))

	path := escapedPath(r)
	rt, service, id, found := match(path)
	rec := &Request{Method: r.Method, Proto: r.Proto, EscapedPath: path, RawQuery: r.URL.RawQuery, Header: r.Header.Clone(), Time: time.Now()}
	if found {
		rec.Route = rt.name
	}
	s.mu.Lock()
	s.requests = append(s.requests, rec)
	wait := s.perRequest
	if created, ok := r.Context().Value(connCreatedKey{}).(time.Time); ok {
		wait += max(0, time.Until(created.Add(s.perConnection)))
	}
	s.inFlight++
	s.peakInFlight = max(s.peakInFlight, s.inFlight)
	overLimit := s.accountConcurrency > 0 && s.inFlight > s.accountConcurrency
	s.mu.Unlock()
	defer s.leave(rec)
	if overLimit {
		// Twilio refuses at once what is beyond the account's concurrency.
		s.reply(w, rec, http.StatusTooManyRequests, errorBody(http.StatusTooManyRequests, 20429, "Too Many Requests"))
		return
	}
	s.pause(r, wait)

	switch {
	case !s.authorized(r):
		h.Set("WWW-Authenticate", `Basic realm="Twilio API"`)
		s.reply(w, rec, http.StatusUnauthorized, errorBody(http.StatusUnauthorized, 20003, "Authenticate"))
	case !found:
		s.reply(w, rec, http.StatusNotFound, notFoundBody(path))
	case r.Method != http.MethodGet:
		h.Set("Allow", http.MethodGet)
		s.reply(w, rec, http.StatusMethodNotAllowed, errorBody(http.StatusMethodNotAllowed, 20004, "Method not allowed"))
	default:
		c := &call{r: r, route: rt, escapedPath: path, service: service, id: id}
		s.answer(w, rec, c, s.nextFault(rt.name))
	}
}

// pause sleeps for d, and aborts the request without an answer if the client
// leaves or the server closes meanwhile: nobody is waiting for it any more.
func (s *Server) pause(r *http.Request, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return
	case <-r.Context().Done():
	case <-s.closed:
	}
	panic(http.ErrAbortHandler)
}

func (s *Server) authorized(r *http.Request) bool {
	user, pass, ok := r.BasicAuth()
	c := s.creds
	return ok && ((c.AccountSid != "" && c.AuthToken != "" && user == c.AccountSid && pass == c.AuthToken) ||
		(c.APIKey != "" && c.APISecret != "" && user == c.APIKey && pass == c.APISecret))
}

// setStatus records the answer's status just before it is sent, which is
// when the request stops being in flight: a client that has read the answer
// and sends its next request can never find this one still counted.
func (s *Server) setStatus(rec *Request, status int) {
	s.mu.Lock()
	rec.Status, rec.Answered = status, time.Now()
	s.leaveLocked(rec)
	s.mu.Unlock()
}

// leave ends rec's time in flight, if it has not ended yet (a request that
// hung or was aborted gets no status).
func (s *Server) leave(rec *Request) {
	s.mu.Lock()
	s.leaveLocked(rec)
	s.mu.Unlock()
}

func (s *Server) leaveLocked(rec *Request) {
	if !rec.left {
		rec.left = true
		s.inFlight--
	}
}

func (s *Server) reply(w http.ResponseWriter, rec *Request, status int, body []byte) {
	h := w.Header()
	if body != nil && h.Get("Content-Type") == "" {
		h.Set("Content-Type", "application/json")
	}
	h.Set("Content-Length", fmt.Sprint(len(body)))
	s.setStatus(rec, status)
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// escapedPath is the path as sent on the wire: r.URL.EscapedPath may
// re-escape it, which would hide what the client really sent.
func escapedPath(r *http.Request) string {
	p, _, _ := strings.Cut(r.RequestURI, "?")
	if !strings.HasPrefix(p, "/") {
		return r.URL.EscapedPath()
	}
	return p
}
