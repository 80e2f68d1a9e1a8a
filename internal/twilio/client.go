// Package twilio is the HTTP layer every Twilio product client shares: one
// transport and connection pool per host, the retry policy, the body cap,
// Twilio's error JSON, path escaping, and the paged list. It knows nothing of
// Terraform (the provider turns results into state and errors into
// diagnostics) nor of any product: internal/twilio/chat and internal/twilio/conversations
// hold the paths and types.
package twilio

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// maxBodyBytes caps every response body read into memory. Twilio's largest
// answers are a Studio flow, whose definition can reach a few megabytes,
// and a page of a thousand TaskRouter workflows with their configurations:
// a larger body is not Twilio's answer. Tests lower Client.maxBody to try
// the cap.
const maxBodyBytes int64 = 10 << 20

// idleConnsPerHost covers the default request budget of 10 with room to
// spare; Go's default of 2 would make most concurrent reads open a new
// connection (and pay a new TLS handshake) each time.
const idleConnsPerHost = 32

// Logger receives the client's request log lines. The context is the one of
// the request, so a Terraform logger (and its masking) can be used.
type Logger func(ctx context.Context, msg string, fields map[string]any)

// Config holds everything a Client needs; the caller has already validated it.
type Config struct {
	// HostLabel is the product's label in Twilio's host names ("chat" for
	// chat.twilio.com): page links naming Twilio's own host for the API are
	// followed on BaseURL.
	HostLabel string
	BaseURL   string
	// Username and Password are the HTTP Basic credentials: an Account SID
	// and auth token, or an API key SID and secret.
	Username string
	Password string
	// UserAgent is sent on every request.
	UserAgent string
	// MaxRetries is how many times a retryable failure is retried; 0 disables
	// retries.
	MaxRetries int
	// RequestTimeout bounds each attempt once it has its slot of the
	// budget; the caller's context bounds the whole call, retries and waits
	// included.
	RequestTimeout time.Duration
	// Budget is shared by every Client of a provider: the most attempts in
	// flight to all hosts together. Nil gives the Client a budget of its own
	// of DefaultMaxConcurrent.
	Budget *Budget
	// RetryWaitMin and RetryWaitMax bound the exponential backoff between
	// attempts when the server does not say how long to wait.
	RetryWaitMin time.Duration
	RetryWaitMax time.Duration
	// RootCAs replaces the trusted roots when set (tests with a private CA);
	// otherwise they are the system roots plus SSL_CERT_FILE and SSL_CERT_DIR.
	RootCAs *x509.CertPool
	Logger  Logger
}

// Client sends the requests of one product API. One Client serves every read
// of a configured provider, so its connections are reused across reads.
type Client struct {
	api       string
	ownHost   *regexp.Regexp
	base      *url.URL
	username  string
	password  string
	userAgent string
	maxBody   int64
	logger    Logger
	transport *http.Transport
	http      *http.Client
	retryMax  int
	waitMin   time.Duration
	waitMax   time.Duration
}

// New builds a client with its own transport.
func New(cfg Config) (*Client, error) {
	base, err := url.Parse(strings.TrimRight(cfg.BaseURL, "/"))
	if err != nil {
		return nil, fmt.Errorf("invalid base URL: %w", err)
	}
	if base.Scheme != "https" && base.Scheme != "http" {
		return nil, fmt.Errorf("invalid base URL %q: scheme must be https", cfg.BaseURL)
	}
	waitMin, waitMax := cfg.RetryWaitMin, cfg.RetryWaitMax
	if waitMin <= 0 {
		waitMin = 500 * time.Millisecond
	}
	if waitMax < waitMin {
		waitMax = 20 * time.Second
	}
	logger := cfg.Logger
	if logger == nil {
		logger = func(context.Context, string, map[string]any) {}
	}
	roots := cfg.RootCAs
	if roots == nil {
		roots = trustedRoots(os.Getenv)
	}
	budget := cfg.Budget
	if budget == nil {
		budget = NewBudget(DefaultMaxConcurrent)
	}
	transport := newTransport(roots, max(idleConnsPerHost, budget.max))
	c := &Client{
		api:       cfg.HostLabel,
		ownHost:   twilioHostPattern(cfg.HostLabel),
		base:      base,
		username:  cfg.Username,
		password:  cfg.Password,
		userAgent: cfg.UserAgent,
		maxBody:   maxBodyBytes,
		logger:    logger,
		transport: transport,
		http: &http.Client{
			Transport: &attemptTransport{next: transport, budget: budget, timeout: cfg.RequestTimeout},
			// Twilio does not redirect API calls; following one would send
			// the credentials to wherever it points.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		retryMax: max(cfg.MaxRetries, 0),
		waitMin:  waitMin,
		waitMax:  waitMax,
	}
	return c, nil
}

// retryClient is the retry loop of one request: its policy knows the
// request's deadline and counts its attempts, and retryablehttp's log lines
// go to the request's logger (TF_LOG=DEBUG shows why each retry happened and
// how long it waited). The policy draws every wait, so retryablehttp's own
// wait bounds are not set.
func (c *Client) retryClient(ctx context.Context, p *retryPolicy) *retryablehttp.Client {
	return &retryablehttp.Client{
		HTTPClient:   c.http,
		Logger:       retryLog{ctx: ctx, api: c.api, log: c.logger},
		RetryMax:     c.retryMax,
		CheckRetry:   p.check,
		Backoff:      p.backoff,
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
		RequestLogHook: func(_ retryablehttp.Logger, req *http.Request, attempt int) {
			p.attempts = attempt + 1
			c.logAttempt(req, p.attempts)
		},
	}
}

// newTransport keeps up to idle connections to a host: as many as the
// budget lets be in flight, so that none is opened twice.
func newTransport(roots *x509.CertPool, idle int) *http.Transport {
	return &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          max(100, idle),
		MaxIdleConnsPerHost:   idle,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
		// No option turns verification off.
		TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12, RootCAs: roots},
	}
}

// CloseIdleConnections releases pooled connections (tests, shutdown).
func (c *Client) CloseIdleConnections() {
	c.transport.CloseIdleConnections()
}

func (c *Client) logAttempt(req *http.Request, attempt int) {
	c.logger(req.Context(), "Twilio API request", map[string]any{
		"api":     c.api,
		"method":  req.Method,
		"url":     req.URL.Redacted(),
		"attempt": attempt,
	})
}

// retryLog hands retryablehttp's log lines to the client's Logger.
type retryLog struct {
	ctx context.Context
	api string
	log Logger
}

func (l retryLog) Error(msg string, kv ...any) { l.write("error", msg, kv) }
func (l retryLog) Warn(msg string, kv ...any)  { l.write("warn", msg, kv) }
func (l retryLog) Info(msg string, kv ...any)  { l.write("info", msg, kv) }
func (l retryLog) Debug(msg string, kv ...any) { l.write("debug", msg, kv) }

func (l retryLog) write(level, msg string, kv []any) {
	fields := map[string]any{"api": l.api, "retryablehttp_level": level}
	for i := 0; i+1 < len(kv); i += 2 {
		if k, ok := kv[i].(string); ok {
			fields[k] = fmt.Sprint(kv[i+1])
		}
	}
	l.log(l.ctx, "retryablehttp: "+msg, fields)
}
