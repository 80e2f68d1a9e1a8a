package emulator

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// connCreatedKey carries when a connection was accepted, for per
// connection latency.
type connCreatedKey struct{}

// serveHTTP applies what every route shares (request id, recording,
// latency, auth, routing, method, faults) around the route's own answer.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Twilio-Request-Id", "RQ"+randomHex(16))

	path := wirePath(r)
	rt, service, id, found := match(allRoutes, path)
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

// answer sends the route's normal answer to c, or what f makes of it.
func (s *Server) answer(w http.ResponseWriter, rec *Request, c *call, f *Fault) {
	if f == nil {
		status, body := c.route.serve(s, c)
		s.reply(w, rec, status, body)
		return
	}
	h := w.Header()
	for k, v := range f.Header {
		h.Set(k, v)
	}
	s.pause(c.r, f.Delay)
	if f.Hang {
		select {
		case <-c.r.Context().Done():
		case <-s.closed:
		}
		panic(http.ErrAbortHandler)
	}
	switch {
	case f.ResetMidBody:
		status, body := c.route.serve(s, c)
		h.Set("Content-Type", "application/json")
		h.Set("Content-Length", fmt.Sprint(len(body)))
		s.setStatus(rec, status)
		w.WriteHeader(status)
		_, _ = w.Write(body[:len(body)/2])
		_ = http.NewResponseController(w).Flush()
		panic(http.ErrAbortHandler)
	case f.BodyBytes > 0:
		h.Set("Content-Type", "application/json")
		h.Set("Content-Length", fmt.Sprint(f.BodyBytes))
		s.setStatus(rec, http.StatusOK)
		w.WriteHeader(http.StatusOK)
		writeFiller(w, f.BodyBytes, func(n int) {
			s.mu.Lock()
			rec.FillerSent += int64(n)
			s.mu.Unlock()
		})
	case f.Status != 0:
		body := []byte(f.Body)
		if f.Body == "" && f.Status >= 400 {
			code := f.Status * 100
			switch f.Status {
			case 429, 500, 502, 503:
				code = 20000 + f.Status
			}
			body = errorBody(f.Status, code, http.StatusText(f.Status))
		}
		if f.Status == http.StatusTooManyRequests && len(f.Header) == 0 {
			h.Set("Retry-After", "1")
		}
		if f.ContentType != "" {
			h.Set("Content-Type", f.ContentType)
		}
		s.reply(w, rec, f.Status, body)
	default:
		status, body := c.route.serve(s, c)
		s.reply(w, rec, status, body)
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

// wirePath is the path as sent on the wire: r.URL.EscapedPath may
// re-escape it, which would hide what the client really sent.
func wirePath(r *http.Request) string {
	p, _, _ := strings.Cut(r.RequestURI, "?")
	if !strings.HasPrefix(p, "/") {
		return r.URL.EscapedPath()
	}
	return p
}
