package emulator

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// paging holds the switches of list routes.
type paging struct {
	maxPageSize int
	linkBase    map[API]string
	rewriteNext func(next string) string
	hook        func(route RouteName, page int)
}

// defaultPageSize is Twilio's page size for a list request without PageSize.
const defaultPageSize = 50

// SetMaxPageSize serves pages of at most n items whatever the client asks,
// so that a test can spread a few items over several pages; n <= 0 lifts
// the cap. meta.page_size and the page links say the size really served.
func (s *Server) SetMaxPageSize(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.paging.maxPageSize = n
}

// SetLinkBase makes the links the emulator generates for api (the url,
// first_page_url, next_page_url and previous_page_url of lists, the url and
// links of generated configurations and of Conversations' renderings of
// users and roles) name base, e.g. "https://chat.twilio.com", instead of
// the emulator, as Twilio's links do when a proxy is in between. "" goes
// back to the emulator's own. Stored Chat bodies are served as stored.
func (s *Server) SetLinkBase(api API, base string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.paging.linkBase == nil {
		s.paging.linkBase = map[API]string{}
	}
	s.paging.linkBase[api] = strings.TrimSuffix(base, "/")
}

// SetNextPageURLRewrite passes every non-null next_page_url through f
// before it is served, so that a test can point it at another host or make
// it repeat; nil serves them unchanged. f is called without the server's
// lock held.
func (s *Server) SetNextPageURLRewrite(f func(next string) string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.paging.rewriteNext = f
}

// SetPageHook calls f before each list page is served (after faults, and
// without the server's lock held, so f may change what the page holds),
// with the route and the page index the client asked for; nil removes it.
func (s *Server) SetPageHook(f func(route RouteName, page int)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.paging.hook = f
}

// meta is Twilio's list envelope, the same for every list.
type meta struct {
	FirstPageURL    string  `json:"first_page_url"`
	Key             string  `json:"key"`
	NextPageURL     *string `json:"next_page_url"`
	Page            int     `json:"page"`
	PageSize        int     `json:"page_size"`
	PreviousPageURL *string `json:"previous_page_url"`
	URL             string  `json:"url"`
}

// pageRequest is a list request's query. A PageToken is "PT" and the seq
// of the last item of the page before ("next"), or "PB" and the seq of the
// first item of the page after ("previous"); without one, Page counts
// pages from the first.
type pageRequest struct {
	size, page int
	token      string
	backward   bool
	seq        uint64
}

// parsePageRequest returns the message of Twilio's 400 answer when q is
// not a valid page request.
func parsePageRequest(q url.Values) (pageRequest, string) {
	p := pageRequest{size: defaultPageSize, token: q.Get("PageToken")}
	var err error
	if v := q.Get("PageSize"); v != "" {
		if p.size, err = strconv.Atoi(v); err != nil || p.size < 1 {
			return p, fmt.Sprintf("Invalid PageSize %q: must be a positive integer", v)
		}
	}
	if v := q.Get("Page"); v != "" {
		if p.page, err = strconv.Atoi(v); err != nil || p.page < 0 {
			return p, fmt.Sprintf("Invalid Page %q: must be a non-negative integer", v)
		}
	}
	if p.token != "" {
		prefix, digits := p.token[:min(2, len(p.token))], p.token[min(2, len(p.token)):]
		p.seq, err = strconv.ParseUint(digits, 10, 64)
		if err != nil || (prefix != "PT" && prefix != "PB") || (prefix == "PB" && p.seq == 0) {
			return p, fmt.Sprintf("Invalid PageToken %q", p.token)
		}
		p.backward = prefix == "PB"
	}
	return p, ""
}

// listing is what one list request pages through.
type listing struct {
	collection  *collection
	key         string // the answer's field that holds the page, e.g. "users"
	maxPageSize int    // the largest page the API serves; a larger PageSize is clamped to it
	render      func(*item) []byte
	// keep, when set, is the filter the list was asked for, and query that
	// filter's parameters, which Twilio repeats in every page link so that
	// each page is of the same filtered list.
	keep  func(*item) bool
	query url.Values
}

// list serves one page of what open lists, in insertion order. open is
// called with s.mu held; it gives Twilio's answer instead, with no collection,
// when there is nothing to list (no such service, say).
func (s *Server) list(c *call, open func() (listing, int, []byte)) (int, []byte) {
	req, invalid := parsePageRequest(c.r.URL.Query())
	if invalid != "" {
		return http.StatusBadRequest, errorBody(http.StatusBadRequest, 20001, invalid)
	}
	s.mu.Lock()
	hook := s.paging.hook
	s.mu.Unlock()
	if hook != nil {
		hook(c.route.name, req.page)
	}

	s.mu.Lock()
	l, status, body := open()
	if l.collection == nil {
		s.mu.Unlock()
		return status, body
	}
	size := min(req.size, l.maxPageSize)
	if s.paging.maxPageSize > 0 {
		size = min(size, s.paging.maxPageSize)
	}
	col := l.collection
	if l.keep != nil {
		col = col.filtered(l.keep)
	}
	items := col.items
	var start int
	switch {
	case req.token == "":
		start = min(req.page*size, len(items))
	case req.backward:
		start = max(0, col.firstAfter(req.seq-1)-size)
	default:
		start = col.firstAfter(req.seq)
	}
	end := min(start+size, len(items))
	page := make([][]byte, 0, end-start)
	for _, it := range items[start:end] {
		page = append(page, l.render(it))
	}
	pageURL := s.linkBase(c) + listPath(c) + "?"
	if len(l.query) > 0 {
		// Twilio's order: the filters by name, then PageSize and Page.
		pageURL += l.query.Encode() + "&"
	}
	pageURL += fmt.Sprintf("PageSize=%d&Page=", size)
	m := meta{Key: l.key, Page: req.page, PageSize: size, FirstPageURL: pageURL + "0", URL: pageURL + strconv.Itoa(req.page)}
	if req.token != "" {
		m.URL += "&PageToken=" + req.token
	}
	if end < len(items) {
		next := pageURL + strconv.Itoa(req.page+1) + "&PageToken=PT" + strconv.FormatUint(items[end-1].seq, 10)
		m.NextPageURL = &next
	}
	if req.page > 0 {
		prev := pageURL + strconv.Itoa(req.page-1)
		if start < end {
			prev += "&PageToken=PB" + strconv.FormatUint(items[start].seq, 10)
		}
		m.PreviousPageURL = &prev
	}
	rewrite := s.paging.rewriteNext
	s.mu.Unlock()

	if rewrite != nil && m.NextPageURL != nil {
		next := rewrite(*m.NextPageURL)
		m.NextPageURL = &next
	}
	var buf bytes.Buffer
	buf.WriteString(`{"meta":`)
	buf.Write(mustMarshal(m))
	buf.WriteString(`,"` + m.Key + `":[`)
	buf.Write(bytes.Join(page, []byte(",")))
	buf.WriteString("]}")
	return http.StatusOK, buf.Bytes()
}

// listPath is the canonical path of c's list below its API's base (the
// product's mount left out), whatever escaping the client chose.
func listPath(c *call) string {
	seg := make([]string, len(c.route.pattern))
	for i, p := range c.route.pattern {
		seg[i] = p
		if p == "{service}" {
			seg[i] = url.PathEscape(c.service)
		}
	}
	return strings.TrimPrefix(strings.Join(seg, "/"), c.route.mount)
}

// linkBase is the base of the links the emulator generates for c's API:
// SetLinkBase's, else the emulator's own as the client reached it, with
// the product's mount. Called with s.mu held.
func (s *Server) linkBase(c *call) string {
	if base := s.paging.linkBase[c.route.api]; base != "" {
		return base
	}
	if s.baseURL != "" {
		return s.baseURL + c.route.mount
	}
	scheme := "http"
	if c.r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + c.r.Host + c.route.mount
}
