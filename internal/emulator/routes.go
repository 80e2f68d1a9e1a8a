package emulator

import (
	"net/http"
	"net/url"
	"strings"
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

// product is one Twilio API as the emulator serves it: its routes, each
// path below base. Each product is declared in its own file, with the
// objects it stores and the shapes it answers in; products.go lists them.
type product struct {
	api    API
	base   string // e.g. "/v2"; FlexBasePath+"/v1" for Flex, which shares Conversations' paths
	routes []route
}

// route is one operation. Its pattern is matched segment by segment against
// the escaped path, so that an escaped '/' stays inside its segment as it
// does at Twilio; "{service}" and "{id}" match any non-empty segment.
type route struct {
	name    RouteName
	path    string // below its product's base
	serve   func(*Server, *call) (int, []byte)
	api     API      // its product's, set by routesOf
	pattern []string // base+path split at '/', set by routesOf
}

// newRoute is a product's route; routesOf places it under the product.
func newRoute(name RouteName, path string, serve func(*Server, *call) (int, []byte)) route {
	return route{name: name, path: path, serve: serve}
}

// routesOf is every route of every product, with its API and full pattern.
func routesOf(products []product) []route {
	var all []route
	for _, p := range products {
		for _, rt := range p.routes {
			rt.api, rt.pattern = p.api, strings.Split(p.base+rt.path, "/")
			all = append(all, rt)
		}
	}
	return all
}

// call is one request matched to its route, with its path parameters
// unescaped. service is "" on routes without a {service} segment.
type call struct {
	r           *http.Request
	route       *route
	escapedPath string
	service, id string
}

// match finds the route of an escaped path, splitting it before unescaping.
func match(routes []route, escaped string) (*route, string, string, bool) {
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
