package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Twilio has no lookup by name for roles or services: the provider reads
// the paged list and matches friendly_name itself. byName is that lookup
// for any list; a resource's adapter says only how its items are named.

// byName finds one T by its friendly_name.
type byName[T any] struct {
	reads[T]
	plural string           // how "not found" counts what exists: "roles"
	name   func(*T) *string // the friendly_name
	// typ and types are the items' type and its values, for lists whose
	// items share names across types (roles); nil for the others.
	typ   func(*T) *string
	types []string
}

// nameQuery is one lookup by name.
type nameQuery struct {
	name string
	typ  string // "" matches any type
	// scope is the list's service ("" for the default service, or for a
	// list of services); where names it in errors.
	scope, where string
}

// read is the one T asked for by sid (one request) or by name, from the
// list of q.scope, read once per provider process for every lookup by name
// on it (sharedLists). sidValue and name are the model's arguments; q
// has its scope and type.
func (b byName[T]) read(ctx context.Context, c readClients, sidValue, name types.String, q nameQuery) (*T, diag.Diagnostics) {
	l := lookupOf(sidValue, "friendly_name", name)
	if !l.bySid() {
		q.name = l.value
		tflog.Debug(ctx, "Finding a Twilio resource by name in its list", map[string]any{"product": b.product, "resource": b.resource, "scope": q.scope, "friendly_name": q.name, "type": q.typ})
		return b.find(ctx, c, q)
	}
	tflog.Debug(ctx, "Reading a Twilio resource by sid", map[string]any{"product": b.product, "resource": b.resource, "scope": q.scope, "sid": l.value})
	item, err := b.fetch(ctx, c, q.scope, l.value)
	if err != nil {
		return nil, c.errorDiagnostics(b.subject(l.key(q.where)), err)
	}
	return item, l.check(b.resource, b.sid(item), nil)
}

// all is every item of scope, from the list shared by every lookup by
// name on it (sharedLists). Callers must not change it.
func (b byName[T]) all(ctx context.Context, c readClients, scope string) ([]T, error) {
	return sharedRead(ctx, c.lists, b.product+"/"+b.resource+"/"+scope, func(ctx context.Context) ([]T, error) {
		return b.list(ctx, c, scope)
	})
}

// find picks the one item q asks for in the shared list of q.scope.
func (b byName[T]) find(ctx context.Context, c readClients, q nameQuery) (*T, diag.Diagnostics) {
	items, err := b.all(ctx, c, q.scope)
	if err != nil {
		return nil, c.errorDiagnostics(b.subject(fmt.Sprintf("named %q in %s", q.name, q.where)), err)
	}
	return b.match(items, q)
}

// ofType says whether it is of type typ; every item is of type "".
func (b byName[T]) ofType(it *T, typ string) bool {
	return typ == "" || derefOr(b.typ(it), "") == typ
}

// match picks the one item named q.name (of type q.typ when set), or says
// why there is none or more than one.
func (b byName[T]) match(items []T, q nameQuery) (*T, diag.Diagnostics) {
	var diags diag.Diagnostics
	var found []*T
	for i := range items {
		it := &items[i]
		if n := b.name(it); n != nil && *n == q.name && b.ofType(it, q.typ) {
			found = append(found, it)
		}
	}
	asked := fmt.Sprintf("named %q", q.name)
	if q.typ != "" {
		asked += fmt.Sprintf(" of type %q", q.typ)
	}
	switch len(found) {
	case 1:
		return found[0], diags
	case 0:
		diags.AddAttributeError(path.Root("friendly_name"), b.resource+" not found", fmt.Sprintf(
			"No %s %s in %s; names are matched exactly, case included. The %d %s there: %s.",
			b.resource, asked, q.where, len(items), b.plural, b.existing(items, q.name)))
	default:
		matches := make([]string, len(found))
		for i, it := range found {
			matches[i] = derefOr(b.sid(it), "null")
			if b.typ != nil {
				matches[i] += fmt.Sprintf(" (type %s)", derefOr(b.typ(it), "null"))
			}
		}
		choose := "Set sid to choose one."
		if b.typ != nil {
			choose = fmt.Sprintf("Set type (%s) or sid to choose one.", quoteList(b.types))
		}
		diags.AddAttributeError(path.Root("friendly_name"), "several "+b.resource+"s match", fmt.Sprintf(
			"%d %ss are %s in %s: %s. %s", len(found), b.resource, asked, q.where, strings.Join(matches, ", "), choose))
	}
	return nil, diags
}

// existing names up to maxNamed items: first those whose name differs
// from asked only in case, the likely typo in a list that can hold
// hundreds, then the others, each group sorted.
func (b byName[T]) existing(items []T, asked string) string {
	var alike, others []string
	for i := range items {
		it := &items[i]
		d := stringOrNull(b.name(it))
		if b.typ != nil {
			d += fmt.Sprintf(" (%s)", derefOr(b.typ(it), "no type"))
		}
		if n := b.name(it); n != nil && strings.EqualFold(*n, asked) {
			alike = append(alike, d)
		} else {
			others = append(others, d)
		}
	}
	sort.Strings(alike)
	sort.Strings(others)
	all := append(alike, others...)
	if len(all) == 0 {
		return "none"
	}
	return joinUpTo(all, len(all), maxNamed)
}

// sidOrNameArguments are the sid and friendly_name arguments of a lookup by
// either, of a what ("role") whose SIDs start with sidPrefix, found by name
// among (e.g. "every role of the service"); exactly one must be set
// (sidOrNameValidators).
func sidOrNameArguments(what, sidPrefix, among string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"sid": schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("SID of the %s (`%s` followed by 32 hex digits). Exactly one of `sid` and `friendly_name` must be set; the other is read from Twilio.", what, sidPrefix),
			Optional:            true,
			Computed:            true,
			Validators:          []validator.String{sidValidator(sidPrefix)},
		},
		"friendly_name": schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("Name of the %s, matched exactly and case-sensitively against %s "+
				"(Twilio has no lookup by name, so the provider reads the list of %ss). Exactly one of `sid` and `friendly_name` must be set.", what, among, what),
			Optional:   true,
			Computed:   true,
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		},
	}
}

func sidOrNameValidators() []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("sid"), path.MatchRoot("friendly_name")),
	}
}
