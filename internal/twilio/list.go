package twilio

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// ListRequest describes one of Twilio's paged lists.
type ListRequest[T any] struct {
	// Segments make the list's path, as for Get.
	Segments []string
	// Key names the array in Twilio's envelope ("users", "roles").
	Key string
	// PageSize is the largest page the API allows.
	PageSize int
	// Sid returns an item's sid, by which items seen on two pages (the list
	// changed while it was read) are kept once; items without one are kept.
	Sid func(*T) *string
}

// ForeignPageError is a next_page_url the client will not follow: another
// host, port or path would receive the credentials.
type ForeignPageError struct {
	URL    string
	Reason string
}

func (e *ForeignPageError) Error() string {
	return fmt.Sprintf("Twilio's next_page_url points elsewhere: %q %s; it was not followed, so the credentials did not leave for it", e.URL, e.Reason)
}

// PageLoopError is a next_page_url already read: following it would never end.
type PageLoopError struct {
	URL string
}

func (e *PageLoopError) Error() string {
	return fmt.Sprintf("Twilio's next_page_url %q repeats a page already read; the list would never end", e.URL)
}

// ListError is a list that failed on page Page (1-based) after the pages
// before it were read.
type ListError struct {
	Page int
	Err  error
}

func (e *ListError) Error() string {
	return fmt.Sprintf("page %d of the list (%d read before it): %v", e.Page, e.Page-1, e.Err)
}

func (e *ListError) Unwrap() error { return e.Err }

// List reads every page of a list. Each page is requested from the
// configured base URL, whatever host Twilio's next_page_url names (see
// pageQuery), with the retries and body cap of any request; ctx bounds the
// whole list.
func List[T any](ctx context.Context, c *Client, r ListRequest[T]) ([]T, error) {
	plain, escaped, err := resourcePath(r.Segments)
	if err != nil {
		return nil, err
	}
	query := url.Values{"PageSize": {strconv.Itoa(r.PageSize)}}.Encode()
	seen := map[string]bool{}
	sids := map[string]bool{}
	var items []T
	for page := 1; ; page++ {
		seen[query] = true
		var env pageEnvelope[T]
		decode := func(body []byte) error { return env.decode(body, r.Key) }
		if err := c.getURL(ctx, c.requestURL(plain, escaped, query), decode); err != nil {
			return nil, &ListError{Page: page, Err: err}
		}
		for i := range env.items {
			item := &env.items[i]
			if r.Sid != nil {
				if sid := r.Sid(item); sid != nil {
					if sids[*sid] {
						continue
					}
					sids[*sid] = true
				}
			}
			items = append(items, *item)
		}
		if env.next == nil || *env.next == "" {
			return items, nil
		}
		next, err := c.pageQuery(*env.next, escaped)
		if err == nil && seen[next] {
			err = &PageLoopError{URL: *env.next}
		}
		if err != nil {
			return nil, &ListError{Page: page + 1, Err: err}
		}
		query = next
	}
}

type pageEnvelope[T any] struct {
	items []T
	next  *string
}

func (p *pageEnvelope[T]) decode(body []byte, key string) error {
	var raw map[string]json.RawMessage
	if err := DecodeObject(body, &raw); err != nil {
		return err
	}
	list, ok := raw[key]
	if !ok || !bytes.HasPrefix(bytes.TrimSpace(list), []byte("[")) {
		return fmt.Errorf("no %q list in the page", key)
	}
	if err := json.Unmarshal(list, &p.items); err != nil {
		return err
	}
	var meta struct {
		NextPageURL *string `json:"next_page_url"`
	}
	if m, ok := raw["meta"]; ok {
		if err := json.Unmarshal(m, &meta); err != nil {
			return fmt.Errorf("meta: %w", err)
		}
	}
	p.next = meta.NextPageURL
	return nil
}

// twilioHostPattern matches Twilio's hosts for an API: {api}.twilio.com and
// {api}.{edge}.{region}.twilio.com; nil when the API is not named.
func twilioHostPattern(api string) *regexp.Regexp {
	if api == "" {
		return nil
	}
	return regexp.MustCompile(`^` + regexp.QuoteMeta(api) + `(\.[a-z0-9-]+\.[a-z0-9-]+)?\.twilio\.com$`)
}

// pageQuery checks a next_page_url and returns the query to send to the
// configured base URL. Twilio's links name Twilio's own host even when the
// provider talks to a proxy, an emulator or an edge, so the link is taken
// only for its query, and only when its host is the configured one or
// Twilio's for this API, and its path the list's own: any other target
// would receive the credentials.
func (c *Client) pageQuery(link, listPath string) (string, error) {
	u, err := url.Parse(link)
	if err != nil || u.Host == "" {
		return "", &ForeignPageError{URL: link, Reason: "is not an absolute URL"}
	}
	if u.User != nil {
		return "", &ForeignPageError{URL: link, Reason: "carries credentials"}
	}
	path := u.EscapedPath()
	switch {
	// The page is requested from the configured endpoint whatever the
	// link's scheme: a link naming the endpoint's host and port with https
	// where the endpoint is http (a TLS-terminating proxy's view) is the
	// endpoint's own.
	case strings.EqualFold(u.Host, c.base.Host) && (u.Scheme == "https" || u.Scheme == "http"):
		rest, ok := strings.CutPrefix(path, c.base.EscapedPath())
		if !ok {
			return "", &ForeignPageError{URL: link, Reason: "is outside the endpoint's base path " + c.base.EscapedPath()}
		}
		path = rest
	case c.ownHost != nil && u.Scheme == "https" && (u.Port() == "" || u.Port() == "443") &&
		c.ownHost.MatchString(strings.ToLower(u.Hostname())):
	default:
		return "", &ForeignPageError{URL: link, Reason: fmt.Sprintf("names host %s, neither the configured endpoint (%s) nor Twilio's own %s host", u.Host, c.base.Host, c.api)}
	}
	if path != listPath {
		return "", &ForeignPageError{URL: link, Reason: "has path " + path + ", not the list's own " + listPath}
	}
	if u.RawQuery == "" {
		return "", &ForeignPageError{URL: link, Reason: "has no query: it cannot name a page"}
	}
	return wireQuery(u.RawQuery), nil
}

// wireQuery is a link's raw query with the bytes a request line cannot
// carry as they are (a space, which ends the request target, and bytes
// beyond ASCII) percent-encoded; the rest, escapes included, stays as
// Twilio wrote it, so page tokens reach Twilio unchanged.
func wireQuery(raw string) string {
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		if c := raw[i]; c == ' ' || c >= 0x80 {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}
