package provider

import (
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/chat"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/conversations"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/flex"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/taskrouter"
)

const (
	cfgAccount = "AC0123456789abcdef0123456789abcdef"
	envAccount = "ACfedcba9876543210fedcba9876543210"
	cfgKey     = "SK0123456789abcdef0123456789abcdef"
)

func nullModel() providerModel {
	return providerModel{
		AccountSid: types.StringNull(), AuthToken: types.StringNull(),
		APIKey: types.StringNull(), APISecret: types.StringNull(),
		Region: types.StringNull(), Edge: types.StringNull(),
		Endpoints:      types.ObjectNull(endpointsAttrTypes),
		MaxRetries:     types.Int64Null(),
		RequestTimeout: timetypes.NewGoDurationNull(),
		MaxConcurrent:  types.Int64Null(),
	}
}

func envOf(values map[string]string) func(string) string {
	return func(k string) string { return values[k] }
}

func errorText(diags diag.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Summary() + ": " + d.Detail() + "\n")
	}
	return b.String()
}

func TestResolveSettings_configBeatsEnvironment(t *testing.T) {
	m := nullModel()
	m.AccountSid = types.StringValue(cfgAccount)
	m.AuthToken = types.StringValue("config-token")
	m.MaxRetries = types.Int64Value(2)
	m.Endpoints = endpoints(map[string]attr.Value{"chat": types.StringValue("https://proxy.example.com/"),
		"flex": types.StringValue("https://flex-proxy.example.com/base/"), "taskrouter": types.StringValue("https://tr-proxy.example.com")})
	s, diags := resolveSettings(m, envOf(map[string]string{
		envAccountSid: envAccount, envAuthToken: "env-token", envMaxRetries: "9",
		"TWILIO_CHAT_ENDPOINT": "https://env.example.com", "TWILIO_CONVERSATIONS_ENDPOINT": "https://conv.example.com/", "TWILIO_FLEX_ENDPOINT": "https://env-flex.example.com",
		"TWILIO_TASKROUTER_ENDPOINT": "https://env-tr.example.com",
	}))
	if diags.HasError() {
		t.Fatal(errorText(diags))
	}
	if s.Username != cfgAccount || s.Password != "config-token" || s.MaxRetries != 2 ||
		s.BaseURLs["chat"] != "https://proxy.example.com" || s.BaseURLs["conversations"] != "https://conv.example.com" ||
		s.BaseURLs["flex"] != "https://flex-proxy.example.com/base" || s.BaseURLs["taskrouter"] != "https://tr-proxy.example.com" {
		t.Fatalf("settings = %+v", s)
	}
	if s.Credentials != "account_sid/auth_token (account "+cfgAccount+")" {
		t.Fatalf("credentials = %q", s.Credentials)
	}
}

func TestResolveSettings_environmentFillsWhatConfigLeavesNull(t *testing.T) {
	s, diags := resolveSettings(nullModel(), envOf(map[string]string{
		envAccountSid: envAccount, envAuthToken: "env-token", envMaxRetries: "0",
		envEdge: "dublin", envRegion: "ie1", "TWILIO_FLEX_ENDPOINT": "http://localhost:4010/flex",
	}))
	if diags.HasError() {
		t.Fatal(errorText(diags))
	}
	if s.Username != envAccount || s.Password != "env-token" || s.MaxRetries != 0 ||
		s.BaseURLs["chat"] != "https://chat.dublin.ie1.twilio.com" || s.BaseURLs["conversations"] != "https://conversations.dublin.ie1.twilio.com" ||
		s.BaseURLs["flex"] != "http://localhost:4010/flex" || s.RequestTimeout != 10*time.Second {
		t.Fatalf("settings = %+v", s)
	}
}

func TestResolveSettings_defaults(t *testing.T) {
	s, diags := resolveSettings(nullModel(), envOf(map[string]string{envAccountSid: envAccount, envAuthToken: "t"}))
	if diags.HasError() {
		t.Fatal(errorText(diags))
	}
	if s.MaxRetries != 4 || s.RequestTimeout != 10*time.Second || s.MaxConcurrent != 10 ||
		s.BaseURLs["chat"] != "https://chat.twilio.com" || s.BaseURLs["conversations"] != "https://conversations.twilio.com" ||
		s.BaseURLs["flex"] != "https://flex-api.twilio.com" {
		t.Fatalf("settings = %+v", s)
	}
}

func TestResolveSettings_apiKeyWinsWhenComplete(t *testing.T) {
	m := nullModel()
	m.APIKey = types.StringValue(cfgKey)
	s, diags := resolveSettings(m, envOf(map[string]string{
		envAccountSid: envAccount, envAuthToken: "env-token", envAPISecret: "key-secret",
	}))
	if diags.HasError() {
		t.Fatal(errorText(diags))
	}
	if s.Username != cfgKey || s.Password != "key-secret" || s.Credentials != "api_key/api_secret (API key "+cfgKey+")" {
		t.Fatalf("settings = %+v", s)
	}
}

func TestResolveSettings_incompleteAPIKeyFallsBackWithWarning(t *testing.T) {
	m := nullModel()
	m.APIKey = types.StringValue(cfgKey)
	s, diags := resolveSettings(m, envOf(map[string]string{envAccountSid: envAccount, envAuthToken: "env-token"}))
	if diags.HasError() || diags.WarningsCount() != 1 {
		t.Fatalf("diags = %s", errorText(diags))
	}
	if s.Username != envAccount {
		t.Fatalf("settings = %+v", s)
	}
}

func TestResolveSettings_missingCredentialsNamesWhatAndWhere(t *testing.T) {
	m := nullModel()
	m.AccountSid = types.StringValue(cfgAccount)
	_, diags := resolveSettings(m, envOf(nil))
	got := errorText(diags)
	for _, want := range []string{"Missing Twilio credentials", "auth_token (or TWILIO_AUTH_TOKEN)", "api_key (or TWILIO_API_KEY)", "api_secret (or TWILIO_API_SECRET)"} {
		if !strings.Contains(got, want) {
			t.Errorf("error %q does not contain %q", got, want)
		}
	}
	if strings.Contains(got, "account_sid (or") {
		t.Errorf("error names account_sid as missing: %s", got)
	}
}

func TestResolveSettings_invalidEnvironmentValues(t *testing.T) {
	for name, tc := range map[string]struct {
		env  map[string]string
		want string
	}{
		"account sid":               {map[string]string{envAccountSid: "ACnothex", envAuthToken: "t"}, "account_sid (from the provider block or TWILIO_ACCOUNT_SID) must match"},
		"api key":                   {map[string]string{envAPIKey: "SK1", envAPISecret: "s"}, "api_key (from the provider block or TWILIO_API_KEY) must match"},
		"max retries":               {map[string]string{envAccountSid: envAccount, envAuthToken: "t", envMaxRetries: "many"}, `TWILIO_MAX_RETRIES must be a whole number from 0 to 20, got "many"`},
		"max concurrent zero":       {map[string]string{envAccountSid: envAccount, envAuthToken: "t", envMaxConcurrent: "0"}, `TWILIO_MAX_CONCURRENT_REQUESTS (max_concurrent_requests) must be a whole number of at least 1, got "0"`},
		"max concurrent negative":   {map[string]string{envAccountSid: envAccount, envAuthToken: "t", envMaxConcurrent: "-3"}, `TWILIO_MAX_CONCURRENT_REQUESTS (max_concurrent_requests) must be a whole number of at least 1, got "-3"`},
		"max concurrent not number": {map[string]string{envAccountSid: envAccount, envAuthToken: "t", envMaxConcurrent: "ten"}, `got "ten"`},
		"negative":                  {map[string]string{envAccountSid: envAccount, envAuthToken: "t", envMaxRetries: "-1"}, "TWILIO_MAX_RETRIES must be a whole number"},
		"region alone":              {map[string]string{envAccountSid: envAccount, envAuthToken: "t", envRegion: "au1"}, `Add edge = "sydney" (or TWILIO_EDGE=sydney)`},
		"http remote":               {map[string]string{envAccountSid: envAccount, envAuthToken: "t", "TWILIO_CHAT_ENDPOINT": "http://10.0.0.1:8080"}, `endpoints.chat "http://10.0.0.1:8080" uses plain http to a host that is not loopback`},
		"http remote conversations": {map[string]string{envAccountSid: envAccount, envAuthToken: "t", "TWILIO_CONVERSATIONS_ENDPOINT": "http://10.0.0.2"}, `endpoints.conversations "http://10.0.0.2" uses plain http to a host that is not loopback`},
		"http remote flex":          {map[string]string{envAccountSid: envAccount, envAuthToken: "t", "TWILIO_FLEX_ENDPOINT": "http://flex.example.com"}, `endpoints.flex "http://flex.example.com" uses plain http to a host that is not loopback`},
	} {
		t.Run(name, func(t *testing.T) {
			_, diags := resolveSettings(nullModel(), envOf(tc.env))
			if got := errorText(diags); !diags.HasError() || !strings.Contains(got, tc.want) {
				t.Fatalf("diags = %q, want an error containing %q", got, tc.want)
			}
		})
	}
}

func TestResolveSettings_maxConcurrentRequests(t *testing.T) {
	m := nullModel()
	m.AccountSid, m.AuthToken = types.StringValue(cfgAccount), types.StringValue("t")
	if s, diags := resolveSettings(m, envOf(map[string]string{envMaxConcurrent: " 25 "})); diags.HasError() || s.MaxConcurrent != 25 {
		t.Fatalf("from the environment: settings = %+v, diags = %s", s, errorText(diags))
	}
	m.MaxConcurrent = types.Int64Value(3)
	if s, diags := resolveSettings(m, envOf(map[string]string{envMaxConcurrent: "25"})); diags.HasError() || s.MaxConcurrent != 3 {
		t.Fatalf("the configuration beats the environment: settings = %+v, diags = %s", s, errorText(diags))
	}
	m.MaxConcurrent = types.Int64Value(0)
	if _, diags := resolveSettings(m, envOf(nil)); !diags.HasError() || !strings.Contains(errorText(diags), "max_concurrent_requests must be a whole number of at least 1, got 0") {
		t.Fatalf("0: diags = %s", errorText(diags))
	}
}

func TestResolveSettings_requestTimeout(t *testing.T) {
	m := nullModel()
	m.AccountSid, m.AuthToken = types.StringValue(cfgAccount), types.StringValue("t")
	m.RequestTimeout = timetypes.NewGoDurationValueFromStringMust("2m")
	s, diags := resolveSettings(m, envOf(nil))
	if diags.HasError() || s.RequestTimeout != 2*time.Minute {
		t.Fatalf("settings = %+v, diags = %s", s, errorText(diags))
	}
	m.RequestTimeout = timetypes.NewGoDurationValueFromStringMust("0s")
	if _, diags := resolveSettings(m, envOf(nil)); !strings.Contains(errorText(diags), "request_timeout must be a positive duration") {
		t.Fatalf("diags = %s", errorText(diags))
	}
}

func TestProductBaseURL(t *testing.T) {
	for _, tc := range []struct{ endpoint, edge, region, want string }{
		{"", "", "", "https://chat.twilio.com"},
		{"", "dublin", "ie1", "https://chat.dublin.ie1.twilio.com"},
		{"", "sydney", "", "https://chat.sydney.us1.twilio.com"},
		{"https://proxy.example.com/twilio/", "dublin", "ie1", "https://proxy.example.com/twilio"},
		{"http://127.0.0.1:8080", "", "", "http://127.0.0.1:8080"},
		{"http://127.8.9.10", "", "", "http://127.8.9.10"},
		{"http://[::1]:4010", "", "", "http://[::1]:4010"},
		{"http://localhost:4010", "", "", "http://localhost:4010"},
	} {
		got, err := productBaseURL(chat.Product, tc.endpoint, tc.edge, tc.region)
		if err != nil || got != tc.want {
			t.Errorf("chat baseURL(%q, %q, %q) = %q, %v; want %q", tc.endpoint, tc.edge, tc.region, got, err, tc.want)
		}
		for _, p := range []framework.Product{conversations.Product, flex.Product, taskrouter.Product} {
			want := strings.Replace(tc.want, "https://chat.", "https://"+p.HostLabel+".", 1)
			if got, err := productBaseURL(p, tc.endpoint, tc.edge, tc.region); err != nil || got != want {
				t.Errorf("%s baseURL(%q, %q, %q) = %q, %v; want %q", p.Endpoint, tc.endpoint, tc.edge, tc.region, got, err, want)
			}
		}
	}
}

func TestProductBaseURL_errors(t *testing.T) {
	for _, tc := range []struct{ endpoint, edge, region, want string }{
		{"", "", "ie1", `region "ie1" is set without an edge; Twilio retired region-only hostnames in 2026. Add edge = "dublin"`},
		{"", "", "xx9", "Add the edge that serves it (or TWILIO_EDGE), for example au1→sydney"},
		{"", "evil.com/", "", `edge "evil.com/" is not a valid host name label`},
		{"", "dublin", "IE1", `region "IE1" is not a valid host name label`},
		{"http://example.com", "", "", `endpoints.conversations "http://example.com" uses plain http to a host that is not loopback`},
		{"http://127.0.0.1.example.com", "", "", "plain http to a host that is not loopback"},
		{"ftp://127.0.0.1", "", "", "must use https"},
		{"chat.example.com", "", "", "must be an absolute URL"},
		{"https://user:pass@example.com", "", "", "must not contain credentials"},
		{"https://example.com/?x=1", "", "", "must not contain credentials, a query or a fragment"},
	} {
		_, err := productBaseURL(conversations.Product, tc.endpoint, tc.edge, tc.region)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("baseURL(%q, %q, %q) error = %v, want it to contain %q", tc.endpoint, tc.edge, tc.region, err, tc.want)
		}
	}
}

func TestUnknownAttributes(t *testing.T) {
	m := nullModel()
	m.AuthToken = types.StringUnknown()
	m.Endpoints = endpoints(map[string]attr.Value{"chat": types.StringUnknown(), "conversations": types.StringUnknown(), "flex": types.StringUnknown(), "taskrouter": types.StringUnknown()})
	got := strings.Join(unknownAttributes(m), ",")
	if got != "auth_token,endpoints.chat,endpoints.conversations,endpoints.flex,endpoints.taskrouter" {
		t.Fatalf("unknownAttributes = %q", got)
	}
	if got := unknownAttributes(nullModel()); len(got) != 0 {
		t.Fatalf("unknownAttributes(null model) = %v", got)
	}
}

func TestUserAgent(t *testing.T) {
	got := userAgent("1.2.3", "1.12.6")
	if want := "terraform-provider-twilio/1.2.3 (+https://registry.terraform.io/seed-29301ef8/twilio) Terraform/1.12.6"; got != want {
		t.Fatalf("userAgent = %q, want %q", got, want)
	}
}

// endpoints is the endpoints object with the given attributes, the
// others null.
func endpoints(set map[string]attr.Value) types.Object {
	values := map[string]attr.Value{}
	for name := range endpointsAttrTypes {
		values[name] = types.StringNull()
	}
	for name, v := range set {
		values[name] = v
	}
	return types.ObjectValueMust(endpointsAttrTypes, values)
}
