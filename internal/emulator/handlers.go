package emulator

import (
	"net/http"
	"strings"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
)

var serviceSidPattern = sid.Pattern(sid.Service)

// resolveService finds the service a call reads, or Twilio's answer when
// there is none. Called with s.mu held.
func (s *Server) resolveService(c *call) (sv *service, serviceSid string, status int, body []byte) {
	serviceSid = c.service
	if c.route.view == viewConversationsDefault {
		serviceSid = s.store.defaultService
		if serviceSid == "" {
			// An account without a default Conversations service: nothing
			// lives at this path.
			return nil, "", http.StatusNotFound, notFoundBody(c.escapedPath)
		}
	}
	sv = s.store.services[serviceSid]
	if sv == nil || !serviceSidPattern.MatchString(serviceSid) {
		return nil, "", http.StatusForbidden, serviceNotFoundBody()
	}
	return sv, serviceSid, http.StatusOK, nil
}

// fetch answers a single user (by sid, then identity, as Twilio resolves
// sids first) or role (by sid only: Twilio has no lookup by name).
func (s *Server) fetch(c *call) (int, []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sv, serviceSid, status, body := s.resolveService(c)
	if sv == nil {
		return status, body
	}
	it := sv.collection(c.route.kind).find(c.id, c.route.kind == users)
	if it == nil {
		return http.StatusNotFound, notFoundBody(c.escapedPath)
	}
	return http.StatusOK, render(it, c.route.kind, serviceSid, c.route.view, s.paging.linkBase[APIConversations])
}

func (s *Server) serviceConfiguration(c *call) (int, []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sv, serviceSid, status, body := s.resolveService(c)
	if sv == nil {
		return status, body
	}
	if sv.configuration != nil {
		return http.StatusOK, sv.configuration
	}
	return http.StatusOK, mustMarshal(NewServiceConfiguration(s.linkBase(c), serviceSid))
}

func (s *Server) accountConfiguration(c *call) (int, []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.store.account != nil {
		return http.StatusOK, mustMarshal(s.store.account)
	}
	return http.StatusOK, mustMarshal(NewAccountConfiguration(s.linkBase(c), s.creds.AccountSid, s.store.defaultService))
}

// flexConfiguration answers Flex's configuration; a UiVersion query pins
// the answer's ui_version to it, as Twilio answers for the version asked.
func (s *Server) flexConfiguration(c *call) (int, []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.store.noFlex {
		return http.StatusNotFound, notFoundBody(strings.TrimPrefix(c.escapedPath, FlexBasePath))
	}
	body := s.store.flex
	if body == nil {
		body = mustMarshal(NewFlexConfiguration(s.flexBase(c), s.creds.AccountSid, s.store.defaultService))
	}
	uiVersion := c.r.URL.Query().Get("UiVersion")
	if uiVersion == "" {
		return http.StatusOK, body
	}
	m := decodeStored("the stored Flex configuration", body)
	m["ui_version"] = uiVersion
	return http.StatusOK, mustMarshal(m)
}

// flexBase is the base of Flex's links: SetLinkBase's for APIFlex, else the
// emulator's own Flex base. Called with s.mu held.
func (s *Server) flexBase(c *call) string {
	if base := s.paging.linkBase[APIFlex]; base != "" {
		return base
	}
	return s.linkBase(c) + FlexBasePath
}

// linkBase is the base of the links the emulator generates for c's API:
// SetLinkBase's, else the emulator's own as the client reached it. Called
// with s.mu held.
func (s *Server) linkBase(c *call) string {
	if base := s.paging.linkBase[c.route.api]; base != "" {
		return base
	}
	if s.baseURL != "" {
		return s.baseURL
	}
	scheme := "http"
	if c.r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + c.r.Host
}

// mustMarshal encodes what the emulator built or already decoded, which
// always encodes.
func mustMarshal(v any) []byte {
	b, err := marshal(v)
	if err != nil {
		panic("emulator: " + err.Error())
	}
	return b
}
