// Package serverless reads Twilio Serverless v1: the services that hold a
// Flex account's Functions, their environments (whose domain Studio flows
// and Flex plugins call) and their functions, on top of the shared HTTP
// layer in internal/twilio. It knows nothing of Terraform.
package serverless

import (
	"context"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
)

const (
	// DefaultBaseURL is Twilio's global Serverless endpoint.
	DefaultBaseURL = "https://serverless.twilio.com"
	// HostLabel is Serverless' label in Twilio's host names.
	HostLabel = "serverless"
	// MaxPageSize is the largest page Serverless' lists return.
	MaxPageSize = 1000
)

// Client reads Serverless v1 resources through a Twilio client configured
// for Serverless' host.
type Client struct {
	api *twilio.Client
}

// New wraps a Twilio client whose base URL is a Serverless endpoint.
func New(api *twilio.Client) *Client { return &Client{api: api} }

// FetchService gets one service by SID or by unique_name: Twilio's path
// takes either.
func (c *Client) FetchService(ctx context.Context, sidOrUniqueName string) (*Service, error) {
	return twilio.Fetch[Service](ctx, c.api, "v1", "Services", sidOrUniqueName)
}

// ListServices reads every service of the account.
func (c *Client) ListServices(ctx context.Context) ([]Service, error) {
	return twilio.List(ctx, c.api, twilio.ListRequest[Service]{
		Segments: []string{"v1", "Services"}, Key: "services", PageSize: MaxPageSize, Sid: func(s *Service) *string { return s.Sid },
	})
}

// FetchEnvironment gets one environment of a service by SID.
func (c *Client) FetchEnvironment(ctx context.Context, serviceSid, sid string) (*Environment, error) {
	return twilio.Fetch[Environment](ctx, c.api, "v1", "Services", serviceSid, "Environments", sid)
}

// ListEnvironments reads every environment of a service.
func (c *Client) ListEnvironments(ctx context.Context, serviceSid string) ([]Environment, error) {
	return twilio.List(ctx, c.api, twilio.ListRequest[Environment]{
		Segments: []string{"v1", "Services", serviceSid, "Environments"}, Key: "environments", PageSize: MaxPageSize,
		Sid: func(e *Environment) *string { return e.Sid },
	})
}

// FetchFunction gets one function of a service by SID.
func (c *Client) FetchFunction(ctx context.Context, serviceSid, sid string) (*Function, error) {
	return twilio.Fetch[Function](ctx, c.api, "v1", "Services", serviceSid, "Functions", sid)
}

// ListFunctions reads every function of a service.
func (c *Client) ListFunctions(ctx context.Context, serviceSid string) ([]Function, error) {
	return twilio.List(ctx, c.api, twilio.ListRequest[Function]{
		Segments: []string{"v1", "Services", serviceSid, "Functions"}, Key: "functions", PageSize: MaxPageSize,
		Sid: func(f *Function) *string { return f.Sid },
	})
}

// Service is serverless.v1.service; every nullable field is a pointer.
type Service struct {
	Sid                *string            `json:"sid"`
	AccountSid         *string            `json:"account_sid"`
	FriendlyName       *string            `json:"friendly_name"`
	UniqueName         *string            `json:"unique_name"`
	IncludeCredentials *bool              `json:"include_credentials"`
	UIEditable         *bool              `json:"ui_editable"`
	DomainBase         *string            `json:"domain_base"`
	DateCreated        *string            `json:"date_created"`
	DateUpdated        *string            `json:"date_updated"`
	URL                *string            `json:"url"`
	Links              map[string]*string `json:"links"`
}

// Environment is serverless.v1.service.environment.
type Environment struct {
	Sid          *string            `json:"sid"`
	AccountSid   *string            `json:"account_sid"`
	ServiceSid   *string            `json:"service_sid"`
	BuildSid     *string            `json:"build_sid"`
	UniqueName   *string            `json:"unique_name"`
	DomainSuffix *string            `json:"domain_suffix"`
	DomainName   *string            `json:"domain_name"`
	DateCreated  *string            `json:"date_created"`
	DateUpdated  *string            `json:"date_updated"`
	URL          *string            `json:"url"`
	Links        map[string]*string `json:"links"`
}

// Function is serverless.v1.service.function.
type Function struct {
	Sid          *string            `json:"sid"`
	AccountSid   *string            `json:"account_sid"`
	ServiceSid   *string            `json:"service_sid"`
	FriendlyName *string            `json:"friendly_name"`
	DateCreated  *string            `json:"date_created"`
	DateUpdated  *string            `json:"date_updated"`
	URL          *string            `json:"url"`
	Links        map[string]*string `json:"links"`
}
