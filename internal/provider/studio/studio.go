// Package studio is the data sources of Twilio Studio v2: flows by SID or
// by name, with their definitions.
package studio

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
	studioapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/studio"
)

// endpoint names Studio's client and its attribute of the provider's
// endpoints block.
const endpoint = "studio"

// Product is Studio v2, as the provider lists it.
var Product = framework.Product{
	Endpoint:    endpoint,
	HostLabel:   studioapi.HostLabel,
	Env:         "TWILIO_STUDIO_ENDPOINT",
	DefaultURL:  studioapi.DefaultBaseURL,
	DataSources: []func() datasource.DataSource{NewFlowDataSource},
}

const title = "Twilio Studio API"

func client(c *framework.Conn) *studioapi.Client { return studioapi.New(c.Client(endpoint)) }

// flows are the account's Studio flows. Twilio's list leaves each flow's
// definition out, so a lookup by name fetches the flow it found.
var flows = &framework.Objects[studioapi.Flow]{
	API: title, Resource: "studio flow", Noun: "flow", Plural: "flows",
	SidPrefix: sid.StudioFlow, NameField: "friendly_name",
	Name: func(f *studioapi.Flow) *string { return f.FriendlyName },
	Sid:  func(f *studioapi.Flow) *string { return f.Sid },
	Fetch: func(ctx context.Context, c *framework.Conn, _, sid string) (*studioapi.Flow, error) {
		return client(c).FetchFlow(ctx, sid)
	},
	List: func(ctx context.Context, c *framework.Conn, _ string) ([]studioapi.Flow, error) {
		return client(c).ListFlows(ctx)
	},
}
