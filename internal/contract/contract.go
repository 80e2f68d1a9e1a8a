// Package contract holds the project's code up to Twilio's own OpenAPI
// descriptions (twilio_chat_v2.json, twilio_conversations_v1.json,
// twilio_flex_v1.json, twilio_taskrouter_v1.json, twilio_serverless_v1.json
// and twilio_studio_v2.json, as Twilio publishes them in the npm package
// @twilio/cli-core): nobody on the project wrote them, so they are the
// reference the emulator's answers and the client's requests are checked
// against. Only tests use this package.
package contract

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// FetchUserPath is the spec's path template of the one operation the
// provider calls, GET FetchUser.
const FetchUserPath = "/v2/Services/{ServiceSid}/Users/{Sid}"

// The spec files internal/contract knows, as named in Twilio's package.
const (
	ChatV2          = "twilio_chat_v2.json"
	ConversationsV1 = "twilio_conversations_v1.json"
	FlexV1          = "twilio_flex_v1.json"
	TaskRouterV1    = "twilio_taskrouter_v1.json"
	ServerlessV1    = "twilio_serverless_v1.json"
	StudioV2        = "twilio_studio_v2.json"
)

// SpecDirEnv names the directory holding Twilio's OpenAPI descriptions; the
// Makefile sets it to where `make specs` installs them.
const SpecDirEnv = "TWILIO_OAI_DIR"

// specPackageDir is where `make specs` installs them, relative to the root
// of this module: the fallback for a `go test` run outside make.
var specPackageDir = filepath.Join(".bin", "twilio-oai", "node_modules", "@twilio", "cli-core", "src", "services", "twilio-api")

// SpecFile is the absolute path of Twilio's OpenAPI description name (e.g.
// ChatV2), read from the directory in TWILIO_OAI_DIR, else from where
// `make specs` installs @twilio/cli-core in this module's .bin/. The error
// names the path and `make specs`; a test fails on it.
func SpecFile(name string) (string, error) {
	dir := os.Getenv(SpecDirEnv)
	if dir == "" {
		root, err := moduleRoot()
		if err != nil {
			return "", fmt.Errorf("%s is not set and %w; run make specs", SpecDirEnv, err)
		}
		dir = filepath.Join(root, specPackageDir)
	}
	file, err := filepath.Abs(filepath.Join(dir, name))
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(file); err != nil {
		return "", fmt.Errorf("%s, Twilio's OpenAPI description, is missing (%w): run make specs, which installs it from @twilio/cli-core, or set %s to a directory holding it", name, err, SpecDirEnv)
	}
	return file, nil
}

// moduleRoot is the nearest directory at or above the working directory
// that holds a go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod is above the working directory")
		}
		dir = parent
	}
}

// Spec is the loaded description with a router over its paths.
type Spec struct {
	doc    *openapi3.T
	router routers.Router
	// server is the spec's own server: requests are matched as if they
	// had been sent there, whatever local server (emulator, Prism) really
	// got them.
	server string
	// errorsOnly stands for a request the spec has no operation for: all
	// Twilio can answer it with is an error.
	errorsOnly *routers.Route
}

// Load reads and validates the Chat v2 spec at file (see LoadAPI), which
// must document FetchUser.
func Load(ctx context.Context, file string) (*Spec, error) {
	spec, err := LoadAPI(ctx, file)
	if err != nil {
		return nil, err
	}
	if fetch := spec.doc.Paths.Value(FetchUserPath); fetch == nil || fetch.Get == nil {
		return nil, fmt.Errorf("%s has no GET %s", file, FetchUserPath)
	}
	return spec, nil
}

// FetchExample is the spec's own "fetch" example of a FetchUser answer, the
// body Prism serves for it.
func (s *Spec) FetchExample() ([]byte, error) {
	ok := s.doc.Paths.Value(FetchUserPath).Get.Responses.Status(http.StatusOK)
	if ok == nil || ok.Value == nil {
		return nil, errors.New("FetchUser documents no 200 answer")
	}
	media := ok.Value.Content.Get("application/json")
	if media == nil || media.Examples["fetch"] == nil || media.Examples["fetch"].Value == nil {
		return nil, errors.New(`FetchUser's 200 answer has no "fetch" example`)
	}
	return json.Marshal(media.Examples["fetch"].Value.Value)
}

// TwilioError is the JSON body of Twilio's error answers
// (https://www.twilio.com/docs/usage/twilios-response): a five-digit Twilio
// error code, a message, the documentation URL of that code and the HTTP
// status again, which must lie in [minStatus, maxStatus]. Twilio may add
// fields (detail, for one), so others are allowed.
func TwilioError(minStatus, maxStatus float64) *openapi3.Schema {
	return openapi3.NewObjectSchema().
		WithProperty("code", openapi3.NewIntegerSchema().WithMin(10000).WithMax(99999)).
		WithProperty("message", openapi3.NewStringSchema().WithMinLength(1)).
		WithProperty("more_info", openapi3.NewStringSchema().WithPattern(`^https://www\.twilio\.com/docs/errors/[0-9]{5}$`)).
		WithProperty("status", openapi3.NewIntegerSchema().WithMin(minStatus).WithMax(maxStatus)).
		WithProperty("detail", openapi3.NewStringSchema()).
		WithRequired([]string{"code", "message", "more_info", "status"})
}

// Route finds the spec's operation for req, matched as sent to the spec's
// server: only the method and the path as escaped on the wire count.
func (s *Spec) Route(req *http.Request) (*routers.Route, map[string]string, error) {
	r, err := s.atSpecServer(req)
	if err != nil {
		return nil, nil, err
	}
	return s.router.FindRoute(r)
}

// ValidateRequest checks req against its operation: path parameters,
// method, query and the security requirement, which for Chat v2 is HTTP
// Basic with an account SID and auth token (or an API key and secret).
func (s *Spec) ValidateRequest(ctx context.Context, req *http.Request) error {
	r, err := s.atSpecServer(req)
	if err != nil {
		return err
	}
	route, params, err := s.router.FindRoute(r)
	if err != nil {
		return fmt.Errorf("%s %s: %w", r.Method, r.URL.EscapedPath(), err)
	}
	return openapi3filter.ValidateRequest(ctx, &openapi3filter.RequestValidationInput{
		Request:    r,
		PathParams: params,
		Route:      route,
		Options:    &openapi3filter.Options{AuthenticationFunc: basicAuth},
	})
}

// ValidateResponse checks an answer to req: a 2XX against the documented
// response of req's operation (body schema, content type, headers), an
// error against Twilio's error shape. A request for which the spec has no
// operation may only be answered with an error.
func (s *Spec) ValidateResponse(ctx context.Context, req *http.Request, status int, header http.Header, body []byte) error {
	r, err := s.atSpecServer(req)
	if err != nil {
		return err
	}
	route, params, err := s.router.FindRoute(r)
	switch {
	case errors.Is(err, routers.ErrMethodNotAllowed), errors.Is(err, routers.ErrPathNotFound):
		route, params = s.errorsOnly, nil
	case err != nil:
		return err
	}
	return openapi3filter.ValidateResponse(ctx, &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: r, PathParams: params, Route: route},
		Status:                 status,
		Header:                 header,
		Body:                   io.NopCloser(bytes.NewReader(body)),
		Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	})
}

// atSpecServer is req with its scheme and host replaced by the spec's
// server, keeping the path exactly as escaped.
func (s *Spec) atSpecServer(req *http.Request) (*http.Request, error) {
	server, err := url.Parse(s.server)
	if err != nil {
		return nil, err
	}
	r := req.Clone(req.Context())
	u := *req.URL
	u.Scheme, u.Host = server.Scheme, server.Host
	r.URL, r.Host = &u, server.Host
	return r, nil
}

func basicAuth(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	if in.SecurityScheme.Type != "http" || in.SecurityScheme.Scheme != "basic" {
		return fmt.Errorf("security scheme %q is %s %s, which this check does not know", in.SecuritySchemeName, in.SecurityScheme.Type, in.SecurityScheme.Scheme)
	}
	user, pass, ok := in.RequestValidationInput.Request.BasicAuth()
	if !ok || user == "" || pass == "" {
		return fmt.Errorf("security scheme %q needs HTTP Basic credentials", in.SecuritySchemeName)
	}
	return nil
}

// LoadAPI reads and validates any of Twilio's specs at file. Requests are matched
// at the spec's own server, and Twilio's documented error shape is added
// to every operation as its 4XX and 5XX responses, since the spec
// documents only successful answers.
func LoadAPI(ctx context.Context, file string) (*Spec, error) {
	doc, err := openapi3.NewLoader().LoadFromFile(file)
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", file, err)
	}
	// Examples elsewhere in the files are invalid (Chat's Roles create
	// example gives a string for an array), so they are not validated here;
	// the example of FetchUser is checked on its own by the tests.
	if err := doc.Validate(ctx, openapi3.DisableExamplesValidation()); err != nil {
		return nil, fmt.Errorf("%s is not a valid OpenAPI document: %w", file, err)
	}
	if len(doc.Servers) == 0 {
		return nil, fmt.Errorf("%s names no server", file)
	}
	errorResponses := openapi3.NewResponses()
	for _, rng := range []struct {
		key      string
		min, max float64
	}{{"4XX", 400, 499}, {"5XX", 500, 599}} {
		errorResponses.Set(rng.key, &openapi3.ResponseRef{Value: openapi3.NewResponse().
			WithDescription("Twilio error").
			WithJSONSchema(TwilioError(rng.min, rng.max))})
	}
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			for key, resp := range errorResponses.Map() {
				op.Responses.Set(key, resp)
			}
		}
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, err
	}
	return &Spec{
		doc:    doc,
		router: router,
		server: doc.Servers[0].URL,
		errorsOnly: &routers.Route{
			Spec:      doc,
			PathItem:  &openapi3.PathItem{},
			Operation: &openapi3.Operation{Responses: errorResponses},
		},
	}, nil
}

// Schema is the spec's schema of that name in components, e.g.
// "chat.v2.service.role".
func (s *Spec) Schema(name string) (*openapi3.Schema, error) {
	ref := s.doc.Components.Schemas[name]
	if ref == nil || ref.Value == nil {
		return nil, fmt.Errorf("the spec has no schema %q", name)
	}
	return ref.Value, nil
}

// OKSchema is the schema of the JSON body that GET path documents for 200,
// with its $ref ("#/components/schemas/NAME") when it names one.
func (s *Spec) OKSchema(path string) (*openapi3.SchemaRef, error) {
	item := s.doc.Paths.Value(path)
	if item == nil || item.Get == nil {
		return nil, fmt.Errorf("the spec has no GET %s", path)
	}
	ok := item.Get.Responses.Status(http.StatusOK)
	if ok == nil || ok.Value == nil || ok.Value.Content.Get("application/json") == nil {
		return nil, fmt.Errorf("GET %s documents no JSON 200 answer", path)
	}
	return ok.Value.Content.Get("application/json").Schema, nil
}
