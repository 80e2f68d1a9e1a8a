// Package serverless is the data sources of Twilio Serverless v1: the
// services that hold a Flex account's Functions, their environments (the
// domain Studio flows and plugins call) and their functions, by SID or by
// name.
package serverless

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
	serverlessapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/serverless"
)

// endpoint names Serverless' client and its attribute of the provider's
// endpoints block.
const endpoint = "serverless"

// Product is Serverless v1, as the provider lists it.
var Product = framework.Product{
	Endpoint:    endpoint,
	HostLabel:   serverlessapi.HostLabel,
	Env:         "TWILIO_SERVERLESS_ENDPOINT",
	DefaultURL:  serverlessapi.DefaultBaseURL,
	DataSources: []func() datasource.DataSource{NewServiceDataSource, NewEnvironmentDataSource, NewFunctionDataSource},
}

const title = "Twilio Serverless API"

func client(c *framework.Conn) *serverlessapi.Client { return serverlessapi.New(c.Client(endpoint)) }

// service is where environments and functions live.
var service = &framework.Scope{
	Attr:         "service_sid",
	Noun:         "service",
	Argument:     func(string) schema.StringAttribute { return serviceSidArgument() },
	ListArgument: func(string, string) schema.StringAttribute { return serviceSidArgument() },
}

func serviceSidArgument() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "SID of the Serverless service (`ZS` followed by 32 hex digits), such as `data.twilio_serverless_service.<name>.sid`.",
		Required:            true,
		Validators:          []validator.String{framework.SidValidator(sid.ServerlessService)},
	}
}

// How Serverless reads each of its types.

var services = &framework.Objects[serverlessapi.Service]{
	API: title, Resource: "serverless service", Noun: "service", Plural: "services",
	SidPrefix: sid.ServerlessService, NameField: "unique_name",
	Name: func(s *serverlessapi.Service) *string { return s.UniqueName },
	Sid:  func(s *serverlessapi.Service) *string { return s.Sid },
	Fetch: func(ctx context.Context, c *framework.Conn, _, sidOrUniqueName string) (*serverlessapi.Service, error) {
		return client(c).FetchService(ctx, sidOrUniqueName)
	},
	List: func(ctx context.Context, c *framework.Conn, _ string) ([]serverlessapi.Service, error) {
		return client(c).ListServices(ctx)
	},
}

var environments = &framework.Objects[serverlessapi.Environment]{
	API: title, Resource: "serverless environment", Noun: "environment", Plural: "environments",
	SidPrefix: sid.ServerlessEnvironment, NameField: "unique_name",
	Name:       func(e *serverlessapi.Environment) *string { return e.UniqueName },
	OtherNames: []framework.Alias[serverlessapi.Environment]{{Field: "domain_suffix", Of: func(e *serverlessapi.Environment) *string { return e.DomainSuffix }}},
	Sid:        func(e *serverlessapi.Environment) *string { return e.Sid },
	Fetch: func(ctx context.Context, c *framework.Conn, serviceSid, sid string) (*serverlessapi.Environment, error) {
		return client(c).FetchEnvironment(ctx, serviceSid, sid)
	},
	List: func(ctx context.Context, c *framework.Conn, serviceSid string) ([]serverlessapi.Environment, error) {
		return client(c).ListEnvironments(ctx, serviceSid)
	},
	ScopeOf: func(e *serverlessapi.Environment) *string { return e.ServiceSid },
}

var functions = &framework.Objects[serverlessapi.Function]{
	API: title, Resource: "serverless function", Noun: "function", Plural: "functions",
	SidPrefix: sid.ServerlessFunction, NameField: "friendly_name",
	Name: func(f *serverlessapi.Function) *string { return f.FriendlyName },
	Sid:  func(f *serverlessapi.Function) *string { return f.Sid },
	Fetch: func(ctx context.Context, c *framework.Conn, serviceSid, sid string) (*serverlessapi.Function, error) {
		return client(c).FetchFunction(ctx, serviceSid, sid)
	},
	List: func(ctx context.Context, c *framework.Conn, serviceSid string) ([]serverlessapi.Function, error) {
		return client(c).ListFunctions(ctx, serviceSid)
	},
	ScopeOf: func(f *serverlessapi.Function) *string { return f.ServiceSid },
}
