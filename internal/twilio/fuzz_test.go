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
	client, err := New(Config{API: "chat", BaseURL: "https://chat.twilio.com", Username: "AC1", Password: "token"})
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
