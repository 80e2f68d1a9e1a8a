package framework

import "github.com/hashicorp/terraform-plugin-framework/datasource"

// Product is one Twilio product API the provider reads: where it is
// served, and the data sources that read it. The provider lists one per
// product package.
type Product struct {
	// Endpoint is the product's attribute of the provider's endpoints
	// block, and the name its client goes by (Conn.Client): "chat".
	Endpoint string
	// HostLabel is the product's label in Twilio's host names
	// ({label}.{edge}.{region}.twilio.com): "flex-api".
	HostLabel string
	// Env is the environment variable that can set the endpoint.
	Env string
	// DefaultURL is Twilio's global base URL for the product.
	DefaultURL  string
	DataSources []func() datasource.DataSource
}
