// Package flex is the data sources of Twilio Flex v1: the account's Flex
// configuration, which names the services, TaskRouter workspace and other
// resources of a Flex contact centre.
package flex

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
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
	DataSources: []func() datasource.DataSource{NewConfigurationDataSource},
}

const title = "Twilio Flex API"
