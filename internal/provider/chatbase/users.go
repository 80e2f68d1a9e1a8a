package chatbase

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
	"golang.org/x/sync/errgroup"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
)

// twilio_chat_users and twilio_conversations_users read many users in few
// requests; everything but the API and the flatten is shared here.

var _ datasource.DataSourceWithConfigure = (*UserList[struct{}, struct{}])(nil)

// UserList is a data source that reads many users of a service: every
// user, or exactly those of the given identities, each with every
// attribute of the singular data source (a model M).
type UserList[U, M any] struct {
	// Base's ReadTimeout is PluralReadTimeout for both.
	framework.Base
	Users *framework.Objects[U]
	// PageSize is the API's largest page: up to that many identities are
	// fetched one by one, which beats paging through a large service; more
	// are found in the paged list.
	PageSize    int
	Scope       *framework.Scope
	Description string
	Attributes  func() map[string]schema.Attribute
	Flatten     func(*U, *M) diag.Diagnostics
}

func (l *UserList[U, M]) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	element := l.Attributes()
	element[l.Scope.Attr] = schema.StringAttribute{Computed: true, MarkdownDescription: "SID of the service the user belongs to."}
	element["sid"] = schema.StringAttribute{Computed: true, MarkdownDescription: "SID of the user (`US...`)."}
	element["identity"] = schema.StringAttribute{Computed: true, MarkdownDescription: "Identity of the user."}
	resp.Schema = schema.Schema{
		MarkdownDescription: l.Description,
		Attributes: map[string]schema.Attribute{
			l.Scope.Attr:         l.Scope.ListArgument("users", "user"),
			"identities":         identitiesArgument(),
			"allow_missing":      allowMissingArgument(),
			"users":              usersAttribute(element),
			"missing_identities": missingIdentitiesAttribute(),
			"timeouts":           l.TimeoutsAttribute(ctx),
		},
	}
}

func (l *UserList[U, M]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var scope types.String
	var identities types.Set
	var allowMissing types.Bool
	var readTimeouts timeouts.Value
	get := func(name string, target any) {
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(name), target)...)
	}
	get(l.Scope.Attr, &scope)
	get("identities", &identities)
	get("allow_missing", &allowMissing)
	get("timeouts", &readTimeouts)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, conn, ok := l.Start(ctx, req, resp, readTimeouts)
	if !ok {
		return
	}
	defer cancel()
	allowMissing = orFalse(allowMissing)
	users, missing, diags := l.list(ctx, conn, resp, scope, identities, allowMissing.ValueBool())
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}
	resp.Diagnostics.Append(framework.SetState(ctx, resp, map[string]attr.Value{
		l.Scope.Attr: scope, "identities": identities, "allow_missing": allowMissing,
		"users": users, "missing_identities": missing, "timeouts": readTimeouts,
	})...)
}

// identitiesArgument is the optional set of identities to read.
func identitiesArgument() schema.SetAttribute {
	return schema.SetAttribute{
		MarkdownDescription: "Identities of the users to read, case-sensitive. Every one must exist unless `allow_missing` is true: a missing identity fails the read, naming every missing one. " +
			"When not set, every user of the service is read.",
		Optional:    true,
		ElementType: types.StringType,
		Validators:  []validator.Set{setvalidator.ValueStringsAre(framework.PathSegmentValidators()...)},
	}
}

// allowMissingArgument lets identities without a user through: Twilio
// creates a user only when a client first connects with its identity.
func allowMissingArgument() schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: "When true, `identities` that have no user are not an error: `users` holds those that exist and `missing_identities` names the others. " +
			"Twilio creates a user only when a client first connects with that identity, so a list of agents often names people who have not signed in yet. " +
			"Defaults to `false`. Needs `identities`.",
		Optional:   true,
		Computed:   true,
		Validators: []validator.Bool{needsIdentitiesValidator{}},
	}
}

// missingIdentitiesAttribute names the identities allow_missing let through.
func missingIdentitiesAttribute() schema.SetAttribute {
	return schema.SetAttribute{
		MarkdownDescription: "The `identities` that have no user, when `allow_missing` is true. Empty, never null, when none are missing.",
		Computed:            true,
		ElementType:         types.StringType,
	}
}

// orFalse is b, or false when the configuration leaves it out.
func orFalse(b types.Bool) types.Bool {
	if b.IsNull() {
		return types.BoolValue(false)
	}
	return b
}

// usersAttribute is the computed list of users whose elements have attrs.
func usersAttribute(attrs map[string]schema.Attribute) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: "The users, sorted by `identity` (byte order) so that plans stay stable; each has every attribute of the singular data source. " +
			"Twilio's list answers may leave `is_online` and `is_notifiable` null where a single read would not. " +
			"Index them by identity with `{ for u in data.<this>.users : u.identity => u }`.",
		Computed:     true,
		NestedObject: schema.NestedAttributeObject{Attributes: attrs},
	}
}

// read reads the users of serviceSid ("" for the default service):
// every user, or exactly those with identities when the set is not null.
// The result is sorted by identity. An identity without a user fails the
// read unless allowMissing, when it is returned among the missing ones
// (byte order).
func (l *UserList[U, M]) read(ctx context.Context, c *framework.Conn, serviceSid string, identities types.Set, allowMissing bool) ([]U, []string, diag.Diagnostics) {
	a := l.Users
	where := ServiceNamed(serviceSid)
	var diags diag.Diagnostics
	var wanted []string
	if !identities.IsNull() {
		diags.Append(identities.ElementsAs(ctx, &wanted, false)...)
		if diags.HasError() {
			return nil, nil, diags
		}
	}
	var users []U
	switch {
	case identities.IsNull() || len(wanted) > l.PageSize:
		tflog.Debug(ctx, "Listing Twilio users", map[string]any{"product": a.API, "service": serviceSid, "identities": len(wanted)})
		var err error
		if users, err = a.List(ctx, c, serviceSid); err != nil {
			return nil, nil, c.Error(a.ListSubject(where), err)
		}
		if !identities.IsNull() {
			users = l.only(users, wanted)
		}
	default:
		tflog.Debug(ctx, "Reading Twilio users one by one", map[string]any{"product": a.API, "service": serviceSid, "identities": len(wanted)})
		var d diag.Diagnostics
		if users, d = l.fetchEach(ctx, c, serviceSid, where, wanted); d.HasError() {
			return nil, nil, d
		}
	}
	missing := l.missing(users, wanted)
	if len(missing) > 0 && !allowMissing {
		diags.AddAttributeError(path.Root("identities"), a.Resource+" not found", fmt.Sprintf(
			"%d of the %d identities asked for have no %s in %s: %s. Nothing was written to state. "+
				"Set allow_missing = true to read those that exist and list the others in missing_identities.",
			len(missing), len(wanted), a.Resource, where, framework.NamedUpTo(missing, framework.MaxNamed)))
		return nil, nil, diags
	}
	if len(missing) > 0 {
		tflog.Debug(ctx, "Identities without a Twilio user allowed", map[string]any{"product": a.API, "service": serviceSid, "missing": len(missing)})
	}
	sort.SliceStable(users, func(i, j int) bool {
		return framework.DerefOr(a.Name(&users[i]), "") < framework.DerefOr(a.Name(&users[j]), "")
	})
	return users, missing, diags
}

// only keeps the users whose identity is wanted.
func (l *UserList[U, M]) only(users []U, wanted []string) []U {
	keep := make(map[string]bool, len(wanted))
	for _, w := range wanted {
		keep[w] = true
	}
	out := users[:0]
	for i := range users {
		if id := l.Users.Name(&users[i]); id != nil && keep[*id] {
			out = append(out, users[i])
		}
	}
	return out
}

// missing lists the wanted identities no user has, in byte order.
func (l *UserList[U, M]) missing(users []U, wanted []string) []string {
	have := make(map[string]bool, len(users))
	for i := range users {
		if id := l.Users.Name(&users[i]); id != nil {
			have[*id] = true
		}
	}
	var missing []string
	for _, w := range wanted {
		if !have[w] {
			missing = append(missing, w)
		}
	}
	sort.Strings(missing)
	return missing
}

// fetchEach gets each identity with its own request, all at once: the
// shared HTTP layer's budget decides how many are in flight, for the whole
// provider. A 404 leaves the identity out (readUsers reports it with the
// other missing ones); the first other failure, or the end of ctx, fails the
// read and stops the requests not yet sent.
func (l *UserList[U, M]) fetchEach(ctx context.Context, c *framework.Conn, serviceSid, where string, identities []string) ([]U, diag.Diagnostics) {
	a := l.Users
	found := make([]*U, len(identities))
	var failedAt atomic.Int64
	failedAt.Store(-1)
	g, gctx := errgroup.WithContext(ctx)
	for i, identity := range identities {
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			// Each goroutine logs on its own copy of the logger's fields:
			// terraform-plugin-log's masking writes into that map, and
			// goroutines sharing it crash the provider (concurrent map
			// writes; hashicorp/terraform-plugin-log#246).
			u, err := a.Fetch(tflog.SetField(gctx, "identity", identity), c, serviceSid, identity)
			switch {
			case err == nil:
				found[i] = u
			case !isMissing(err):
				failedAt.CompareAndSwap(-1, int64(i))
				return err
			}
			return nil
		})
	}
	err := g.Wait()
	// A deadline or a cancellation that came while no request was in flight
	// left identities unread, not missing.
	if ctxErr := ctx.Err(); ctxErr != nil {
		err = ctxErr
	}
	if err != nil {
		subject := framework.Subject{API: a.API, Resource: a.Resource, Key: "of " + where}
		if at := failedAt.Load(); at >= 0 && ctx.Err() == nil {
			subject = a.Subject(framework.Key{Field: "identity", Value: identities[at]}, where)
		}
		return nil, c.Error(subject, err)
	}
	users := make([]U, 0, len(identities))
	for i, u := range found {
		if u == nil {
			continue
		}
		key := framework.Key{Field: "identity", Value: identities[i]}
		if d := key.Check(a.Resource, a.Sid(u), a.Name(u)); d.HasError() {
			return nil, d
		}
		users = append(users, *u)
	}
	return users, nil
}

// isMissing reports whether Twilio said the user does not exist (404); a 403
// "Service instance not found" is about the service and fails the read.
func isMissing(err error) bool {
	var apiErr *twilio.APIError
	return errors.As(err, &apiErr) && apiErr.StatusCode == 404
}

// list reads the users as read does and lays them out as the users
// attribute: each flattened into an M, with its service. The set is
// missing_identities: empty, not null, when none are missing.
func (l *UserList[U, M]) list(ctx context.Context, c *framework.Conn, resp *datasource.ReadResponse, scope types.String,
	identities types.Set, allowMissing bool) (types.List, types.Set, diag.Diagnostics) {
	failed := func(diags diag.Diagnostics) (types.List, types.Set, diag.Diagnostics) {
		return types.ListNull(types.StringType), types.SetNull(types.StringType), diags
	}
	users, missing, diags := l.read(ctx, c, scope.ValueString(), identities, allowMissing)
	if diags.HasError() {
		return failed(diags)
	}
	models := make([]M, len(users))
	for i := range users {
		diags.Append(l.Flatten(&users[i], &models[i])...)
	}
	if diags.HasError() {
		return failed(diags)
	}
	list, d := framework.ObjectList(ctx, resp.State.Schema, path.Root("users"), models, func(i int, attrs map[string]attr.Value) {
		attrs[l.Scope.Attr] = scope
		if l.Users.ScopeOf != nil {
			attrs[l.Scope.Attr] = types.StringPointerValue(l.Users.ScopeOf(&users[i]))
		}
	})
	if diags.Append(d...); diags.HasError() {
		return failed(diags)
	}
	missingSet, d := types.SetValueFrom(ctx, types.StringType, append([]string{}, missing...))
	return list, missingSet, append(diags, d...)
}

// needsIdentitiesValidator refuses a true bool when identities is not set:
// allow_missing, which means nothing when every user of a service is read.
// false, the default, is accepted as if left out.
type needsIdentitiesValidator struct{}

var _ validator.Bool = needsIdentitiesValidator{}

func (needsIdentitiesValidator) Description(context.Context) string {
	return "can be true only when identities is set"
}

func (v needsIdentitiesValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (needsIdentitiesValidator) ValidateBool(ctx context.Context, req validator.BoolRequest, resp *validator.BoolResponse) {
	if !req.ConfigValue.ValueBool() {
		return
	}
	var identities types.Set
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("identities"), &identities)...)
	if !resp.Diagnostics.HasError() && identities.IsNull() {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Attribute Combination",
			req.Path.String()+" = true needs identities: without identities every user of the service is read, so none can be missing. "+
				"Set identities, or remove "+req.Path.String()+".")
	}
}
