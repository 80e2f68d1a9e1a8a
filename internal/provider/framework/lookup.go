package framework

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

var _ datasource.DataSourceWithConfigValidators = (*Lookup[struct{}, struct{}])(nil)

// Lookup is a data source that finds one object T by its sid, or by its
// name (Objects.NameField), and puts every attribute of it in state as a
// model M. A product writes one literal per type; Lookup gives the rest:
// the arguments with their descriptions and plan-time checks, the read by
// sid, the read by name from the list every lookup of the run shares (or
// from Twilio's fetch, where its path takes the name), the exact match and
// its diagnostics, and the check that Twilio answered for what was asked.
type Lookup[T, M any] struct {
	Base
	Objects     *Objects[T]
	Description string
	// Scope is the argument naming where the objects live; nil for the
	// account's objects.
	Scope *Scope
	// ByFetch says that Twilio's fetch takes the name in its path (a
	// user's identity): a lookup by name is then one request, not a list.
	ByFetch bool
	// NameArgument, when set, replaces the name argument's schema (a user's
	// identity has its own rules).
	NameArgument *schema.StringAttribute
	// CheckScope makes sure an object read in a given scope names that
	// scope (Objects.ScopeOf).
	CheckScope bool
	// Attributes are the object's attributes that are never arguments.
	Attributes func() map[string]schema.Attribute
	// Flatten copies an object into M: everything but the scope and the
	// timeouts, which the lookup sets.
	Flatten func(*T, *M) diag.Diagnostics
}

// Scope is the argument that names where objects live: a service, a
// workspace.
type Scope struct {
	Attr string // "service_sid"
	Noun string // "service"
	// Argument is the argument of a lookup of one noun ("role");
	// ListArgument that of a list of plural ("roles").
	Argument     func(noun string) schema.StringAttribute
	ListArgument func(plural, noun string) schema.StringAttribute
	// Where names a scope for errors; nil is "<Noun> <sid>".
	Where func(scope string) string
}

// where names scope for errors.
func (s *Scope) where(scope string) string {
	switch {
	case s == nil:
		return "the account"
	case s.Where != nil:
		return s.Where(scope)
	}
	return s.Noun + " " + scope
}

// among says where lookups by name look, for descriptions.
func (s *Scope) among(noun string) string {
	if s == nil {
		return "every " + noun + " of the account"
	}
	return "every " + noun + " of the " + s.Noun
}

func (l *Lookup[T, M]) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	o := l.Objects
	attrs := l.Attributes()
	attrs["sid"] = schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("SID of the %s (`%s` followed by 32 hex digits). Exactly one of `sid` and `%s` must be set; the other is read from Twilio.", o.Noun, o.SidPrefix, o.NameField),
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{SidValidator(o.SidPrefix)},
	}
	if l.NameArgument != nil {
		attrs[o.NameField] = *l.NameArgument
	} else {
		attrs[o.NameField] = schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("%s of the %s, matched exactly and case-sensitively against %s "+
				"(the provider reads the list of %s once per run and shares it among the lookups on it). Exactly one of `sid` and `%s` must be set.",
				nameWords(o.NameField), o.Noun, l.Scope.among(o.Noun), o.Plural, o.NameField),
			Optional:   true,
			Computed:   true,
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		}
	}
	if l.Scope != nil {
		attrs[l.Scope.Attr] = l.Scope.Argument(o.Noun)
	}
	if k := o.Kind; k != nil {
		attrs[k.Attr] = schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("%s of the %s: %s (%s). Set it with `%s` when %s of different %ss share the name; otherwise it is read from Twilio.",
				capitalized(k.Attr), o.Noun, QuoteList(k.Values), k.Doc, o.NameField, o.Plural, k.Attr),
			Optional: true,
			Computed: true,
			Validators: []validator.String{
				stringvalidator.OneOf(k.Values...),
				stringvalidator.AlsoRequires(path.MatchRoot(o.NameField)),
			},
		}
	}
	attrs["timeouts"] = timeouts.Attributes(ctx)
	resp.Schema = schema.Schema{MarkdownDescription: l.Description, Attributes: attrs}
}

func (l *Lookup[T, M]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("sid"), path.MatchRoot(l.Objects.NameField)),
	}
}

// lookupArguments are a lookup's arguments as configured.
type lookupArguments struct {
	sid, name, scope, kind types.String
	timeouts               timeouts.Value
}

func (l *Lookup[T, M]) arguments(ctx context.Context, req datasource.ReadRequest) (lookupArguments, diag.Diagnostics) {
	var a lookupArguments
	var diags diag.Diagnostics
	get := func(name string, target any) {
		diags.Append(req.Config.GetAttribute(ctx, path.Root(name), target)...)
	}
	get("sid", &a.sid)
	get(l.Objects.NameField, &a.name)
	a.scope, a.kind = types.StringNull(), types.StringNull()
	if l.Scope != nil {
		get(l.Scope.Attr, &a.scope)
	}
	if l.Objects.Kind != nil {
		get(l.Objects.Kind.Attr, &a.kind)
	}
	get("timeouts", &a.timeouts)
	return a, diags
}

func (l *Lookup[T, M]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	args, diags := l.arguments(ctx, req)
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}
	ctx, cancel, conn, ok := l.Start(ctx, req, resp, args.timeouts)
	if !ok {
		return
	}
	defer cancel()
	item, diags := l.find(ctx, conn, args)
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}
	var m M
	diags = l.Flatten(item, &m)
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}
	attrs, diags := attributesOf(ctx, &m)
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}
	if l.Scope != nil {
		attrs[l.Scope.Attr] = args.scope
		if args.scope.IsNull() || args.scope.IsUnknown() {
			attrs[l.Scope.Attr] = types.StringPointerValue(l.Objects.ScopeOf(item))
		}
	}
	attrs["timeouts"] = args.timeouts
	resp.Diagnostics.Append(SetState(ctx, resp, attrs)...)
}

// SetState saves attrs, every attribute of the data source, in state.
func SetState(ctx context.Context, resp *datasource.ReadResponse, attrs map[string]attr.Value) diag.Diagnostics {
	var diags diag.Diagnostics
	objectType, ok := resp.State.Schema.Type().(attr.TypeWithAttributeTypes)
	if !ok {
		diags.AddError("Value Conversion Error", fmt.Sprintf("The schema's type is %s, not an object. This is a bug in the provider.", resp.State.Schema.Type()))
		return diags
	}
	object, d := types.ObjectValue(objectType.AttributeTypes(), attrs)
	if diags.Append(d...); diags.HasError() {
		return diags
	}
	return append(diags, resp.State.Set(ctx, object)...)
}

// find reads the one object args ask for: by sid (or by a name Twilio's
// path takes) with one request, else from the shared list of its scope.
func (l *Lookup[T, M]) find(ctx context.Context, c *Conn, args lookupArguments) (*T, diag.Diagnostics) {
	o := l.Objects
	scope := args.scope.ValueString()
	where := l.Scope.where(scope)
	key := KeyOf(args.sid, o.NameField, args.name)
	var item *T
	var diags diag.Diagnostics
	if key.BySid() || l.ByFetch {
		item, diags = o.FetchOne(ctx, c, scope, where, key)
	} else {
		item, diags = l.findByName(ctx, c, scope, where, key.Value, args.kind.ValueString())
	}
	if !diags.HasError() && l.CheckScope && scope != "" {
		diags.Append(Key{Field: l.Scope.Attr, Value: scope}.Check(o.Resource, nil, o.ScopeOf(item))...)
	}
	return item, diags
}

// findByName picks the one object named name (of kind kind when set) in
// the shared list of scope.
func (l *Lookup[T, M]) findByName(ctx context.Context, c *Conn, scope, where, name, kind string) (*T, diag.Diagnostics) {
	o := l.Objects
	tflog.Debug(ctx, "Finding a Twilio resource by name in its list", map[string]any{"product": o.API, "resource": o.Resource, "scope": scope, o.NameField: name, "kind": kind})
	items, err := o.Shared(ctx, c, scope)
	if err != nil {
		return nil, c.Error(Subject{API: o.API, Resource: o.Resource, Key: fmt.Sprintf("named %q in %s", name, where)}, err)
	}
	return o.match(items, name, kind, where)
}

// match picks the one object named name (of kind kind when set), or says
// why there is none or more than one.
func (o *Objects[T]) match(items []T, name, kind, where string) (*T, diag.Diagnostics) {
	var diags diag.Diagnostics
	var found []*T
	for i := range items {
		it := &items[i]
		if n := o.Name(it); n != nil && *n == name && o.OfKind(it, kind) {
			found = append(found, it)
		}
	}
	asked := fmt.Sprintf("named %q", name)
	if kind != "" {
		asked += fmt.Sprintf(" of %s %q", o.Kind.Attr, kind)
	}
	switch len(found) {
	case 1:
		return found[0], diags
	case 0:
		diags.AddAttributeError(path.Root(o.NameField), o.Resource+" not found", fmt.Sprintf(
			"No %s %s in %s; names are matched exactly, case included. The %d %s there: %s.",
			o.Resource, asked, where, len(items), o.Plural, o.existing(items, name)))
	default:
		matches := make([]string, len(found))
		for i, it := range found {
			matches[i] = DerefOr(o.Sid(it), "null")
			if o.Kind != nil {
				matches[i] += fmt.Sprintf(" (%s %s)", o.Kind.Attr, DerefOr(o.Kind.Of(it), "null"))
			}
		}
		choose := "Set sid to choose one."
		if o.Kind != nil {
			choose = fmt.Sprintf("Set %s (%s) or sid to choose one.", o.Kind.Attr, QuoteList(o.Kind.Values))
		}
		diags.AddAttributeError(path.Root(o.NameField), "several "+o.resources()+" match", fmt.Sprintf(
			"%d %s are %s in %s: %s. %s", len(found), o.resources(), asked, where, strings.Join(matches, ", "), choose))
	}
	return nil, diags
}

// existing names up to MaxNamed objects: first those whose name differs
// from asked only in case, the likely typo in a list that can hold
// hundreds, then the others, each group sorted.
func (o *Objects[T]) existing(items []T, asked string) string {
	var alike, others []string
	for i := range items {
		it := &items[i]
		d := StringOrNull(o.Name(it))
		if o.Kind != nil {
			d += fmt.Sprintf(" (%s)", DerefOr(o.Kind.Of(it), "no "+o.Kind.Attr))
		}
		if n := o.Name(it); n != nil && strings.EqualFold(*n, asked) {
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
	return joinUpTo(all, len(all), MaxNamed)
}

// sorted is the objects of items of kind kind ("" for all), sorted by name
// then kind (byte order) so that plans stay stable. items stays as read:
// other lookups share it.
func (o *Objects[T]) sorted(items []T, kind string) []*T {
	out := make([]*T, 0, len(items))
	for i := range items {
		if o.OfKind(&items[i], kind) {
			out = append(out, &items[i])
		}
	}
	kindOf := func(it *T) string {
		if o.Kind == nil {
			return ""
		}
		return DerefOr(o.Kind.Of(it), "")
	}
	sort.SliceStable(out, func(i, j int) bool {
		ni, nj := DerefOr(o.Name(out[i]), ""), DerefOr(o.Name(out[j]), "")
		if ni != nj {
			return ni < nj
		}
		return kindOf(out[i]) < kindOf(out[j])
	})
	return out
}

// nameWords is how descriptions call a name field: "Name", "Unique name".
func nameWords(field string) string {
	if field == "friendly_name" {
		return "Name"
	}
	return capitalized(strings.ReplaceAll(field, "_", " "))
}

func capitalized(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
