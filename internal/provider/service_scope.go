package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
)

// Users and roles live in a service: required on Chat, optional on
// Conversations, whose paths can leave it out for the account's default
// Conversations service.

// chatServiceSidArgument is the required service of every Chat data source.
func chatServiceSidArgument() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "SID of the Chat service (`IS` followed by 32 hex digits).",
		Required:            true,
		Validators:          []validator.String{sidValidator(sid.Service)},
	}
}

// optionalChatServiceSidArgument is the optional service of a Conversations data
// source: without it, the account's default Conversations service is read.
func optionalChatServiceSidArgument(what string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "SID of the Conversations service (`IS` followed by 32 hex digits) " + what + ". " +
			"When not set, the account's default Conversations service is used, and its SID is read from Twilio.",
		Optional:   true,
		Computed:   true,
		Validators: []validator.String{sidValidator(sid.Service)},
	}
}

// serviceNamed names a service for errors; "" is the account's default
// Conversations service, which only Conversations paths can leave out.
func serviceNamed(serviceSid string) string {
	if serviceSid == "" {
		return "the account's default Conversations service"
	}
	return "service " + serviceSid
}
