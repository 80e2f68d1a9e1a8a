package provider

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
	"golang.org/x/sync/errgroup"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
)

// twilio_chat_users and twilio_conversations_users read many users in few
// requests; everything but the API and the flatten is shared here.

// userReads are one API's reads of its user type U.
type userReads[U any] struct {
	reads[U]
	// pageSize is the API's largest page: up to that many identities are
	// fetched one by one, which beats paging through a large service; more
	// are found in the paged list.
	pageSize int
	identity func(*U) *string
}

// identitiesArgument is the optional set of identities to read.
func identitiesArgument() schema.SetAttribute {
	return schema.SetAttribute{
		MarkdownDescription: "Identities of the users to read, case-sensitive. Every one must exist unless `allow_missing` is true: a missing identity fails the read, naming every missing one. " +
			"When not set, every user of the service is read.",
		Optional:    true,
		ElementType: types.StringType,
		Validators:  []validator.Set{setvalidator.ValueStringsAre(identityValidators()...)},
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

// computedUserAttributes makes a user's attributes all computed, for the
// elements of a list: its service, sid and identity included.
func computedUserAttributes(attrs map[string]schema.Attribute, serviceAttr string) map[string]schema.Attribute {
	attrs[serviceAttr] = schema.StringAttribute{Computed: true, MarkdownDescription: "SID of the service the user belongs to."}
	attrs["sid"] = schema.StringAttribute{Computed: true, MarkdownDescription: "SID of the user (`US...`)."}
	attrs["identity"] = schema.StringAttribute{Computed: true, MarkdownDescription: "Identity of the user."}
	return attrs
}

// readUsers reads the users of serviceSid ("" for the default service):
// every user, or exactly those with identities when the set is not null.
// The result is sorted by identity. An identity without a user fails the
// read unless allowMissing, when it is returned among the missing ones
// (byte order).
func (a userReads[U]) readUsers(ctx context.Context, r readClients, serviceSid string, identities types.Set, allowMissing bool) ([]U, []string, diag.Diagnostics) {
	where := serviceNamed(serviceSid)
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
	case identities.IsNull() || len(wanted) > a.pageSize:
		tflog.Debug(ctx, "Listing Twilio users", map[string]any{"product": a.product, "service": serviceSid, "identities": len(wanted)})
		var err error
		if users, err = a.list(ctx, r, serviceSid); err != nil {
			return nil, nil, r.errorDiagnostics(a.listSubject(where), err)
		}
		if !identities.IsNull() {
			users = a.only(users, wanted)
		}
	default:
		tflog.Debug(ctx, "Reading Twilio users one by one", map[string]any{"product": a.product, "service": serviceSid, "identities": len(wanted)})
		var d diag.Diagnostics
		if users, d = a.fetchEach(ctx, r, serviceSid, where, wanted); d.HasError() {
			return nil, nil, d
		}
	}
	missing := a.missing(users, wanted)
	if len(missing) > 0 && !allowMissing {
		diags.AddAttributeError(path.Root("identities"), a.resource+" not found", fmt.Sprintf(
			"%d of the %d identities asked for have no %s in %s: %s. Nothing was written to state. "+
				"Set allow_missing = true to read those that exist and list the others in missing_identities.",
			len(missing), len(wanted), a.resource, where, namedUpTo(missing, maxNamed)))
		return nil, nil, diags
	}
	if len(missing) > 0 {
		tflog.Debug(ctx, "Identities without a Twilio user allowed", map[string]any{"product": a.product, "service": serviceSid, "missing": len(missing)})
	}
	sort.SliceStable(users, func(i, j int) bool {
		return derefOr(a.identity(&users[i]), "") < derefOr(a.identity(&users[j]), "")
	})
	return users, missing, diags
}

// only keeps the users whose identity is wanted.
func (a userReads[U]) only(users []U, wanted []string) []U {
	keep := make(map[string]bool, len(wanted))
	for _, w := range wanted {
		keep[w] = true
	}
	out := users[:0]
	for i := range users {
		if id := a.identity(&users[i]); id != nil && keep[*id] {
			out = append(out, users[i])
		}
	}
	return out
}

// missing lists the wanted identities no user has, in byte order.
func (a userReads[U]) missing(users []U, wanted []string) []string {
	have := make(map[string]bool, len(users))
	for i := range users {
		if id := a.identity(&users[i]); id != nil {
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
func (a userReads[U]) fetchEach(ctx context.Context, r readClients, serviceSid, where string, identities []string) ([]U, diag.Diagnostics) {
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
			u, err := a.fetch(tflog.SetField(gctx, "identity", identity), r, serviceSid, identity)
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
		key := "of " + where
		if at := failedAt.Load(); at >= 0 && ctx.Err() == nil {
			key = lookup{field: "identity", value: identities[at]}.key(where)
		}
		return nil, r.errorDiagnostics(a.subject(key), err)
	}
	users := make([]U, 0, len(identities))
	for i, u := range found {
		if u == nil {
			continue
		}
		l := lookup{field: "identity", value: identities[i]}
		if d := l.check(a.resource, a.sid(u), a.identity(u)); d.HasError() {
			return nil, d
		}
		users = append(users, *u)
	}
	return users, nil
}

// readOne reads the one user l asks for (by sid or identity) and makes sure
// Twilio answered for that user: what twilio_chat_user and
// twilio_conversations_user do.
func (a userReads[U]) readOne(ctx context.Context, r readClients, serviceSid string, l lookup) (*U, diag.Diagnostics) {
	tflog.Debug(ctx, "Reading Twilio user", map[string]any{"product": a.product, "service": serviceSid, "lookup": l.value, "by_sid": l.bySid()})
	user, err := a.fetch(ctx, r, serviceSid, l.value)
	if err != nil {
		return nil, r.errorDiagnostics(a.subject(l.key(serviceNamed(serviceSid))), err)
	}
	return user, l.check(a.resource, a.sid(user), a.identity(user))
}

// isMissing reports whether Twilio said the user does not exist (404); a 403
// "Service instance not found" is about the service and fails the read.
func isMissing(err error) bool {
	var apiErr *twilio.APIError
	return errors.As(err, &apiErr) && apiErr.StatusCode == 404
}

// usersList reads the users as readUsers does and lays them out as the
// users attribute of schema: each flattened into an F, after setElement has
// set what the data source itself knows of every user. The set is
// missing_identities: empty, not null, when none are missing.
func usersList[U, F any](ctx context.Context, r readClients, a userReads[U], serviceSid string, identities types.Set, allowMissing bool,
	schema interface {
		TypeAtPath(context.Context, path.Path) (attr.Type, diag.Diagnostics)
	}, setElement func(*F), flatten func(*U, *F) diag.Diagnostics) (types.List, types.Set, diag.Diagnostics) {
	failed := func(diags diag.Diagnostics) (types.List, types.Set, diag.Diagnostics) {
		return types.ListNull(types.StringType), types.SetNull(types.StringType), diags
	}
	users, missing, diags := a.readUsers(ctx, r, serviceSid, identities, allowMissing)
	if diags.HasError() {
		return failed(diags)
	}
	fields := make([]F, len(users))
	for i := range users {
		setElement(&fields[i])
		diags.Append(flatten(&users[i], &fields[i])...)
	}
	if diags.HasError() {
		return failed(diags)
	}
	list, d := objectList(ctx, schema, path.Root("users"), fields)
	if diags.Append(d...); diags.HasError() {
		return failed(diags)
	}
	missingSet, d := types.SetValueFrom(ctx, types.StringType, append([]string{}, missing...))
	return list, missingSet, append(diags, d...)
}
