// Package chatbase is what the data sources of Chat v2 and Conversations
// v1 share: the two APIs serve the same services (IS…), users (US…) and
// roles (RL…), so the pairs of data sources share their models, flattens,
// schemas and the bulk user reads here, and each product package keeps
// only what is its own (its client calls, its names, its extra fields).
package chatbase

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
)

// Users and roles live in a service: required on Chat, optional on
// Conversations, whose paths can leave it out for the account's default
// Conversations service.

// ChatService is the service of every Chat user and role.
var ChatService = &framework.Scope{
	Attr: "service_sid",
	Noun: "service",
	Argument: func(noun string) schema.StringAttribute {
		a := chatServiceSidArgument()
		a.MarkdownDescription = "SID of the Chat service (`IS` followed by 32 hex digits) the " + noun + " belongs to."
		return a
	},
	ListArgument: func(string, string) schema.StringAttribute { return chatServiceSidArgument() },
	Where:        ServiceNamed,
}

// ConversationsService is the service of a Conversations user or role:
// without it, the account's default Conversations service.
var ConversationsService = &framework.Scope{
	Attr: "chat_service_sid",
	Noun: "service",
	Argument: func(noun string) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: "SID of the Conversations service (`IS` followed by 32 hex digits) the " + noun + " belongs to. " +
				"When not set, the account's default Conversations service is used, and its SID is read from Twilio.",
			Optional:   true,
			Computed:   true,
			Validators: []validator.String{framework.SidValidator(sid.Service)},
		}
	},
	ListArgument: func(plural, noun string) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: "SID of the Conversations service (`IS` followed by 32 hex digits) to read " + plural + " of. " +
				"When not set, the account's default Conversations service is read; each " + noun + "'s `chat_service_sid` names it.",
			Optional:   true,
			Validators: []validator.String{framework.SidValidator(sid.Service)},
		}
	},
	Where: ServiceNamed,
}

func chatServiceSidArgument() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "SID of the Chat service (`IS` followed by 32 hex digits).",
		Required:            true,
		Validators:          []validator.String{framework.SidValidator(sid.Service)},
	}
}

// ServiceNamed names a service for errors; "" is the account's default
// Conversations service, which only Conversations paths can leave out.
func ServiceNamed(serviceSid string) string {
	if serviceSid == "" {
		return "the account's default Conversations service"
	}
	return "service " + serviceSid
}
