package twilio

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

type listItem struct {
	Sid  *string `json:"sid"`
	Name string  `json:"name"`
}

func itemSid(i *listItem) *string { return i.Sid }

const listPath = "/v2/Services/" + testService + "/Roles"

// pagedServer serves pages[i] for ?Page=i, in Twilio's envelope, with a
// next_page_url built by next (the empty string ends the list).
func pagedServer(t *testing.T, pages [][]string, next func(srvURL string, page int) string) (*httptest.Server, *[]string) {
	t.Helper()
	var queries []string
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		queries = append(queries, r.URL.RawQuery)
		page, _ := strconv.Atoi(r.URL.Query().Get("Page"))
		if r.URL.EscapedPath() != listPath || page >= len(pages) {
			http.NotFound(w, r)
			return
		}
		items := make([]string, len(pages[page]))
		for i, name := range pages[page] {
			items[i] = fmt.Sprintf(`{"sid":"RL%s","name":%q}`, name, name)
		}
		nextURL := "null"
		if n := next(srv.URL, page); n != "" {
			nextURL = fmt.Sprintf("%q", n)
		}
		fmt.Fprintf(w, `{"roles":[%s],"meta":{"page":%d,"page_size":2,"key":"roles","next_page_url":%s}}`, strings.Join(items, ","), page, nextURL)
	}))
	t.Cleanup(srv.Close)
	return srv, &queries
}

func listRoles(c *Client) ([]listItem, error) {
	return List(context.Background(), c, ListRequest[listItem]{
		Segments: []string{"v2", "Services", testService, "Roles"}, Key: "roles", PageSize: 100, Sid: itemSid,
	})
}

func names(items []listItem) string {
	var out []string
	for _, i := range items {
		out = append(out, i.Name)
	}
	return strings.Join(out, ",")
}

func TestList_followsEveryPageOnTheConfiguredEndpoint(t *testing.T) {
	pages := [][]string{{"a", "b"}, {"c", "d"}, {"e"}}
	srv, queries := pagedServer(t, pages, func(base string, page int) string {
		if page+1 < len(pages) {
			return fmt.Sprintf("%s%s?PageSize=2&Page=%d&PageToken=PT%d", base, listPath, page+1, page+1)
		}
		return ""
	})
	items, err := listRoles(newTestClient(t, srv.URL, 0))
	if err != nil {
		t.Fatal(err)
	}
	if got := names(items); got != "a,b,c,d,e" {
		t.Fatalf("items = %s", got)
	}
	want := []string{"PageSize=100", "PageSize=2&Page=1&PageToken=PT1", "PageSize=2&Page=2&PageToken=PT2"}
	if fmt.Sprint(*queries) != fmt.Sprint(want) {
		t.Fatalf("queries = %q, want %q", *queries, want)
	}
}

func TestList_twilioHostLinksAreFollowedOnTheConfiguredEndpoint(t *testing.T) {
	for _, host := range []string{"https://chat.twilio.com", "https://chat.dublin.ie1.twilio.com", "https://CHAT.twilio.com:443"} {
		pages := [][]string{{"a"}, {"b"}}
		srv, queries := pagedServer(t, pages, func(_ string, page int) string {
			if page == 0 {
				return host + listPath + "?PageSize=1&Page=1"
			}
			return ""
		})
		items, err := listRoles(newTestClient(t, srv.URL, 0))
		if err != nil || names(items) != "a,b" || len(*queries) != 2 {
			t.Errorf("%s: items %q, queries %q, err %v", host, names(items), *queries, err)
		}
	}
}

// A link naming the endpoint's own host and port with https where the
// endpoint is http is the endpoint's: the page is asked of the endpoint,
// as every page is.
func TestList_endpointLinksWithHTTPSAreFollowedOnTheEndpoint(t *testing.T) {
	pages := [][]string{{"a"}, {"b"}}
	srv, queries := pagedServer(t, pages, func(base string, page int) string {
		if page == 0 {
			return strings.Replace(base, "http://", "https://", 1) + listPath + "?PageSize=1&Page=1"
		}
		return ""
	})
	items, err := listRoles(newTestClient(t, srv.URL, 0))
	if err != nil || names(items) != "a,b" || len(*queries) != 2 || (*queries)[1] != "PageSize=1&Page=1" {
		t.Fatalf("items %q, queries %q, err %v", names(items), *queries, err)
	}
}

// A space or a byte beyond ASCII in a link's query is percent-encoded, so
// the request line stays one request; escapes already there stay as they are.
func TestList_aQueryWithASpaceIsSentEncoded(t *testing.T) {
	pages := [][]string{{"a"}, {"b"}}
	srv, queries := pagedServer(t, pages, func(base string, page int) string {
		if page == 0 {
			return base + listPath + "?Page=1&PageToken=a b%2F&Name=李"
		}
		return ""
	})
	items, err := listRoles(newTestClient(t, srv.URL, 0))
	if err != nil || names(items) != "a,b" || len(*queries) != 2 || (*queries)[1] != "Page=1&PageToken=a%20b%2F&Name=%E6%9D%8E" {
		t.Fatalf("items %q, queries %q, err %v", names(items), *queries, err)
	}
}

func TestList_foreignLinksAreRefusedAndNeverRequested(t *testing.T) {
	var foreignHits atomic.Int32
	foreign := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { foreignHits.Add(1) }))
	defer foreign.Close()
	for link, reason := range map[string]string{
		foreign.URL + listPath + "?Page=1":                                     "names host " + strings.TrimPrefix(foreign.URL, "http://"),
		"https://evil.example.com" + listPath + "?Page=1":                      "names host evil.example.com",
		"https://chat.twilio.com:8443" + listPath + "?Page=1":                  "names host chat.twilio.com:8443",
		"http://chat.twilio.com" + listPath + "?Page=1":                        "names host chat.twilio.com",
		"https://conversations.twilio.com" + listPath + "?Page=1":              "names host conversations.twilio.com",
		"https://chat.twilio.com.evil.com" + listPath + "?Page=1":              "names host chat.twilio.com.evil.com",
		"https://chat.twilio.com/v2/Services/" + testService + "/Users?Page=1": "has path /v2/Services/" + testService + "/Users, not the list's own " + listPath,
		"https://u:p@chat.twilio.com" + listPath + "?Page=1":                   "carries credentials",
		"/relative" + listPath:                                                 "is not an absolute URL",
		"https://chat.twilio.com" + listPath:                                   "has no query",
	} {
		srv, queries := pagedServer(t, [][]string{{"a"}, {"b"}}, func(string, int) string { return link })
		_, err := listRoles(newTestClient(t, srv.URL, 0))
		var foreignErr *ForeignPageError
		var listErr *ListError
		if !errors.As(err, &foreignErr) || !errors.As(err, &listErr) || listErr.Page != 2 ||
			!strings.Contains(err.Error(), "Twilio's next_page_url points elsewhere") || !strings.Contains(err.Error(), reason) {
			t.Errorf("link %s: err = %v, want a ForeignPageError on page 2 saying %q", link, err, reason)
		}
		if len(*queries) != 1 {
			t.Errorf("link %s: %d requests, want 1", link, len(*queries))
		}
	}
	if n := foreignHits.Load(); n != 0 {
		t.Fatalf("the foreign host received %d requests", n)
	}
}

func TestList_endpointBasePathIsStrippedFromItsOwnLinks(t *testing.T) {
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.RequestURI)
		next := "null"
		if r.URL.Query().Get("Page") == "" {
			next = fmt.Sprintf("%q", "http://"+r.Host+"/proxy"+listPath+"?Page=1")
		}
		fmt.Fprintf(w, `{"roles":[{"sid":"RL%d"}],"meta":{"next_page_url":%s}}`, len(got), next)
	}))
	defer srv.Close()
	items, err := listRoles(newTestClient(t, srv.URL+"/proxy", 0))
	if err != nil || len(items) != 2 {
		t.Fatalf("items %v, err %v", items, err)
	}
	if want := "/proxy" + listPath + "?Page=1"; got[1] != want {
		t.Fatalf("second request %s, want %s", got[1], want)
	}
}

func TestList_aRepeatedPageIsALoop(t *testing.T) {
	srv, queries := pagedServer(t, [][]string{{"a"}, {"b"}}, func(base string, _ int) string {
		return base + listPath + "?Page=1"
	})
	_, err := listRoles(newTestClient(t, srv.URL, 0))
	var loop *PageLoopError
	var listErr *ListError
	if !errors.As(err, &loop) || !errors.As(err, &listErr) || listErr.Page != 3 || !strings.Contains(err.Error(), "repeats a page already read") {
		t.Fatalf("err = %v", err)
	}
	if len(*queries) != 2 {
		t.Fatalf("%d requests, want 2", len(*queries))
	}
}

func TestList_itemsOnTwoPagesAreKeptOnce(t *testing.T) {
	pages := [][]string{{"a", "b"}, {"b", "c"}}
	srv, _ := pagedServer(t, pages, func(base string, page int) string {
		if page == 0 {
			return base + listPath + "?Page=1"
		}
		return ""
	})
	items, err := listRoles(newTestClient(t, srv.URL, 0))
	if err != nil || names(items) != "a,b,c" {
		t.Fatalf("items %q, err %v", names(items), err)
	}
}

func TestList_aFailingPageIsRetriedThenNamedInTheError(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch calls.Add(1) {
		case 1:
			fmt.Fprintf(w, `{"roles":[{"sid":"RL1"}],"meta":{"next_page_url":"http://%s%s?Page=1"}}`, r.Host, listPath)
		case 2:
			w.WriteHeader(http.StatusServiceUnavailable)
		case 3:
			fmt.Fprintf(w, `{"roles":[{"sid":"RL2"}],"meta":{"next_page_url":"http://%s%s?Page=2"}}`, r.Host, listPath)
		default:
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"code":20001,"message":"bad page","status":400}`)
		}
	}))
	defer srv.Close()
	_, err := listRoles(newTestClient(t, srv.URL, 2))
	var listErr *ListError
	var apiErr *APIError
	if !errors.As(err, &listErr) || listErr.Page != 3 || !errors.As(err, &apiErr) || apiErr.StatusCode != 400 ||
		!strings.HasPrefix(err.Error(), "page 3 of the list (2 read before it): HTTP 400, Twilio error 20001: bad page") {
		t.Fatalf("err = %v", err)
	}
	if n := calls.Load(); n != 4 {
		t.Fatalf("requests = %d, want 4 (the 503 retried once)", n)
	}
}

func TestList_aPageWithoutItsListIsADecodeError(t *testing.T) {
	for body, want := range map[string]string{
		`{"users":[],"meta":{}}`: `no "roles" list in the page`,
		`{"roles":null}`:         `no "roles" list in the page`,
		`{"roles":[],"meta":[]}`: "meta: json: cannot unmarshal array",
		`<html>proxy</html>`:     "HTML or XML",
		`{"roles":[{"sid":7}]}`:  "cannot unmarshal number",
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, body) }))
		_, err := listRoles(newTestClient(t, srv.URL, 0))
		srv.Close()
		var decodeErr *DecodeError
		if !errors.As(err, &decodeErr) || !strings.Contains(err.Error(), want) {
			t.Errorf("body %s: err = %v, want a DecodeError containing %q", body, err, want)
		}
	}
}
