package twilio

import (
	"bufio"
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// userRequest is the request Get sends for a chat user, without sending it.
func userRequest(c *Client, identity string) (*http.Request, error) {
	plain, escaped, err := resourcePath([]string{"v2", "Services", testService, "Users", identity})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest(http.MethodGet, c.base.String(), nil)
	if err != nil {
		return nil, err
	}
	req.URL = c.requestURL(plain, escaped, "")
	return req, nil
}

// FuzzRequestPath proves, for any identity, that the request on the wire has
// exactly the path /v2/Services/{IS}/Users/{one segment}, that the segment
// decodes to the identity, and that nothing becomes a query or a fragment.
// The request is written and parsed back the way a server reads it.
func FuzzRequestPath(f *testing.F) {
	for _, seed := range []string{"jing", "a/b", "a?b=c", "a#b", "100%", "%2F", "a+b", "jing li", "李静", "../x", "...", "./", " ", "\x00", "a\r\nHost: evil"} {
		f.Add(seed)
	}
	client, err := New(Config{HostLabel: "chat", BaseURL: "https://chat.twilio.com", Username: "AC1", Password: "token"})
	if err != nil {
		f.Fatal(err)
	}
	prefix := "/v2/Services/" + testService + "/Users/"
	f.Fuzz(func(t *testing.T, identity string) {
		req, err := userRequest(client, identity)
		if identity == "" || identity == "." || identity == ".." {
			if err == nil {
				t.Fatalf("identity %q was accepted", identity)
			}
			return
		}
		if err != nil {
			t.Fatalf("identity %q refused: %v", identity, err)
		}
		var wire bytes.Buffer
		if err := req.Write(&wire); err != nil {
			t.Fatalf("identity %q: writing the request: %v", identity, err)
		}
		got, err := http.ReadRequest(bufio.NewReader(&wire))
		if err != nil {
			t.Fatalf("identity %q: the server cannot parse the request: %v\n%s", identity, err, wire.String())
		}
		if got.Method != http.MethodGet || got.URL.RawQuery != "" || got.URL.Fragment != "" || strings.ContainsAny(got.RequestURI, "?#") {
			t.Fatalf("identity %q: request line %s %s", identity, got.Method, got.RequestURI)
		}
		segment, ok := strings.CutPrefix(got.RequestURI, prefix)
		if !ok || strings.Contains(segment, "/") || segment == "." || segment == ".." {
			t.Fatalf("identity %q: path %s is not one segment under %s", identity, got.RequestURI, prefix)
		}
		decoded, err := url.PathUnescape(segment)
		if err != nil || decoded != identity {
			t.Fatalf("identity %q: segment %s decodes to %q (%v)", identity, segment, decoded, err)
		}
	})
}

// FuzzPageQuery proves, for any next_page_url, that the page the client
// would request next is on the configured endpoint's host and the list's
// own path: a link either yields a query for that URL or is refused.
func FuzzPageQuery(f *testing.F) {
	for _, seed := range []string{
		"https://chat.twilio.com/v2/Services/" + testService + "/Roles?PageSize=50&Page=1&PageToken=PT1",
		"https://proxy.example.com/base/v2/Services/" + testService + "/Roles?Page=1",
		"https://evil.example.com/v2/Services/" + testService + "/Roles?Page=1",
		"https://chat.twilio.com@evil.example.com/v2/Services/" + testService + "/Roles?Page=1",
		"https://chat.twilio.com/v2/Services/" + testService + "/Roles/../../../x?Page=1",
		"https://chat.twilio.com/v2/Services/" + testService + "/Roles?Page=1#frag",
		"//evil.example.com/v2/Services/" + testService + "/Roles?Page=1",
		"https://chat.dublin.ie1.twilio.com:443/v2/Services/" + testService + "/Roles?a=%2F%3F%23",
		// A space in the query would end the request target early.
		"https://ChAt.twilio.Com/v2/Services/" + testService + "/Roles? ",
		"https://chat.twilio.com/v2/Services/" + testService + "/Roles?PageToken=a b&Name=李静",
	} {
		f.Add(seed)
	}
	client, err := New(Config{HostLabel: "chat", BaseURL: "https://proxy.example.com/base", Username: "AC1", Password: "token"})
	if err != nil {
		f.Fatal(err)
	}
	plain, escaped, err := resourcePath([]string{"v2", "Services", testService, "Roles"})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, link string) {
		query, err := client.pageQuery(link, escaped)
		if err != nil {
			return
		}
		u := client.requestURL(plain, escaped, query)
		var wire bytes.Buffer
		req, _ := http.NewRequest(http.MethodGet, "https://proxy.example.com/", nil)
		req.URL = u
		if err := req.Write(&wire); err != nil {
			return
		}
		got, err := http.ReadRequest(bufio.NewReader(&wire))
		if err != nil {
			t.Fatalf("link %q: the server cannot parse the request: %v", link, err)
		}
		if got.Host != "proxy.example.com" {
			t.Fatalf("link %q: request sent to host %q", link, got.Host)
		}
		path, _, _ := strings.Cut(got.RequestURI, "?")
		if path != "/base"+escaped {
			t.Fatalf("link %q: request path %q, want /base%s", link, path, escaped)
		}
		if strings.Contains(got.RequestURI, "#") {
			t.Fatalf("link %q: request line carries a fragment: %s", link, got.RequestURI)
		}
	})
}
