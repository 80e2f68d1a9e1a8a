// Package emulator is an in-memory stand-in for Twilio's Chat v2 Users API
// (GET /v2/Services/{ServiceSid}/Users/{Sid}), shaped like the real service
// closely enough for the provider's tests, the demo and benchmarks, with
// switches for the failures the real service and the network can produce.
package emulator

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"
)

// Credentials accepted by HTTP Basic auth. Either pair (AccountSid/AuthToken,
// or APIKey/APISecret) is accepted when both of its halves are non-empty.
type Credentials struct {
	AccountSid, AuthToken string
	APIKey, APISecret     string
}

// Fault replaces the normal answer to one request on the user-fetch route.
// The fields apply in this order: Delay, Hang, ResetMidBody, BodyBytes,
// Status; Header is added to whatever is finally sent.
type Fault struct {
	Status       int               // e.g. 429, 500, 503; 0 means "answer normally" (after Delay)
	Body         string            // raw body; if empty and Status>=400, a Twilio-shaped error is generated
	ContentType  string            // default application/json
	Header       map[string]string // extra headers, e.g. {"Retry-After": "1"}
	Delay        time.Duration     // sleep before answering
	Hang         bool              // never answer, until the client goes away or Close
	ResetMidBody bool              // send the normal answer's headers and half its body, then abort the connection
	BodyBytes    int               // if >0, a 200 body of this many bytes: `{"sid":"` then 'a's
}

// Request is what the emulator recorded about one request it received.
type Request struct {
	Method      string
	Proto       string // e.g. "HTTP/1.1", "HTTP/2.0"
	EscapedPath string // the path exactly as the client escaped it
	RawQuery    string
	Header      http.Header
	Time        time.Time // arrival
	Status      int       // status answered; 0 while pending or when never answered
}

// Server is the emulator. All methods are safe for concurrent use.
type Server struct {
	creds     Credentials
	closed    chan struct{}
	closeOnce sync.Once

	mu            sync.Mutex
	srv           *http.Server
	baseURL       string
	services      map[string][]storedUser
	requests      []*Request
	faults        []Fault
	forever       *Fault
	perRequest    time.Duration
	perConnection time.Duration
	connections   int
	certPool      *x509.CertPool
	certPEM       []byte
}

// storedUser keeps the user already encoded, so that callers may go on
// mutating the map they passed without racing with handlers.
type storedUser struct {
	sid, identity string
	body          []byte
}

// New returns an emulator that is not yet listening.
func New(creds Credentials) *Server {
	return &Server{creds: creds, closed: make(chan struct{}), services: map[string][]storedUser{}}
}

// Start listens on a random loopback port and serves plain HTTP.
// It returns the base URL, e.g. "http://127.0.0.1:PORT".
func (s *Server) Start() (string, error) { return s.start("127.0.0.1:0", false) }

// StartTLS is Start over HTTPS (HTTP/2 enabled) with a fresh self-signed
// certificate that CertPool trusts.
func (s *Server) StartTLS() (string, error) { return s.start("127.0.0.1:0", true) }

// StartAt is Start on a chosen address, which must be a loopback one: the
// emulator accepts made-up credentials and must not be reachable from
// elsewhere.
func (s *Server) StartAt(addr string) (string, error) { return s.start(addr, false) }

func (s *Server) start(addr string, useTLS bool) (string, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("emulator: bad listen address %q: %w", addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return "", fmt.Errorf("emulator: refusing to listen on %q: only loopback addresses (127.0.0.0/8, ::1, localhost) are allowed", addr)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.srv != nil {
		return "", errors.New("emulator: already started")
	}
	select {
	case <-s.closed:
		return "", errors.New("emulator: closed")
	default:
	}
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		// Handshake failures are expected in tests of certificate checking.
		ErrorLog: log.New(io.Discard, "", 0),
		ConnContext: func(ctx context.Context, _ net.Conn) context.Context {
			return context.WithValue(ctx, connCreatedKey{}, time.Now())
		},
		ConnState: func(_ net.Conn, st http.ConnState) {
			if st == http.StateNew {
				s.mu.Lock()
				s.connections++
				s.mu.Unlock()
			}
		},
	}
	scheme := "http"
	if useTLS {
		cfg, pool, pemBytes, err := selfSignedTLS()
		if err != nil {
			return "", err
		}
		srv.TLSConfig, s.certPool, s.certPEM, scheme = cfg, pool, pemBytes, "https"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", fmt.Errorf("emulator: %w", err)
	}
	s.srv, s.baseURL = srv, scheme+"://"+ln.Addr().String()
	if useTLS {
		go func() { _ = srv.ServeTLS(ln, "", "") }()
	} else {
		go func() { _ = srv.Serve(ln) }()
	}
	return s.baseURL, nil
}

type connCreatedKey struct{}

// CertPEM is the certificate of a server started with StartTLS in PEM form,
// for clients that take their trusted roots from a file; nil otherwise.
func (s *Server) CertPEM() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.certPEM
}

// CertPool trusts the certificate of a server started with StartTLS; nil otherwise.
func (s *Server) CertPool() *x509.CertPool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.certPool
}

// URL is the base URL returned by Start, or "" before.
func (s *Server) URL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.baseURL
}

// Close stops listening, closes every connection and releases handlers that
// are sleeping or hanging.
func (s *Server) Close() {
	s.closeOnce.Do(func() { close(s.closed) })
	s.mu.Lock()
	srv := s.srv
	s.mu.Unlock()
	if srv != nil {
		_ = srv.Close()
	}
}

// AddService declares a service with no users.
func (s *Server) AddService(serviceSid string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.services[serviceSid]; !ok {
		s.services[serviceSid] = nil
	}
}

// PutUser stores user as the JSON body served for it, adding the service if
// needed. A stored user with the same "sid" or "identity" is replaced. It
// panics if user cannot be encoded as JSON, which is a bug in the caller.
func (s *Server) PutUser(serviceSid string, user map[string]any) {
	body, err := marshal(user)
	if err != nil {
		panic(fmt.Sprintf("emulator: PutUser: %v", err))
	}
	u := storedUser{body: body}
	u.sid, _ = user["sid"].(string)
	u.identity, _ = user["identity"].(string)
	s.mu.Lock()
	defer s.mu.Unlock()
	users := s.services[serviceSid]
	for i, old := range users {
		if (u.sid != "" && old.sid == u.sid) || (u.identity != "" && old.identity == u.identity) {
			users[i] = u
			return
		}
	}
	s.services[serviceSid] = append(users, u)
}

// NewUser builds a user with every field of Twilio's schema set to a
// realistic, non-null value, with url and links derived from baseURL as
// Twilio derives them from https://chat.twilio.com. role_sid is derived from
// the service and user sids, so the same arguments give the same user.
func NewUser(baseURL, accountSid, serviceSid, sid, identity string) map[string]any {
	userURL := baseURL + "/v2/Services/" + serviceSid + "/Users/" + sid
	role := sha256.Sum256([]byte(serviceSid + "/" + sid))
	return map[string]any{
		"sid":                   sid,
		"account_sid":           accountSid,
		"service_sid":           serviceSid,
		"role_sid":              "RL" + hex.EncodeToString(role[:16]),
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

// SetLatency delays every response by perRequest, and the responses on a
// connection until perConnection has passed since it was accepted, which
// charges a new connection about one perConnection, as a handshake would.
func (s *Server) SetLatency(perRequest, perConnection time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.perRequest, s.perConnection = perRequest, perConnection
}

// InjectFaults queues faults; each answers one request on the user-fetch
// route, in order, before normal behaviour (or SetFaultForever's) resumes.
func (s *Server) InjectFaults(f ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, f...)
}

// SetFaultForever answers every request on the user-fetch route with f,
// once the queue of InjectFaults is empty, until called with nil.
func (s *Server) SetFaultForever(f *Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f == nil {
		s.forever = nil
		return
	}
	c := *f
	s.forever = &c
}

// Requests returns the requests received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.requests))
	for i, r := range s.requests {
		out[i] = *r
	}
	return out
}

// RequestCount is len(Requests()).
func (s *Server) RequestCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

// Connections is the number of connections accepted.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.connections
}

// Reset forgets recorded requests, the connection count and all faults; users
// and latency stay.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests, s.connections, s.faults, s.forever = nil, 0, nil, nil
}

// Handler is the API itself, for use with httptest or another server. Per
// connection latency only applies when served by Start or StartTLS.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS")
	h.Set("Access-Control-Allow-Headers", "Content-Type, Authorization")
	h.Set("Access-Control-Allow-Credentials", "true")
	h.Set("Access-Control-Expose-Headers", "ETag")
	h.Set("Twilio-Request-Id", "RQ"+randomHex(16))

	rec := &Request{Method: r.Method, Proto: r.Proto, EscapedPath: escapedPath(r), RawQuery: r.URL.RawQuery, Header: r.Header.Clone(), Time: time.Now()}
	s.mu.Lock()
	s.requests = append(s.requests, rec)
	wait := s.perRequest
	if created, ok := r.Context().Value(connCreatedKey{}).(time.Time); ok {
		wait += max(0, time.Until(created.Add(s.perConnection)))
	}
	s.mu.Unlock()
	s.pause(r, wait)

	// Browsers send preflights without credentials.
	if r.Method == http.MethodOptions {
		s.reply(w, rec, http.StatusOK, nil)
		return
	}
	if !s.authorized(r) {
		h.Set("WWW-Authenticate", `Basic realm="Twilio API"`)
		s.reply(w, rec, http.StatusUnauthorized, errorBody(http.StatusUnauthorized, 20003, "Authenticate"))
		return
	}
	serviceSid, id, ok := parseUserPath(rec.EscapedPath)
	if !ok {
		s.reply(w, rec, http.StatusNotFound, notFoundBody(rec.EscapedPath))
		return
	}
	if r.Method != http.MethodGet {
		h.Set("Allow", "GET, OPTIONS")
		s.reply(w, rec, http.StatusMethodNotAllowed, errorBody(http.StatusMethodNotAllowed, 20004, "Method not allowed"))
		return
	}

	f := s.nextFault()
	if f == nil {
		status, body := s.lookup(serviceSid, id, rec.EscapedPath)
		s.reply(w, rec, status, body)
		return
	}
	for k, v := range f.Header {
		h.Set(k, v)
	}
	s.pause(r, f.Delay)
	if f.Hang {
		select {
		case <-r.Context().Done():
		case <-s.closed:
		}
		panic(http.ErrAbortHandler)
	}
	switch {
	case f.ResetMidBody:
		status, body := s.lookup(serviceSid, id, rec.EscapedPath)
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
		writeFiller(w, f.BodyBytes)
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
		status, body := s.lookup(serviceSid, id, rec.EscapedPath)
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

func (s *Server) nextFault() *Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.faults) > 0 {
		f := s.faults[0]
		s.faults = s.faults[1:]
		return &f
	}
	return s.forever
}

var serviceSidPattern = regexp.MustCompile(`^IS[0-9a-fA-F]{32}$`)

// lookup is Twilio's normal answer. A sid match wins over an identity match,
// as Twilio resolves sids first.
func (s *Server) lookup(serviceSid, id, path string) (int, []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	users, ok := s.services[serviceSid]
	if !ok || !serviceSidPattern.MatchString(serviceSid) {
		return http.StatusForbidden, errorBody(http.StatusForbidden, 20403, "Service instance not found")
	}
	for _, u := range users {
		if u.sid == id {
			return http.StatusOK, u.body
		}
	}
	for _, u := range users {
		if u.identity == id {
			return http.StatusOK, u.body
		}
	}
	return http.StatusNotFound, notFoundBody(path)
}

func (s *Server) setStatus(rec *Request, status int) {
	s.mu.Lock()
	rec.Status = status
	s.mu.Unlock()
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

// parseUserPath splits the raw path before unescaping, so that an escaped
// '/' stays inside its segment as it does at Twilio.
func parseUserPath(p string) (serviceSid, id string, ok bool) {
	seg := strings.Split(p, "/")
	if len(seg) != 6 || seg[0] != "" || seg[1] != "v2" || seg[2] != "Services" || seg[4] != "Users" || seg[5] == "" {
		return "", "", false
	}
	serviceSid, err1 := url.PathUnescape(seg[3])
	id, err2 := url.PathUnescape(seg[5])
	return serviceSid, id, err1 == nil && err2 == nil
}

func notFoundBody(path string) []byte {
	return errorBody(http.StatusNotFound, 20404, "The requested resource "+path+" was not found")
}

func errorBody(status, code int, message string) []byte {
	b, _ := marshal(struct {
		Code     int    `json:"code"`
		Message  string `json:"message"`
		MoreInfo string `json:"more_info"`
		Status   int    `json:"status"`
	}{code, message, fmt.Sprintf("https://www.twilio.com/docs/errors/%d", code), status})
	return b
}

// marshal is json.Marshal without HTML escaping, as Twilio sends '<', '>'
// and '&' verbatim.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// writeFiller streams rather than allocates, since size-cap tests ask for
// bodies larger than any sane cap.
func writeFiller(w io.Writer, n int) {
	head := `{"sid":"`[:min(n, 8)]
	if _, err := io.WriteString(w, head); err != nil {
		return
	}
	chunk := bytes.Repeat([]byte{'a'}, 32<<10)
	for left := n - len(head); left > 0; left -= len(chunk) {
		if _, err := w.Write(chunk[:min(left, len(chunk))]); err != nil {
			return
		}
	}
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
