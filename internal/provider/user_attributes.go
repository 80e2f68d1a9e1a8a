package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// userAttributes are the computed attributes a user has on both Chat v2 and
// Conversations v1; links names the API's own link names for the docs.
func userAttributes(links string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"account_sid":   schema.StringAttribute{Computed: true, MarkdownDescription: "SID of the Account that created the user."},
		"attributes":    schema.StringAttribute{Computed: true, CustomType: jsontypes.NormalizedType{}, MarkdownDescription: "Application-specific data, the JSON string exactly as Twilio returns it; null when Twilio returns null. Decode it with `jsondecode()`."},
		"friendly_name": schema.StringAttribute{Computed: true, MarkdownDescription: "Display name of the user; null when none was set."},
		"role_sid":      schema.StringAttribute{Computed: true, MarkdownDescription: "SID of the Role assigned to the user (`RL...`)."},
		"is_online": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the user is connected to the service. " +
			"Null (not `false`) when the service's reachability indicator is off or the user has never been online."},
		"is_notifiable": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the user has a potentially valid push notification registration. " +
			"Null (not `false`) when the service's reachability indicator is off or the user never had a registration."},
		"date_created": schema.StringAttribute{Computed: true, CustomType: timetypes.RFC3339Type{}, MarkdownDescription: "When the user was created, RFC 3339, as returned."},
		"date_updated": schema.StringAttribute{Computed: true, CustomType: timetypes.RFC3339Type{}, MarkdownDescription: "When the user was last updated, RFC 3339, as returned."},
		"links":        schema.MapAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "URLs of related resources keyed by Twilio's link names, such as " + links + "; null when Twilio returns null."},
		"url":          schema.StringAttribute{Computed: true, MarkdownDescription: "Absolute URL of the user resource."},
	}
}
