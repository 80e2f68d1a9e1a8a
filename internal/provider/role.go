package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/sid"
)

// A role is the same object on Chat v2 and Conversations v1, but for the
// name of its service attribute and its types; twilio_chat_role and
// twilio_conversations_role share everything here.

// roleView is a role as either API returns it.
type roleView struct {
	Sid, AccountSid, ServiceSid, FriendlyName, Type *string
	Permissions                                     []string
	DateCreated, DateUpdated, URL                   *string
}

// roleAPI is what differs between the two role data sources.
type roleAPI struct {
	api          string   // "Twilio Chat API"
	resource     string   // "chat role"
	serviceAttr  string   // "service_sid" or "chat_service_sid"
	types        []string // the values of type
	typesDoc     string   // what the types mean
	defaultScope bool     // whether the service may be left out (the default service)
	fetch        func(ctx context.Context, r reading, serviceSid, roleSid string) (*roleView, error)
	list         func(ctx context.Context, r reading, serviceSid string) ([]roleView, error)
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

func (a roleAPI) schema(ctx context.Context, description string) schema.Schema {
	service := schema.StringAttribute{
		MarkdownDescription: "SID of the service (`IS` followed by 32 hex digits) the role belongs to.",
		Required:            true,
		Validators:          []validator.String{sidValidator(sid.Service)},
	}
	if a.defaultScope {
		service = optionalChatServiceSidArgument("the role belongs to")
	}
	return schema.Schema{
		MarkdownDescription: description,
		Attributes: map[string]schema.Attribute{
			a.serviceAttr: service,
			"sid": schema.StringAttribute{
				MarkdownDescription: "SID of the role (`RL` followed by 32 hex digits). Exactly one of `sid` and `friendly_name` must be set; the other is read from Twilio.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{sidValidator(sid.Role)},
			},
			"friendly_name": schema.StringAttribute{
				MarkdownDescription: "Name of the role, matched exactly and case-sensitively against every role of the service " +
					"(Twilio has no lookup by name, so the provider reads the list of roles). Exactly one of `sid` and `friendly_name` must be set.",
				Optional:   true,
				Computed:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"type": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Type of the role: %s (%s). Set it with `friendly_name` when roles of different types share the name; otherwise it is read from Twilio.",
					quoteList(a.types), a.typesDoc),
				Optional: true,
				Computed: true,
				Validators: []validator.String{
					stringvalidator.OneOf(a.types...),
					stringvalidator.AlsoRequires(path.MatchRoot("friendly_name")),
				},
			},
			"account_sid":  schema.StringAttribute{Computed: true, MarkdownDescription: "SID of the Account that created the role."},
			"permissions":  schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Permissions the role grants, in Twilio's order."},
			"date_created": schema.StringAttribute{Computed: true, CustomType: timetypes.RFC3339Type{}, MarkdownDescription: "When the role was created, RFC 3339, as returned."},
			"date_updated": schema.StringAttribute{Computed: true, CustomType: timetypes.RFC3339Type{}, MarkdownDescription: "When the role was last updated, RFC 3339, as returned."},
			"url":          schema.StringAttribute{Computed: true, MarkdownDescription: "Absolute URL of the role resource."},
			"timeouts":     timeouts.Attributes(ctx),
		},
	}
}

func roleConfigValidators() []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("sid"), path.MatchRoot("friendly_name")),
	}
}

func quoteList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "`" + v + "`"
	}
	return strings.Join(quoted, " or ")
}

// readRole fills a role model: by sid with one request, by friendly_name
// (and type) from the list of the service's roles. service is the model's
// service attribute, read from the answer when left null.
func (a roleAPI) readRole(ctx context.Context, r reading, service *types.String, m *roleFields) diag.Diagnostics {
	serviceSid := service.ValueString()
	where := serviceNamed(serviceSid)
	var role *roleView
	if l := lookupOf(m.Sid, "friendly_name", m.FriendlyName); l.bySid() {
		tflog.Debug(ctx, "Reading Twilio role", map[string]any{"api": a.api, "service": serviceSid, "sid": l.value})
		var err error
		if role, err = a.fetch(ctx, r, serviceSid, l.value); err != nil {
			return r.failed(readTarget{api: a.api, resource: a.resource, key: l.key(where)}, err)
		}
		if diags := l.check(a.resource, role.Sid, nil); diags.HasError() {
			return diags
		}
	} else {
		name, typ := m.FriendlyName.ValueString(), m.Type.ValueString()
		tflog.Debug(ctx, "Listing Twilio roles to find one by name", map[string]any{"api": a.api, "service": serviceSid, "friendly_name": name, "type": typ})
		roles, err := a.list(ctx, r, serviceSid)
		if err != nil {
			return r.failed(readTarget{api: a.api, resource: a.resource, key: fmt.Sprintf("named %q in %s", name, where)}, err)
		}
		var diags diag.Diagnostics
		if role, diags = a.match(roles, name, typ, where); diags.HasError() {
			return diags
		}
	}
	if service.IsNull() || service.IsUnknown() {
		*service = types.StringPointerValue(role.ServiceSid)
	}
	return flattenRole(role, m)
}

// maxRolesNamed bounds the roles a "not found" error lists.
const maxRolesNamed = 20

// match picks the one role named name (of type typ when set), or says why
// there is none or more than one.
func (a roleAPI) match(roles []roleView, name, typ, where string) (*roleView, diag.Diagnostics) {
	var diags diag.Diagnostics
	var found []*roleView
	for i := range roles {
		r := &roles[i]
		if r.FriendlyName != nil && *r.FriendlyName == name && (typ == "" || (r.Type != nil && *r.Type == typ)) {
			found = append(found, r)
		}
	}
	asked := fmt.Sprintf("named %q", name)
	if typ != "" {
		asked += fmt.Sprintf(" of type %q", typ)
	}
	switch len(found) {
	case 1:
		return found[0], diags
	case 0:
		existing := make([]string, 0, len(roles))
		for _, r := range roles {
			existing = append(existing, fmt.Sprintf("%s (%s)", stringOrNull(r.FriendlyName), derefOr(r.Type, "no type")))
		}
		sort.Strings(existing)
		more := ""
		if len(existing) > maxRolesNamed {
			more = fmt.Sprintf(" and %d more", len(existing)-maxRolesNamed)
			existing = existing[:maxRolesNamed]
		}
		list := "none"
		if len(existing) > 0 {
			list = strings.Join(existing, ", ") + more
		}
		diags.AddAttributeError(path.Root("friendly_name"), a.resource+" not found", fmt.Sprintf(
			"No %s %s in %s; names are matched exactly, case included. The %d roles there: %s.", a.resource, asked, where, len(roles), list))
	default:
		matches := make([]string, len(found))
		for i, r := range found {
			matches[i] = fmt.Sprintf("%s (type %s)", derefOr(r.Sid, "null"), derefOr(r.Type, "null"))
		}
		diags.AddAttributeError(path.Root("friendly_name"), "several "+a.resource+"s match", fmt.Sprintf(
			"%d %ss are %s in %s: %s. Set type (%s) or sid to choose one.", len(found), a.resource, asked, where, strings.Join(matches, ", "), quoteList(a.types)))
	}
	return nil, diags
}

func derefOr(s *string, otherwise string) string {
	if s == nil {
		return otherwise
	}
	return *s
}

// flattenRole copies a role into the model, keeping every null null.
func flattenRole(r *roleView, m *roleFields) diag.Diagnostics {
	var diags diag.Diagnostics
	m.Sid = types.StringPointerValue(r.Sid)
	m.FriendlyName = types.StringPointerValue(r.FriendlyName)
	m.Type = types.StringPointerValue(r.Type)
	m.AccountSid = types.StringPointerValue(r.AccountSid)
	if r.Permissions == nil {
		m.Permissions = types.ListNull(types.StringType)
	} else {
		var d diag.Diagnostics
		m.Permissions, d = types.ListValueFrom(context.Background(), types.StringType, r.Permissions)
		diags.Append(d...)
	}
	m.DateCreated = flattenDate(r.DateCreated, "date_created", &diags)
	m.DateUpdated = flattenDate(r.DateUpdated, "date_updated", &diags)
	m.URL = types.StringPointerValue(r.URL)
	return diags
}
