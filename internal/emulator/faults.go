package emulator

import (
	"bytes"
	"io"
	"time"
)

// Fault replaces the normal answer to one request on a route.
// The fields apply in this order: Delay, Hang, ResetMidBody, BodyBytes,
// Status; Header is added to whatever is finally sent. A zero Fault answers
// normally, which lets a queue skip requests: InjectRouteFaults(RouteChatUsers,
// Fault{}, Fault{Status: 503}) fails the second page only.
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

// faults are queued and standing faults, for any route and per route. A
// request takes the first of: its route's queue, the queue for any route,
// its route's standing fault, the standing fault for any route.
type faults struct {
	queue        []Fault
	forever      *Fault
	routeQueue   map[RouteName][]Fault
	routeForever map[RouteName]*Fault
}

// InjectFaults queues faults; each answers one request on any route, in
// order, before normal behaviour (or a standing fault's) resumes.
func (s *Server) InjectFaults(f ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.queue = append(s.faults.queue, f...)
}

// InjectRouteFaults is InjectFaults for the requests on one route only;
// they are answered before any queued by InjectFaults.
func (s *Server) InjectRouteFaults(route RouteName, f ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.faults.routeQueue == nil {
		s.faults.routeQueue = map[RouteName][]Fault{}
	}
	s.faults.routeQueue[route] = append(s.faults.routeQueue[route], f...)
}

// SetFaultForever answers every request on any route with f, once the
// queues of InjectFaults and InjectRouteFaults are empty and unless the
// route has its own standing fault, until called with nil.
func (s *Server) SetFaultForever(f *Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.forever = copyFault(f)
}

// SetRouteFaultForever is SetFaultForever for one route only.
func (s *Server) SetRouteFaultForever(route RouteName, f *Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.faults.routeForever == nil {
		s.faults.routeForever = map[RouteName]*Fault{}
	}
	s.faults.routeForever[route] = copyFault(f)
}

// copyFault keeps the server's fault safe from the caller's later changes.
func copyFault(f *Fault) *Fault {
	if f == nil {
		return nil
	}
	c := *f
	return &c
}

func (s *Server) nextFault(route RouteName) *Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	if q := s.faults.routeQueue[route]; len(q) > 0 {
		s.faults.routeQueue[route] = q[1:]
		return &q[0]
	}
	if len(s.faults.queue) > 0 {
		f := s.faults.queue[0]
		s.faults.queue = s.faults.queue[1:]
		return &f
	}
	if f := s.faults.routeForever[route]; f != nil {
		return f
	}
	return s.faults.forever
}

// writeFiller streams rather than allocates, since size-cap tests ask for
// bodies larger than any sane cap; sent is told what each write took, so
// that those tests can bound what the client read.
func writeFiller(w io.Writer, n int, sent func(int)) {
	head := `{"sid":"`[:min(n, 8)]
	written, err := io.WriteString(w, head)
	sent(written)
	if err != nil {
		return
	}
	chunk := bytes.Repeat([]byte{'a'}, 32<<10)
	for left := n - len(head); left > 0; left -= len(chunk) {
		written, err := w.Write(chunk[:min(left, len(chunk))])
		sent(written)
		if err != nil {
			return
		}
	}
}
