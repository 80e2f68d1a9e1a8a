package provider

import (
	"context"
	"fmt"
	"maps"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
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

// roleFields are a role's attributes but its service: the whole of an
// element of twilio_chat_roles, less its service, and twilio_chat_role
// less its service and timeouts.
type roleFields struct {
	Sid          types.String      `tfsdk:"sid"`
	FriendlyName types.String      `tfsdk:"friendly_name"`
	Type         types.String      `tfsdk:"type"`
	AccountSid   types.String      `tfsdk:"account_sid"`
	Permissions  types.List        `tfsdk:"permissions"`
	DateCreated  timetypes.RFC3339 `tfsdk:"date_created"`
	DateUpdated  timetypes.RFC3339 `tfsdk:"date_updated"`
	URL          types.String      `tfsdk:"url"`
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
	maps.Copy(attrs, roleComputedAttributes())
	attrs["timeouts"] = timeouts.Attributes(ctx)
	return schema.Schema{MarkdownDescription: description, Attributes: attrs}
}

// roleComputedAttributes are the attributes of a role that are never
// arguments.
func roleComputedAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"account_sid":  schema.StringAttribute{Computed: true, MarkdownDescription: "SID of the Account that created the role."},
		"permissions":  schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Permissions the role grants, in Twilio's order."},
		"date_created": schema.StringAttribute{Computed: true, CustomType: timetypes.RFC3339Type{}, MarkdownDescription: "When the role was created, RFC 3339, as returned."},
		"date_updated": schema.StringAttribute{Computed: true, CustomType: timetypes.RFC3339Type{}, MarkdownDescription: "When the role was last updated, RFC 3339, as returned."},
		"url":          schema.StringAttribute{Computed: true, MarkdownDescription: "Absolute URL of the role resource."},
	}
}

// listSchema is the schema of the plural data source: the service, an
// optional type, and every role with every attribute of the singular.
func (a roleReads[R]) listSchema(service, timeouts schema.Attribute, description string) schema.Schema {
	element := roleComputedAttributes()
	element[a.serviceAttr] = schema.StringAttribute{Computed: true, MarkdownDescription: "SID of the service the role belongs to."}
	element["sid"] = schema.StringAttribute{Computed: true, MarkdownDescription: "SID of the role (`RL...`)."}
	element["friendly_name"] = schema.StringAttribute{Computed: true, MarkdownDescription: "Name of the role."}
	element["type"] = schema.StringAttribute{Computed: true, MarkdownDescription: fmt.Sprintf("Type of the role: %s.", quoteList(a.types))}
	return schema.Schema{
		MarkdownDescription: description,
		Attributes: map[string]schema.Attribute{
			a.serviceAttr: service,
			"type": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Only the roles of this type: %s (%s). When not set, roles of every type.", quoteList(a.types), a.typesDoc),
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(a.types...)},
			},
			"roles": schema.ListNestedAttribute{
				MarkdownDescription: "The roles, sorted by `friendly_name`, then `type` (byte order), so that plans stay stable; each has every attribute of the singular data source. " +
					"Index them by name with `{ for r in data.<this>.roles : r.friendly_name => r }` (with `type` set when names repeat across types).",
				Computed:     true,
				NestedObject: schema.NestedAttributeObject{Attributes: element},
			},
			"timeouts": timeouts,
		},
	}
}

// readRoles lays out every role of serviceSid (of type typ when not "")
// as elements E, sorted by friendly_name then type: element gives an
// element's roleFields after setting its service to the role's own.
func readRoles[R, E any](ctx context.Context, c readClients, a roleReads[R], serviceSid, typ string,
	element func(e *E, service types.String) *roleFields) ([]E, diag.Diagnostics) {
	where := serviceNamed(serviceSid)
	tflog.Debug(ctx, "Listing Twilio roles", map[string]any{"product": a.product, "service": serviceSid, "type": typ})
	all, err := a.all(ctx, c, serviceSid)
	if err != nil {
		return nil, c.errorDiagnostics(a.listSubject(where), err)
	}
	// The shared list stays as read: other lookups use it.
	roles := make([]*R, 0, len(all))
	for i := range all {
		if a.ofType(&all[i], typ) {
			roles = append(roles, &all[i])
		}
	}
	sort.SliceStable(roles, func(i, j int) bool {
		ni, nj := derefOr(a.name(roles[i]), ""), derefOr(a.name(roles[j]), "")
		if ni != nj {
			return ni < nj
		}
		return derefOr(a.typ(roles[i]), "") < derefOr(a.typ(roles[j]), "")
	})
	var diags diag.Diagnostics
	out := make([]E, len(roles))
	for i, r := range roles {
		diags.Append(a.flatten(r, element(&out[i], types.StringPointerValue(a.service(r))))...)
	}
	return out, diags
}

// readRole fills a role model: by sid with one request, by friendly_name
// (and type) from the list of the service's roles. service is the model's
// service attribute, read from the answer when left null.
func (a roleReads[R]) readRole(ctx context.Context, c readClients, service *types.String, m *roleFields) diag.Diagnostics {
	serviceSid := service.ValueString()
	role, diags := a.read(ctx, c, m.Sid, m.FriendlyName, nameQuery{typ: m.Type.ValueString(), scope: serviceSid, where: serviceNamed(serviceSid)})
	if diags.HasError() {
		return diags
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
