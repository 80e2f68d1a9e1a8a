package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/chat"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
)

// A role is the same object on Chat v2 and Conversations v1, but for the
// name of its service attribute and its types; twilio_chat_role and
// twilio_conversations_role share everything here.

// roleReads are one API's reads of its role type R.
type roleReads[R any] struct {
	byName[R]
	serviceAttr  string // "service_sid" or "chat_service_sid"
	typesDoc     string // what the types mean
	defaultScope bool   // whether the service may be left out (the default service)
	service      func(*R) *string
	flatten      func(*R, *roleFields) diag.Diagnostics
}

// roleFields are a role model's attributes but its service.
type roleFields struct {
	Sid          types.String      `tfsdk:"sid"`
	FriendlyName types.String      `tfsdk:"friendly_name"`
	Type         types.String      `tfsdk:"type"`
	AccountSid   types.String      `tfsdk:"account_sid"`
	Permissions  types.List        `tfsdk:"permissions"`
	DateCreated  timetypes.RFC3339 `tfsdk:"date_created"`
	DateUpdated  timetypes.RFC3339 `tfsdk:"date_updated"`
	URL          types.String      `tfsdk:"url"`
	Timeouts     timeouts.Value    `tfsdk:"timeouts"`
}

func (a roleReads[R]) schema(ctx context.Context, description string) schema.Schema {
	service := schema.StringAttribute{
		MarkdownDescription: "SID of the service (`IS` followed by 32 hex digits) the role belongs to.",
		Required:            true,
		Validators:          []validator.String{sidValidator(sid.Service)},
	}
	if a.defaultScope {
		service = optionalChatServiceSidArgument("the role belongs to")
	}
	attrs := sidOrNameArguments("role", sid.Role, "every role of the service")
	attrs[a.serviceAttr] = service
	attrs["type"] = schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("Type of the role: %s (%s). Set it with `friendly_name` when roles of different types share the name; otherwise it is read from Twilio.",
			quoteList(a.types), a.typesDoc),
		Optional: true,
		Computed: true,
		Validators: []validator.String{
			stringvalidator.OneOf(a.types...),
			stringvalidator.AlsoRequires(path.MatchRoot("friendly_name")),
		},
	}
	attrs["account_sid"] = schema.StringAttribute{Computed: true, MarkdownDescription: "SID of the Account that created the role."}
	attrs["permissions"] = schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Permissions the role grants, in Twilio's order."}
	attrs["date_created"] = schema.StringAttribute{Computed: true, CustomType: timetypes.RFC3339Type{}, MarkdownDescription: "When the role was created, RFC 3339, as returned."}
	attrs["date_updated"] = schema.StringAttribute{Computed: true, CustomType: timetypes.RFC3339Type{}, MarkdownDescription: "When the role was last updated, RFC 3339, as returned."}
	attrs["url"] = schema.StringAttribute{Computed: true, MarkdownDescription: "Absolute URL of the role resource."}
	attrs["timeouts"] = timeouts.Attributes(ctx)
	return schema.Schema{MarkdownDescription: description, Attributes: attrs}
}

// readRole fills a role model: by sid with one request, by friendly_name
// (and type) from the list of the service's roles. service is the model's
// service attribute, read from the answer when left null.
func (a roleReads[R]) readRole(ctx context.Context, c readClients, service *types.String, m *roleFields) diag.Diagnostics {
	serviceSid := service.ValueString()
	where := serviceNamed(serviceSid)
	var role *R
	if l := lookupOf(m.Sid, "friendly_name", m.FriendlyName); l.bySid() {
		tflog.Debug(ctx, "Reading Twilio role", map[string]any{"product": a.product, "service": serviceSid, "sid": l.value})
		var err error
		if role, err = a.fetch(ctx, c, serviceSid, l.value); err != nil {
			return c.errorDiagnostics(a.subject(l.key(where)), err)
		}
		if diags := l.check(a.resource, a.sid(role), nil); diags.HasError() {
			return diags
		}
	} else {
		q := nameQuery{name: m.FriendlyName.ValueString(), typ: m.Type.ValueString(), scope: serviceSid, where: where}
		tflog.Debug(ctx, "Listing Twilio roles to find one by name", map[string]any{"product": a.product, "service": serviceSid, "friendly_name": q.name, "type": q.typ})
		var diags diag.Diagnostics
		if role, diags = a.find(ctx, c, q); diags.HasError() {
			return diags
		}
	}
	if service.IsNull() || service.IsUnknown() {
		*service = types.StringPointerValue(a.service(role))
	}
	return a.flatten(role, m)
}

// flattenRole copies a role into the model, keeping every null null.
// Conversations' roles convert to Chat's (conversations.Role).
func flattenRole(r *chat.Role, m *roleFields) diag.Diagnostics {
	var diags diag.Diagnostics
	m.Sid = types.StringPointerValue(r.Sid)
	m.FriendlyName = types.StringPointerValue(r.FriendlyName)
	m.Type = types.StringPointerValue(r.Type)
	m.AccountSid = types.StringPointerValue(r.AccountSid)
	m.Permissions = flattenStrings(r.Permissions, &diags)
	m.DateCreated = flattenDate(r.DateCreated, "date_created", &diags)
	m.DateUpdated = flattenDate(r.DateUpdated, "date_updated", &diags)
	m.URL = types.StringPointerValue(r.URL)
	return diags
}
