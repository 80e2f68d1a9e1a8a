// Package emulator is an in-memory stand-in for the parts of Twilio's Chat
// v2, Conversations v1, Flex v1, TaskRouter v1, Serverless v1 and Studio
// v2 APIs that the provider reads: users, roles and Conversations
// configuration, fetched one by one or paged, the account's Flex
// configuration and Flex Flows, the TaskRouter objects Flex creates,
// Serverless services with their environments and functions, and Studio
// flows. It is shaped like the real service closely enough for the
// provider's tests, the demo and benchmarks, with switches for the failures
// the real service and the network can produce. One emulator serves the
// APIs on one listener: /v2 is Chat, /v1 is Conversations, and the others
// are each under their own base path (FlexBasePath, TaskRouterBasePath,
// ServerlessBasePath, StudioBasePath), below which their paths are
// Twilio's.
//
// Each product is served from its own file (chat.go, conversations.go,
// flex.go, taskrouter.go, serverless.go, studio.go): its routes, its part
// of the store, its object builders and setters, and the shape it answers
// in. The rest knows no product, so that every route is listened for,
// authenticated, delayed, faulted, recorded and paged alike: listen.go and
// serve.go answer requests, routes.go matches them, paging.go serves
// Twilio's lists, faults.go the failures, store.go keeps objects in
// insertion order and bodies.go encodes answers.
// To serve another product, write one file that declares its API and
// RouteName constants and a product value (the API, its mount when it is
// served under a base path of its own, its base path and its routes, each
// a name, a path below the base and the function answering it), with what
// it stores as a part of its own type (storePart) and lists served by
// Server.list (table.go serves objects stored as Twilio answers them);
// then add the value to products in products.go.
package emulator

import (
	"crypto/x509"
	"net/http"
	"sync"
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

// Credentials accepted by HTTP Basic auth. Either pair (AccountSid/AuthToken,
// or APIKey/APISecret) is accepted when both of its halves are non-empty.
type Credentials struct {
	AccountSid, AuthToken string
	APIKey, APISecret     string
}

// Request is what the emulator recorded about one request it received.
type Request struct {
	Method      string
	Proto       string    // e.g. "HTTP/1.1", "HTTP/2.0"
	EscapedPath string    // the path exactly as the client escaped it
	RawQuery    string    // e.g. "PageSize=100&Page=1&PageToken=PT3"
	Route       RouteName // "" for a path the emulator does not serve
	Header      http.Header
	Time        time.Time // arrival
	Status      int       // status answered; 0 while pending or when never answered
	Answered    time.Time // when the answer's status was sent; zero when never answered
	// FillerSent is how much of a BodyBytes fault's body the connection
	// took: what the client read, plus at most the sockets' buffers.
	FillerSent int64
	left       bool // no longer counted in flight
}

// Server is the emulator. All methods are safe for concurrent use.
type Server struct {
	creds     Credentials
	closed    chan struct{}
	closeOnce sync.Once

	mu            sync.Mutex
	srv           *http.Server
	baseURL       string
	requests      []*Request
	perRequest    time.Duration
	perConnection time.Duration
	connections   int
	certPool      *x509.CertPool
	certPEM       []byte
	store         store
	faults        faults
	paging        paging
	// inFlight counts requests received and not yet answered; the account's
	// concurrency, when set, is the most Twilio serves at once.
	inFlight, peakInFlight int
	accountConcurrency     int
}

// New returns an emulator that is not yet listening.
func New(creds Credentials) *Server {
	return &Server{creds: creds, closed: make(chan struct{})}
}

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

// urlAt is the base URL of the API the emulator serves at mount, or ""
// before Start.
func (s *Server) urlAt(mount string) string {
	if u := s.URL(); u != "" {
		return u + mount
	}
	return ""
}

// SetLatency delays every response by perRequest, and the responses on a
// connection until perConnection has passed since it was accepted, which
// charges a new connection about one perConnection, as a handshake would.
func (s *Server) SetLatency(perRequest, perConnection time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.perRequest, s.perConnection = perRequest, perConnection
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

// Reset forgets recorded requests, the connection count, the peak in flight
// and all faults, on every route; stored objects, latency, paging settings
// and the account's concurrency stay.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests, s.connections, s.faults, s.peakInFlight = nil, 0, faults{}, s.inFlight
}

// SetAccountConcurrency makes the emulator answer 429 with Twilio's error
// 20429 (and no Retry-After), at once, to every request that arrives while n
// others are in flight, as Twilio does beyond an account's concurrency
// limit; 0 removes the limit.
func (s *Server) SetAccountConcurrency(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.accountConcurrency = n
}

// PeakInFlight is the most requests that were in flight at once (received
// and not yet answered, refused ones included) since Start or Reset.
func (s *Server) PeakInFlight() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.peakInFlight
}
