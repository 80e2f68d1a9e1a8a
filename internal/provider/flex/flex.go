// Package flex is the data sources of Twilio Flex v1: the account's Flex
// configuration, which names the services, TaskRouter workspace and other
// resources of a Flex contact centre.
package flex

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
	flexapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/flex"
)

// endpoint names Flex's client and its attribute of the provider's
// endpoints block.
const endpoint = "flex"

// Product is Flex v1, as the provider lists it.
var Product = framework.Product{
	Endpoint:    endpoint,
	HostLabel:   flexapi.HostLabel,
	Env:         "TWILIO_FLEX_ENDPOINT",
	DefaultURL:  flexapi.DefaultBaseURL,
	DataSources: []func() datasource.DataSource{NewConfigurationDataSource, NewFlexFlowDataSource},
}

const title = "Twilio Flex API"

func client(c *framework.Conn) *flexapi.Client { return flexapi.New(c.Client(endpoint)) }

var flexFlows = &framework.Objects[flexapi.FlexFlow]{
	API: title, Resource: "flex flow", Noun: "Flex Flow", Plural: "Flex Flows",
	SidPrefix: sid.FlexFlow, NameField: "friendly_name",
	Name: func(f *flexapi.FlexFlow) *string { return f.FriendlyName },
	Sid:  func(f *flexapi.FlexFlow) *string { return f.Sid },
	Fetch: func(ctx context.Context, c *framework.Conn, _, sid string) (*flexapi.FlexFlow, error) {
		return client(c).FetchFlexFlow(ctx, sid)
	},
	List: func(ctx context.Context, c *framework.Conn, _ string) ([]flexapi.FlexFlow, error) {
		return client(c).ListFlexFlows(ctx)
	},
}
