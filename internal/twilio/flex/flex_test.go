package flex

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
)

func TestNotConfigured(t *testing.T) {
	for name, x := range map[string]struct {
		err  error
		want bool
	}{
		"404":                     {&twilio.APIError{StatusCode: 404, Code: 20404}, true},
		"403 permission denied":   {&twilio.APIError{StatusCode: 403, Code: 20003}, true},
		"403 access denied":       {&twilio.APIError{StatusCode: 403, Code: 20006}, true},
		"403 other code":          {&twilio.APIError{StatusCode: 403, Code: 20403}, false},
		"403 from a proxy":        {&twilio.APIError{StatusCode: 403, Excerpt: "<html>"}, false},
		"401 unknown credentials": {&twilio.APIError{StatusCode: 401, Code: 20003}, false},
		"500":                     {&twilio.APIError{StatusCode: 500, Code: 20500}, false},
		"wrapped 404":             {fmt.Errorf("reading: %w", &twilio.APIError{StatusCode: 404}), true},
		"transport":               {&twilio.TransportError{Err: errors.New("refused")}, false},
		"context deadline":        {context.DeadlineExceeded, false},
	} {
		if got := NotConfigured(x.err); got != x.want {
			t.Errorf("%s: NotConfigured = %v, want %v", name, got, x.want)
		}
	}
}

func TestFetchConfiguration_sendsUiVersionOnlyWhenSet(t *testing.T) {
	var uris []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		uris = append(uris, r.RequestURI)
		fmt.Fprint(w, `{"flex_service_instance_sid":"IS0123456789abcdef0123456789abcdef","attributes":{"a": [1, 2]},"markdown":null,"serverless_service_sids":["ZS1"]}`)
	}))
	defer srv.Close()
	api, err := twilio.New(twilio.Config{HostLabel: HostLabel, BaseURL: srv.URL, Username: "AC1", Password: "x", RequestTimeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	c := New(api)
	for _, v := range []string{"", "1.34.0"} {
		conf, err := c.FetchConfiguration(context.Background(), v)
		if err != nil {
			t.Fatal(err)
		}
		if *conf.FlexServiceInstanceSid != "IS0123456789abcdef0123456789abcdef" || string(conf.Attributes) != `{"a": [1, 2]}` ||
			string(conf.Markdown) != "null" || conf.Notifications != nil || len(conf.ServerlessServiceSids) != 1 {
			t.Errorf("decoded %+v", conf)
		}
	}
	if len(uris) != 2 || uris[0] != "/v1/Configuration" || uris[1] != "/v1/Configuration?UiVersion=1.34.0" {
		t.Errorf("requests %q", uris)
	}
}
