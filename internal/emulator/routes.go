package emulator

import (
	"net/http"
	"net/url"
	"strings"
)

// product is one Twilio API as the emulator serves it: its routes, each
// path below base. Each product is declared in its own file, with the
// objects it stores and the shapes it answers in; products.go lists them.
type product struct {
	api API
	// mount is where the emulator serves a product on its one listener
	// where Twilio gives it a host of its own (FlexBasePath for Flex, whose
	// /v1/Configuration is also Conversations'), "" for Chat and
	// Conversations; it is no part of the paths and links Twilio knows.
	mount  string
	base   string // e.g. "/v2", below mount
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
	mount   string   // its product's, set by routesOf
	pattern []string // mount+base+path split at '/', set by routesOf
}

// newRoute is a product's route; routesOf places it under the product.
func newRoute(name RouteName, path string, serve func(*Server, *call) (int, []byte)) route {
	return route{name: name, path: path, serve: serve}
}

// routesOf is every route of every product, with its API and full pattern.
func routesOf(ps []product) []route {
	var all []route
	for _, p := range ps {
		for _, rt := range p.routes {
			rt.api, rt.mount, rt.pattern = p.api, p.mount, strings.Split(p.mount+p.base+rt.path, "/")
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

// twilioPath is c's escaped path as Twilio's host would get it: without
// the product's mount, for the messages that name it.
func (c *call) twilioPath() string { return strings.TrimPrefix(c.escapedPath, c.route.mount) }

// match finds the route of an escaped path, splitting it before unescaping.
func match(among []route, escaped string) (*route, string, string, bool) {
	seg := strings.Split(escaped, "/")
	for i := range among {
		rt := &among[i]
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
