package flex

import (
	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	flexapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/flex"
)

// twilio_flex_flow: one Flex Flow, by sid, or by name from the account's
// list of Flex Flows; what ties a channel to the Studio flow that hands
// its conversations to Flex.

// NewFlexFlowDataSource is the factory of twilio_flex_flow.
func NewFlexFlowDataSource() datasource.DataSource {
	return &framework.Lookup[flexapi.FlexFlow, flexFlowModel]{
		Base:    framework.Base{Name: "flex_flow"},
		Objects: flexFlows,
		Description: "Looks up one Flex Flow (Flex v1 API) by SID, or by name among the account's Flex Flows: how a channel " +
			"(web chat, SMS, WhatsApp, ...) reaches Flex, above all its `integration` (the Studio flow it hands conversations to). " +
			"Attributes that Twilio returns as `null` are null here too.",
		Attributes: flexFlowAttributes,
		Flatten:    flattenFlexFlow,
	}
}

type flexFlowModel struct {
	Sid             types.String         `tfsdk:"sid"`
	FriendlyName    types.String         `tfsdk:"friendly_name"`
	ChatServiceSid  types.String         `tfsdk:"chat_service_sid"`
	ChannelType     types.String         `tfsdk:"channel_type"`
	ContactIdentity types.String         `tfsdk:"contact_identity"`
	Enabled         types.Bool           `tfsdk:"enabled"`
	IntegrationType types.String         `tfsdk:"integration_type"`
	Integration     jsontypes.Normalized `tfsdk:"integration"`
	LongLived       types.Bool           `tfsdk:"long_lived"`
	JanitorEnabled  types.Bool           `tfsdk:"janitor_enabled"`
	AccountSid      types.String         `tfsdk:"account_sid"`
	DateCreated     timetypes.RFC3339    `tfsdk:"date_created"`
	DateUpdated     timetypes.RFC3339    `tfsdk:"date_updated"`
	URL             types.String         `tfsdk:"url"`
}

func flexFlowAttributes() map[string]schema.Attribute {
	text := framework.TextAttribute
	flag := framework.FlagAttribute
	return map[string]schema.Attribute{
		"chat_service_sid": text("SID of the Conversations (Chat) service (`IS...`) the flow's conversations are in."),
		"channel_type":     text("Channel of the flow: `web`, `sms`, `facebook`, `whatsapp`, `line` or `custom`."),
		"contact_identity": text("The channel's contact identity, such as a phone number; null when none is set."),
		"enabled":          flag("Whether the Flex Flow is enabled"),
		"integration_type": text("What the flow hands conversations to: `studio`, `external` or `task`."),
		"integration":      framework.JSONAttribute("Parameters of the integration, an object, such as the Studio `flow_sid` or the TaskRouter `workflow_sid`."),
		"long_lived":       flag("Whether Flex keeps the chat channel active for later conversations"),
		"janitor_enabled":  flag("Whether the Messaging Channel Janitor removes the flow's inactive Proxy sessions"),
		"account_sid":      text("SID of the Account that created the Flex Flow."),
		"date_created":     framework.DateAttribute("When the Flex Flow was created"),
		"date_updated":     framework.DateAttribute("When the Flex Flow was last updated"),
		"url":              text("Absolute URL of the Flex Flow resource."),
	}
}

// flattenFlexFlow copies a Flex Flow into the model, keeping every null
// null; integration stays the JSON Twilio sent.
func flattenFlexFlow(f *flexapi.FlexFlow, m *flexFlowModel) diag.Diagnostics {
	var diags diag.Diagnostics
	m.Sid = types.StringPointerValue(f.Sid)
	m.FriendlyName = types.StringPointerValue(f.FriendlyName)
	m.ChatServiceSid = types.StringPointerValue(f.ChatServiceSid)
	m.ChannelType = types.StringPointerValue(f.ChannelType)
	m.ContactIdentity = types.StringPointerValue(f.ContactIdentity)
	m.Enabled = types.BoolPointerValue(f.Enabled)
	m.IntegrationType = types.StringPointerValue(f.IntegrationType)
	m.Integration = framework.FlattenJSON(f.Integration)
	m.LongLived = types.BoolPointerValue(f.LongLived)
	m.JanitorEnabled = types.BoolPointerValue(f.JanitorEnabled)
	m.AccountSid = types.StringPointerValue(f.AccountSid)
	m.DateCreated = framework.FlattenDate(f.DateCreated, "date_created", &diags)
	m.DateUpdated = framework.FlattenDate(f.DateUpdated, "date_updated", &diags)
	m.URL = types.StringPointerValue(f.URL)
	return diags
}
