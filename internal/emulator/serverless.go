package emulator

// APIServerless is Serverless v1: /v1 paths under ServerlessBasePath,
// https://serverless.twilio.com.
const APIServerless API = "serverless"

// Serverless's routes.
const (
	RouteServerlessService      RouteName = "ServerlessService"      // GET /serverless/v1/Services/{ZS or unique_name}
	RouteServerlessServices     RouteName = "ServerlessServices"     // GET /serverless/v1/Services
	RouteServerlessEnvironment  RouteName = "ServerlessEnvironment"  // GET /serverless/v1/Services/{ZS}/Environments/{ZE}
	RouteServerlessEnvironments RouteName = "ServerlessEnvironments" // GET /serverless/v1/Services/{ZS}/Environments
	RouteServerlessFunction     RouteName = "ServerlessFunction"     // GET /serverless/v1/Services/{ZS}/Functions/{ZH}
	RouteServerlessFunctions    RouteName = "ServerlessFunctions"    // GET /serverless/v1/Services/{ZS}/Functions
)

// Serverless v1 (https://serverless.twilio.com): the account's services,
// and each service's environments (whose domain_name is what Studio flows
// and Flex plugins call) and functions, served as stored.
var serverlessProduct = product{api: APIServerless, mount: ServerlessBasePath, base: "/v1", routes: []route{
	newRoute(RouteServerlessEnvironment, "/Services/{service}/Environments/{id}", serverlessEnvironments.fetch),
	newRoute(RouteServerlessEnvironments, "/Services/{service}/Environments", serverlessEnvironments.list),
	newRoute(RouteServerlessFunction, "/Services/{service}/Functions/{id}", serverlessFunctions.fetch),
	newRoute(RouteServerlessFunctions, "/Services/{service}/Functions", serverlessFunctions.list),
	newRoute(RouteServerlessService, "/Services/{id}", serverlessServices.fetch),
	newRoute(RouteServerlessServices, "/Services", serverlessServices.list),
}}

// ServerlessBasePath is where the emulator serves Serverless: its
// /v1/Services is also a Conversations path, so Serverless lives under its
// own base path on the same listener, as Flex does. endpoints.serverless
// is URL()+ServerlessBasePath (ServerlessURL), and every path below it is
// exactly Twilio's.
const ServerlessBasePath = "/serverless"

// ServerlessURL is the base URL of the emulator's Serverless API,
// URL()+ServerlessBasePath, or "" before Start.
func (s *Server) ServerlessURL() string { return s.urlAt(ServerlessBasePath) }

// Serverless serves up to 1000 objects a page, and no list of these has a
// filter. A service's children are read by the service's sid only, as the
// spec documents their ServiceSid; only the service's own fetch takes its
// unique_name.
var (
	serverlessServices = table{key: "services", maxPageSize: 1000, byName: true,
		collection: onTheAccount(func(s *Server) *collection { return &s.serverless().services })}
	serverlessEnvironments = table{key: "environments", maxPageSize: 1000,
		collection: under(serverlessParents, func(s *Server) map[string]*collection { return s.serverless().environments })}
	serverlessFunctions = table{key: "functions", maxPageSize: 1000,
		collection: under(serverlessParents, func(s *Server) map[string]*collection { return s.serverless().functions })}
)

func serverlessParents(s *Server) *collection { return &s.serverless().services }

// serverlessStore is Serverless's part of the store.
type serverlessStore struct {
	services collection
	// environments and functions are each service's, by the service's sid.
	environments, functions map[string]*collection
}

// serverless is Serverless's part of s's store. Called with s.mu held.
func (s *Server) serverless() *serverlessStore { return storePart[serverlessStore](&s.store) }

// PutServerlessService stores service (serverless.v1.service) as the body
// served for it, found by its sid and its unique_name; a stored service
// with the same sid or unique_name is replaced in place, a new one goes
// last in lists. It panics if service has no sid string or cannot be
// encoded as JSON, which is a bug in the caller.
func (s *Server) PutServerlessService(service map[string]any) {
	s.put("PutServerlessService", service, "unique_name", func() *collection { return &s.serverless().services })
}

// PutEnvironment stores environment (serverless.v1.service.environment)
// under serviceSid, by its sid, as PutServerlessService stores a service.
// It is served once the service itself is stored: Twilio has no
// environments of a service it does not have.
func (s *Server) PutEnvironment(serviceSid string, environment map[string]any) {
	s.put("PutEnvironment", environment, "", func() *collection { return child(&s.serverless().environments, serviceSid) })
}

// PutFunction stores function (serverless.v1.service.function) under
// serviceSid, as PutEnvironment stores an environment.
func (s *Server) PutFunction(serviceSid string, function map[string]any) {
	s.put("PutFunction", function, "", func() *collection { return child(&s.serverless().functions, serviceSid) })
}

// NewServerlessService builds a service (serverless.v1.service) with every
// field set, url and links on baseURL (Serverless's base, e.g.
// https://serverless.twilio.com). Its domain_base is uniqueName and a fixed
// "1234" where Twilio adds four random digits, so that an environment's
// domain_name can be written down ahead.
func NewServerlessService(baseURL, accountSid, sid, uniqueName, friendlyName string) map[string]any {
	serviceURL := baseURL + "/v1/Services/" + sid
	return map[string]any{
		"sid":                 sid,
		"account_sid":         accountSid,
		"friendly_name":       friendlyName,
		"unique_name":         uniqueName,
		"include_credentials": true,
		"ui_editable":         false,
		"domain_base":         uniqueName + "-1234",
		"date_created":        "2020-05-04T08:00:00Z",
		"date_updated":        "2020-05-04T08:00:00Z",
		"url":                 serviceURL,
		"links":               linksUnder(serviceURL, "environments", "functions", "assets", "builds"),
	}
}

// NewEnvironment builds an environment (serverless.v1.service.environment)
// with every field set, url and links on baseURL as NewServerlessService's;
// an empty domainSuffix is null, as Twilio answers for an environment made
// without one (a service's production environment). build_sid is derived
// from the service and environment sids.
func NewEnvironment(baseURL, accountSid, serviceSid, sid, uniqueName, domainSuffix, domainName string) map[string]any {
	environmentURL := baseURL + "/v1/Services/" + serviceSid + "/Environments/" + sid
	return map[string]any{
		"sid":           sid,
		"account_sid":   accountSid,
		"service_sid":   serviceSid,
		"build_sid":     derivedSid("ZB", serviceSid+"/"+sid+"/build"),
		"unique_name":   uniqueName,
		"domain_suffix": nullIfEmpty(domainSuffix),
		"domain_name":   domainName,
		"date_created":  "2020-05-04T08:00:00Z",
		"date_updated":  "2026-11-30T17:45:12Z",
		"url":           environmentURL,
		"links":         linksUnder(environmentURL, "variables", "deployments", "logs"),
	}
}

// NewFunction builds a function (serverless.v1.service.function) with
// every field set, url and links on baseURL as NewServerlessService's.
func NewFunction(baseURL, accountSid, serviceSid, sid, friendlyName string) map[string]any {
	functionURL := baseURL + "/v1/Services/" + serviceSid + "/Functions/" + sid
	return map[string]any{
		"sid":           sid,
		"account_sid":   accountSid,
		"service_sid":   serviceSid,
		"friendly_name": friendlyName,
		"date_created":  "2020-05-04T08:00:00Z",
		"date_updated":  "2020-05-04T08:00:00Z",
		"url":           functionURL,
		"links":         map[string]any{"function_versions": functionURL + "/Versions"},
	}
}

// The Serverless objects SeedFlexServerless stores, by name; FlexSeedSid
// gives their sids from these names.
const (
	flexServerlessService = "default"
	flexDevEnvironment    = "dev"
	flexProdEnvironment   = "prod"
)

var flexFunctions = []string{"/hello", "/flex-token-validator", "/send-to-flex"}

// SeedFlexServerless stores what a Flex account's Serverless holds: the
// service "default" (friendly_name "default"), its environments "dev"
// (domain_suffix "dev", domain_name "default-1234-dev.twil.io") and "prod"
// (domain_suffix null, domain_name "default-1234.twil.io"), and its
// functions "/hello", "/flex-token-validator" and "/send-to-flex". Their
// sids are FlexSeedSid(account, prefix, name) with prefix ZS, ZE or ZH and
// name "default", "dev", "prod" or a function's friendly_name. Called
// after Start, their url and links are on the emulator; before, on Twilio.
func (s *Server) SeedFlexServerless() {
	base := s.seedBase(APIServerless, ServerlessBasePath, "https://serverless.twilio.com")
	acct := s.creds.AccountSid
	service := FlexSeedSid(acct, "ZS", flexServerlessService)
	s.PutServerlessService(NewServerlessService(base, acct, service, flexServerlessService, flexServerlessService))
	s.PutEnvironment(service, NewEnvironment(base, acct, service, FlexSeedSid(acct, "ZE", flexDevEnvironment),
		flexDevEnvironment, "dev", flexDomain(flexDevEnvironment)))
	s.PutEnvironment(service, NewEnvironment(base, acct, service, FlexSeedSid(acct, "ZE", flexProdEnvironment),
		flexProdEnvironment, "", flexDomain(flexProdEnvironment)))
	for _, name := range flexFunctions {
		s.PutFunction(service, NewFunction(base, acct, service, FlexSeedSid(acct, "ZH", name), name))
	}
}

// flexDomain is the domain_name of the seeded environment: the production
// one has no suffix.
func flexDomain(environment string) string {
	if environment == flexProdEnvironment {
		return flexServerlessService + "-1234.twil.io"
	}
	return flexServerlessService + "-1234-" + environment + ".twil.io"
}
