package provider

import (
	"fmt"
	"math"
	"net"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/chat"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/conversations"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/flex"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/serverless"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/studio"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/taskrouter"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
)

const (
	envAccountSid    = "TWILIO_ACCOUNT_SID"
	envAuthToken     = "TWILIO_AUTH_TOKEN"
	envAPIKey        = "TWILIO_API_KEY"
	envAPISecret     = "TWILIO_API_SECRET"
	envRegion        = "TWILIO_REGION"
	envEdge          = "TWILIO_EDGE"
	envMaxRetries    = "TWILIO_MAX_RETRIES"
	envMaxConcurrent = "TWILIO_MAX_CONCURRENT_REQUESTS"

	defaultMaxRetries = 4
	// defaultRequestTimeout leaves a hung attempt time for two more within
	// the singular read's default of 30 s.
	defaultRequestTimeout = 10 * time.Second
	maxMaxRetries         = 20
	defaultMaxConcurrent  = twilio.DefaultMaxConcurrent
)

var (
	// Region and edge become DNS labels of the API host.
	hostLabelPattern = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)
)

// edgeForRegion names the edge location to suggest when only a region is
// given: Twilio's pairs of region and edge as documented for its
// region-specific endpoints.
var edgeForRegion = map[string]string{
	"us1": "ashburn",
	"us2": "umatilla",
	"ie1": "dublin",
	"de1": "frankfurt",
	"au1": "sydney",
	"jp1": "tokyo",
	"sg1": "singapore",
	"br1": "sao-paulo",
}

type providerModel struct {
	AccountSid     types.String         `tfsdk:"account_sid"`
	AuthToken      types.String         `tfsdk:"auth_token"`
	APIKey         types.String         `tfsdk:"api_key"`
	APISecret      types.String         `tfsdk:"api_secret"`
	Region         types.String         `tfsdk:"region"`
	Edge           types.String         `tfsdk:"edge"`
	Endpoints      types.Object         `tfsdk:"endpoints"`
	MaxRetries     types.Int64          `tfsdk:"max_retries"`
	RequestTimeout timetypes.GoDuration `tfsdk:"request_timeout"`
	MaxConcurrent  types.Int64          `tfsdk:"max_concurrent_requests"`
}

// products are the Twilio products whose data sources the provider
// serves, each with its endpoint: adding a product is one line here.
var products = []framework.Product{chat.Product, conversations.Product, flex.Product, taskrouter.Product, serverless.Product, studio.Product}

// endpointsAttrTypes are the types of the endpoints object: one URL per
// product.
var endpointsAttrTypes = func() map[string]attr.Type {
	m := make(map[string]attr.Type, len(products))
	for _, p := range products {
		m[p.Endpoint] = types.StringType
	}
	return m
}()

// settings is the provider configuration after precedence and validation:
// everything needed to build a chat client, and to name the credentials in
// errors without revealing them.
type settings struct {
	// BaseURLs holds each product API's base URL, by its endpoint name.
	BaseURLs       map[string]string
	Username       string
	Password       string
	Credentials    string
	MaxRetries     int
	RequestTimeout time.Duration
	// MaxConcurrent is the most requests in flight at once, to every host.
	MaxConcurrent int
}

// unknownAttributes lists the attributes whose values are not known yet (a
// provider configured from another resource's output during plan).
func unknownAttributes(m providerModel) []string {
	var unknown []string
	add := func(name string, v attr.Value) {
		if v.IsUnknown() {
			unknown = append(unknown, name)
		}
	}
	add("account_sid", m.AccountSid)
	add("auth_token", m.AuthToken)
	add("api_key", m.APIKey)
	add("api_secret", m.APISecret)
	add("region", m.Region)
	add("edge", m.Edge)
	add("endpoints", m.Endpoints)
	if !m.Endpoints.IsUnknown() && !m.Endpoints.IsNull() {
		for _, p := range products {
			if v, ok := m.Endpoints.Attributes()[p.Endpoint]; ok && v.IsUnknown() {
				unknown = append(unknown, "endpoints."+p.Endpoint)
			}
		}
	}
	add("max_retries", m.MaxRetries)
	add("request_timeout", m.RequestTimeout)
	add("max_concurrent_requests", m.MaxConcurrent)
	return unknown
}

// resolveSettings applies configuration-beats-environment precedence and every
// rule that needs both sources. It is pure: getenv is passed in so tests can
// give any environment.
func resolveSettings(m providerModel, getenv func(string) string) (settings, diag.Diagnostics) {
	var diags diag.Diagnostics
	pick := func(v types.String, env string) string {
		if !v.IsNull() {
			return v.ValueString()
		}
		return getenv(env)
	}
	accountSid := pick(m.AccountSid, envAccountSid)
	authToken := pick(m.AuthToken, envAuthToken)
	apiKey := pick(m.APIKey, envAPIKey)
	apiSecret := pick(m.APISecret, envAPISecret)
	region := pick(m.Region, envRegion)
	edge := pick(m.Edge, envEdge)

	checkPattern := func(value string, re *regexp.Regexp, name, env, example string) {
		if value != "" && !re.MatchString(value) {
			diags.AddAttributeError(path.Root(name), "Invalid "+name,
				fmt.Sprintf("%s (from the provider block or %s) must match %s, like %s.", name, env, re, example))
		}
	}
	checkPattern(accountSid, sid.Pattern(sid.Account), "account_sid", envAccountSid, "AC0123456789abcdef0123456789abcdef")
	checkPattern(apiKey, sid.Pattern(sid.APIKey), "api_key", envAPIKey, "SK0123456789abcdef0123456789abcdef")

	var s settings
	switch {
	case apiKey != "" && apiSecret != "":
		s.Username, s.Password = apiKey, apiSecret
		s.Credentials = "api_key/api_secret (API key " + apiKey + ")"
	case accountSid != "" && authToken != "":
		s.Username, s.Password = accountSid, authToken
		s.Credentials = "account_sid/auth_token (account " + accountSid + ")"
		if apiKey != "" || apiSecret != "" {
			diags.AddWarning("Incomplete API key ignored",
				"Only one of api_key and api_secret is set, so the provider authenticates with account_sid and auth_token. "+
					"Set both api_key (or "+envAPIKey+") and api_secret (or "+envAPISecret+") to use the API key.")
		}
	default:
		diags.AddError("Missing Twilio credentials", missingCredentials(accountSid, authToken, apiKey, apiSecret))
	}

	s.BaseURLs = map[string]string{}
	hostErrors := map[string]bool{}
	for _, p := range products {
		endpoint := getenv(p.Env)
		if !m.Endpoints.IsNull() {
			if v, ok := m.Endpoints.Attributes()[p.Endpoint].(types.String); ok && !v.IsNull() {
				endpoint = v.ValueString()
			}
		}
		baseURL, err := productBaseURL(p, endpoint, edge, region)
		switch {
		case err != nil && endpoint != "":
			diags.AddAttributeError(path.Root("endpoints").AtName(p.Endpoint), "Invalid Twilio endpoint", err.Error())
		case err != nil && !hostErrors[err.Error()]:
			// edge and region make every product's host: one error says it.
			hostErrors[err.Error()] = true
			attrPath := path.Root("region")
			if edge != "" && !hostLabelPattern.MatchString(edge) {
				attrPath = path.Root("edge")
			}
			diags.AddAttributeError(attrPath, "Invalid Twilio endpoint", err.Error())
		}
		s.BaseURLs[p.Endpoint] = baseURL
	}

	s.MaxRetries = defaultMaxRetries
	switch {
	case !m.MaxRetries.IsNull():
		s.MaxRetries = int(m.MaxRetries.ValueInt64())
	case getenv(envMaxRetries) != "":
		n, err := strconv.Atoi(strings.TrimSpace(getenv(envMaxRetries)))
		if err != nil || n < 0 || n > maxMaxRetries {
			diags.AddAttributeError(path.Root("max_retries"), "Invalid "+envMaxRetries,
				fmt.Sprintf("%s must be a whole number from 0 to %d, got %q.", envMaxRetries, maxMaxRetries, getenv(envMaxRetries)))
		} else {
			s.MaxRetries = n
		}
	}

	s.MaxConcurrent = defaultMaxConcurrent
	switch {
	case !m.MaxConcurrent.IsNull():
		// The schema refuses values below 1 at plan time; this keeps a
		// configuration that bypassed it from building an empty budget.
		if n := m.MaxConcurrent.ValueInt64(); n < 1 || n > math.MaxInt32 {
			diags.AddAttributeError(path.Root("max_concurrent_requests"), "Invalid max_concurrent_requests",
				fmt.Sprintf("max_concurrent_requests must be a whole number of at least 1, got %d.", n))
		} else {
			s.MaxConcurrent = int(n)
		}
	case getenv(envMaxConcurrent) != "":
		n, err := strconv.Atoi(strings.TrimSpace(getenv(envMaxConcurrent)))
		if err != nil || n < 1 || n > math.MaxInt32 {
			diags.AddAttributeError(path.Root("max_concurrent_requests"), "Invalid "+envMaxConcurrent,
				fmt.Sprintf("%s (max_concurrent_requests) must be a whole number of at least 1, got %q.", envMaxConcurrent, getenv(envMaxConcurrent)))
		} else {
			s.MaxConcurrent = n
		}
	}

	s.RequestTimeout = defaultRequestTimeout
	if !m.RequestTimeout.IsNull() {
		d, durDiags := m.RequestTimeout.ValueGoDuration()
		diags.Append(durDiags...)
		if !durDiags.HasError() {
			if d <= 0 {
				diags.AddAttributeError(path.Root("request_timeout"), "Invalid request_timeout",
					fmt.Sprintf("request_timeout must be a positive duration such as \"30s\", got %q.", m.RequestTimeout.ValueString()))
			} else {
				s.RequestTimeout = d
			}
		}
	}
	return s, diags
}

func missingCredentials(accountSid, authToken, apiKey, apiSecret string) string {
	type credential struct{ name, env, value string }
	var missing []string
	for _, c := range []credential{
		{"account_sid", envAccountSid, accountSid},
		{"auth_token", envAuthToken, authToken},
		{"api_key", envAPIKey, apiKey},
		{"api_secret", envAPISecret, apiSecret},
	} {
		if c.value == "" {
			missing = append(missing, fmt.Sprintf("%s (or %s)", c.name, c.env))
		}
	}
	return "The provider needs either account_sid and auth_token, or api_key and api_secret, " +
		"set in the provider block or through TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN, or TWILIO_API_KEY and TWILIO_API_SECRET. " +
		"Not set: " + strings.Join(missing, ", ") + "."
}

// productBaseURL picks the product API's base URL: an explicit endpoint,
// else the edge/region host, else Twilio's global host.
func productBaseURL(p framework.Product, endpoint, edge, region string) (string, error) {
	if endpoint != "" {
		if err := validateEndpoint("endpoints."+p.Endpoint, endpoint); err != nil {
			return "", err
		}
		return strings.TrimRight(endpoint, "/"), nil
	}
	for _, label := range [][2]string{{"edge", edge}, {"region", region}} {
		if label[1] != "" && !hostLabelPattern.MatchString(label[1]) {
			return "", fmt.Errorf("%s %q is not a valid host name label: use lower-case letters, digits and hyphens, like \"dublin\" or \"ie1\"", label[0], label[1])
		}
	}
	switch {
	case edge == "" && region == "":
		return p.DefaultURL, nil
	case edge == "":
		return "", fmt.Errorf("region %q is set without an edge; Twilio retired region-only hostnames in 2026. %s", region, edgeSuggestion(region))
	case region == "":
		region = "us1"
	}
	return fmt.Sprintf("https://%s.%s.%s.twilio.com", p.HostLabel, edge, region), nil
}

func edgeSuggestion(region string) string {
	if edge, ok := edgeForRegion[region]; ok {
		return fmt.Sprintf("Add edge = %q (or %s=%s) to reach %s.", edge, envEdge, edge, region)
	}
	pairs := make([]string, 0, len(edgeForRegion))
	for r, e := range edgeForRegion {
		pairs = append(pairs, r+"→"+e)
	}
	sort.Strings(pairs)
	return fmt.Sprintf("Add the edge that serves it (or %s), for example %s.", envEdge, strings.Join(pairs, ", "))
}

// validateEndpoint allows https anywhere, and plain http only to loopback so
// that credentials never cross a network in clear text.
func validateEndpoint(name, raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("%s %q is not a URL: %v", name, raw, err)
	}
	if u.Host == "" {
		return fmt.Errorf("%s %q must be an absolute URL such as https://chat-proxy.example.com", name, raw)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("%s %q must not contain credentials, a query or a fragment", name, raw)
	}
	switch u.Scheme {
	case "https":
		return nil
	case "http":
		if isLoopbackHost(u.Hostname()) {
			return nil
		}
		return fmt.Errorf("%s %q uses plain http to a host that is not loopback; credentials would travel in clear text. Use https, or http only to 127.0.0.1, ::1 or localhost", name, raw)
	default:
		return fmt.Errorf("%s %q must use https (or http to a loopback host)", name, raw)
	}
}

func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
