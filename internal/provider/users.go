package provider

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"
	"golang.org/x/sync/errgroup"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
)

// twilio_chat_users and twilio_conversations_users read many users in few
// requests; everything but the API and the flatten is shared here.

// usersAPI is what differs between the two: U is the API's user type.
type usersAPI[U any] struct {
	api      string // "Twilio Chat API"
	resource string // "chat user"
	// pageSize is the API's largest page: up to that many identities are
	// fetched one by one, which beats paging through a large service; more
	// are found in the paged list.
	pageSize int
	fetch    func(ctx context.Context, r reading, serviceSid, identity string) (*U, error)
	list     func(ctx context.Context, r reading, serviceSid string) ([]U, error)
	sid      func(*U) *string
	identity func(*U) *string
}

// maxMissingNamed bounds the identities a "not found" error names.
const maxMissingNamed = 20

// identitiesArgument is the optional set of identities to read.
func identitiesArgument() schema.SetAttribute {
	return schema.SetAttribute{
		MarkdownDescription: "Identities of the users to read, case-sensitive. Every one must exist: a missing identity fails the read, naming every missing one. " +
			"When not set, every user of the service is read.",
		Optional:    true,
		ElementType: types.StringType,
		Validators:  []validator.Set{setvalidator.ValueStringsAre(identityValidators()...)},
	}
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
// The result is sorted by identity.
func (a usersAPI[U]) readUsers(ctx context.Context, r reading, serviceSid string, identities types.Set) ([]U, diag.Diagnostics) {
	where := serviceNamed(serviceSid)
	var diags diag.Diagnostics
	var wanted []string
	if !identities.IsNull() {
		diags.Append(identities.ElementsAs(ctx, &wanted, false)...)
		if diags.HasError() {
			return nil, diags
		}
	}
	var users []U
	switch {
	case identities.IsNull() || len(wanted) > a.pageSize:
		tflog.Debug(ctx, "Listing Twilio users", map[string]any{"api": a.api, "service": serviceSid, "identities": len(wanted)})
		var err error
		if users, err = a.list(ctx, r, serviceSid); err != nil {
			return nil, r.failed(readTarget{api: a.api, resource: a.resource + "s", key: "of " + where}, err)
		}
		if !identities.IsNull() {
			users = a.only(users, wanted)
		}
	default:
		tflog.Debug(ctx, "Reading Twilio users one by one", map[string]any{"api": a.api, "service": serviceSid, "identities": len(wanted)})
		var d diag.Diagnostics
		if users, d = a.fetchEach(ctx, r, serviceSid, where, wanted); d.HasError() {
			return nil, d
		}
	}
	if missing := a.missing(users, wanted); len(missing) > 0 {
		diags.AddAttributeError(path.Root("identities"), a.resource+" not found", fmt.Sprintf(
			"%d of the %d identities asked for have no %s in %s: %s. Nothing was written to state.",
			len(missing), len(wanted), a.resource, where, namedUpTo(missing, maxMissingNamed)))
		return nil, diags
	}
	sort.SliceStable(users, func(i, j int) bool {
		return derefOr(a.identity(&users[i]), "") < derefOr(a.identity(&users[j]), "")
	})
	return users, diags
}

// only keeps the users whose identity is wanted.
func (a usersAPI[U]) only(users []U, wanted []string) []U {
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
func (a usersAPI[U]) missing(users []U, wanted []string) []string {
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
func (a usersAPI[U]) fetchEach(ctx context.Context, r reading, serviceSid, where string, identities []string) ([]U, diag.Diagnostics) {
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
		return nil, r.failed(readTarget{api: a.api, resource: a.resource, key: key}, err)
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
func (a usersAPI[U]) readOne(ctx context.Context, r reading, serviceSid string, l lookup) (*U, diag.Diagnostics) {
	tflog.Debug(ctx, "Reading Twilio user", map[string]any{"api": a.api, "service": serviceSid, "lookup": l.value, "by_sid": l.bySid()})
	user, err := a.fetch(ctx, r, serviceSid, l.value)
	if err != nil {
		return nil, r.failed(readTarget{api: a.api, resource: a.resource, key: l.key(serviceNamed(serviceSid))}, err)
	}
	return user, l.check(a.resource, a.sid(user), a.identity(user))
}

// isMissing reports whether Twilio said the user does not exist (404); a 403
// "Service instance not found" is about the service and fails the read.
func isMissing(err error) bool {
	var apiErr *twilio.APIError
	return errors.As(err, &apiErr) && apiErr.StatusCode == 404
}

// namedUpTo lists up to n quoted values, then how many more there are.
func namedUpTo(values []string, n int) string {
	quoted := make([]string, 0, min(len(values), n))
	for _, v := range values[:min(len(values), n)] {
		quoted = append(quoted, fmt.Sprintf("%q", v))
	}
	s := strings.Join(quoted, ", ")
	if len(values) > n {
		s += fmt.Sprintf(" and %d more", len(values)-n)
	}
	return s
}

// usersList reads the users as readUsers does and lays them out as the
// users attribute of schema: each flattened into an F, after setElement has
// set what the data source itself knows of every user.
func usersList[U, F any](ctx context.Context, r reading, a usersAPI[U], serviceSid string, identities types.Set,
	schema interface {
		TypeAtPath(context.Context, path.Path) (attr.Type, diag.Diagnostics)
	}, setElement func(*F), flatten func(*U, *F) diag.Diagnostics) (types.List, diag.Diagnostics) {
	users, diags := a.readUsers(ctx, r, serviceSid, identities)
	if diags.HasError() {
		return types.ListNull(types.StringType), diags
	}
	fields := make([]F, len(users))
	for i := range users {
		setElement(&fields[i])
		diags.Append(flatten(&users[i], &fields[i])...)
	}
	if diags.HasError() {
		return types.ListNull(types.StringType), diags
	}
	list, d := objectList(ctx, schema, path.Root("users"), fields)
	return list, append(diags, d...)
}

// objectList is the list of objects elems hold, for the list attribute at
// at: what State.Set makes of a []T, built without the framework's
// reflection, which looks up every field's tag again for each element
// (compiling a regular expression per field) and converts each object to
// Terraform's value and back: 40% of the provider's CPU and two thirds of
// its allocations when a plan reads 10,000 users (BENCHMARKS.md). T's fields
// are all attr.Values tagged `tfsdk`. As State.Set does, values that
// validate themselves (JSON, RFC 3339) are validated, at their own path.
func objectList[T any](ctx context.Context, schema interface {
	TypeAtPath(context.Context, path.Path) (attr.Type, diag.Diagnostics)
}, at path.Path, elems []T) (types.List, diag.Diagnostics) {
	listType, diags := schema.TypeAtPath(ctx, at)
	if diags.HasError() {
		return types.ListNull(types.StringType), diags
	}
	elemType, ok := listType.(attr.TypeWithElementType)
	if !ok {
		diags.AddAttributeError(at, "Value Conversion Error", fmt.Sprintf("%s is not a list of objects but %s. This is a bug in the provider.", at, listType))
		return types.ListNull(types.StringType), diags
	}
	objectType, ok := elemType.ElementType().(basetypes.ObjectType)
	if !ok {
		diags.AddAttributeError(at, "Value Conversion Error", fmt.Sprintf("%s is not a list of objects but %s. This is a bug in the provider.", at, listType))
		return types.ListNull(types.StringType), diags
	}
	st := reflect.TypeFor[T]()
	names := make([]string, st.NumField())
	for i := range names {
		names[i] = st.Field(i).Tag.Get("tfsdk")
	}
	objects := make([]attr.Value, len(elems))
	for i := range elems {
		v := reflect.ValueOf(&elems[i]).Elem()
		attrs := make(map[string]attr.Value, len(names))
		for f, name := range names {
			value, ok := v.Field(f).Interface().(attr.Value)
			if !ok || name == "" {
				diags.AddAttributeError(at, "Value Conversion Error", fmt.Sprintf("Field %s of %s is not an attr.Value tagged tfsdk. This is a bug in the provider.", st.Field(f).Name, st))
				return types.ListNull(objectType), diags
			}
			if validating, ok := value.(xattr.ValidateableAttribute); ok {
				var resp xattr.ValidateAttributeResponse
				validating.ValidateAttribute(ctx, xattr.ValidateAttributeRequest{Path: at.AtListIndex(i).AtName(name)}, &resp)
				diags.Append(resp.Diagnostics...)
			}
			attrs[name] = value
		}
		if diags.HasError() {
			// State.Set stops at the first element that does not validate.
			return types.ListNull(objectType), diags
		}
		object, d := types.ObjectValue(objectType.AttrTypes, attrs)
		diags.Append(d...)
		objects[i] = object
		if diags.HasError() {
			return types.ListNull(objectType), diags
		}
	}
	list, d := types.ListValue(objectType, objects)
	diags.Append(d...)
	return list, diags
}
