package emulator

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// serveHTTP applies what every route shares (request id, recording,
// latency, auth, routing, method, faults) around the route's own answer.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Twilio-Request-Id", "RQ"+randomHex(16))

	path := escapedPath(r)
	rt, service, id, found := match(routes, path)
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
