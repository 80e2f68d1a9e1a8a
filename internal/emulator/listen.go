package emulator

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"time"
)

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

// Handler is the API itself, for use with httptest or another server. Per
// connection latency only applies when served by Start or StartTLS.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }
