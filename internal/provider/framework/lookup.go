package framework

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
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
	// FetchFound fetches the object a lookup by name found in the list
	// again, by its sid, for what only a fetch returns (a Studio flow's
	// definition).
	FetchFound bool
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
	names := o.names()
	exactlyOne := "`sid`"
	for i, n := range names {
		sep := ", "
		if i == len(names)-1 {
			sep = " and "
		}
		exactlyOne += sep + "`" + n.Field + "`"
	}
	others := "the other is"
	if len(names) > 1 {
		others = "the others are"
	}
	attrs["sid"] = schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("SID of the %s (`%s` followed by 32 hex digits). Exactly one of %s must be set; %s read from Twilio.", o.Noun, o.SidPrefix, exactlyOne, others),
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{SidValidator(o.SidPrefix)},
	}
	for _, n := range names {
		attrs[n.Field] = schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("%s of the %s, matched exactly and case-sensitively against %s "+
				"(the provider reads the list of %s once per run and shares it among the lookups on it). Exactly one of %s must be set.",
				nameWords(n.Field), o.Noun, l.Scope.among(o.Noun), o.Plural, exactlyOne),
			Optional:   true,
			Computed:   true,
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		}
	}
	if l.NameArgument != nil {
		attrs[o.NameField] = *l.NameArgument
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
	exactlyOne := []path.Expression{path.MatchRoot("sid")}
	for _, n := range l.Objects.names() {
		exactlyOne = append(exactlyOne, path.MatchRoot(n.Field))
	}
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(exactlyOne...)}
}

// lookupArguments are a lookup's arguments as configured.
type lookupArguments struct {
	sid, scope, kind types.String
	// names are the name arguments, in the order of Objects.names.
	names    []types.String
	timeouts timeouts.Value
}

func (l *Lookup[T, M]) arguments(ctx context.Context, req datasource.ReadRequest) (lookupArguments, diag.Diagnostics) {
	var a lookupArguments
	var diags diag.Diagnostics
	get := func(name string, target any) {
		diags.Append(req.Config.GetAttribute(ctx, path.Root(name), target)...)
	}
	get("sid", &a.sid)
	for _, n := range l.Objects.names() {
		var name types.String
		get(n.Field, &name)
		a.names = append(a.names, name)
	}
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
		if (args.scope.IsNull() || args.scope.IsUnknown()) && l.Objects.ScopeOf != nil {
			attrs[l.Scope.Attr] = types.StringPointerValue(l.Objects.ScopeOf(item))
		}
	}
	attrs["timeouts"] = args.timeouts
	resp.Diagnostics.Append(SetState(ctx, resp, attrs)...)
}

// find reads the one object args ask for: by sid (or by a name Twilio's
// path takes) with one request, else from the shared list of its scope.
func (l *Lookup[T, M]) find(ctx context.Context, c *Conn, args lookupArguments) (*T, diag.Diagnostics) {
	o := l.Objects
	scope := args.scope.ValueString()
	where := l.Scope.where(scope)
	key := Key{Field: "sid", Value: args.sid.ValueString()}
	if args.sid.IsNull() || args.sid.IsUnknown() {
		for i, n := range o.names() {
			if !args.names[i].IsNull() && !args.names[i].IsUnknown() {
				key = Key{Field: n.Field, Value: args.names[i].ValueString()}
				break
			}
		}
	}
	var item *T
	var diags diag.Diagnostics
	switch {
	case key.BySid() || l.ByFetch:
		item, diags = o.FetchOne(ctx, c, scope, where, key)
	default:
		item, diags = l.findByName(ctx, c, scope, where, o.named(key.Field), key.Value, args.kind.ValueString())
		if !diags.HasError() && l.FetchFound {
			item, diags = o.FetchOne(ctx, c, scope, where, Key{Field: "sid", Value: DerefOr(o.Sid(item), "")})
		}
	}
	if !diags.HasError() && l.CheckScope && scope != "" && o.ScopeOf != nil {
		diags.Append(Key{Field: l.Scope.Attr, Value: scope}.Check(o.Resource, nil, o.ScopeOf(item))...)
	}
	return item, diags
}

// findByName picks the one object named name (of kind kind when set) in
// the shared list of scope.
func (l *Lookup[T, M]) findByName(ctx context.Context, c *Conn, scope, where string, by Alias[T], name, kind string) (*T, diag.Diagnostics) {
	o := l.Objects
	tflog.Debug(ctx, "Finding a Twilio resource by name in its list", map[string]any{"product": o.API, "resource": o.Resource, "scope": scope, by.Field: name, "kind": kind})
	items, err := o.Shared(ctx, c, scope)
	if err != nil {
		return nil, c.Error(Subject{API: o.API, Resource: o.Resource, Key: fmt.Sprintf("named %q in %s", name, where)}, err)
	}
	return o.match(items, by, name, kind, where)
}

// match picks the one object named name (of kind kind when set), or says
// why there is none or more than one.
func (o *Objects[T]) match(items []T, by Alias[T], name, kind, where string) (*T, diag.Diagnostics) {
	var diags diag.Diagnostics
	var found []*T
	for i := range items {
		it := &items[i]
		if n := by.Of(it); n != nil && *n == name && o.OfKind(it, kind) {
			found = append(found, it)
		}
	}
	asked := fmt.Sprintf("named %q", name)
	if by.Field != o.NameField {
		asked = fmt.Sprintf("with %s %q", by.Field, name)
	}
	if kind != "" {
		asked += fmt.Sprintf(" of %s %q", o.Kind.Attr, kind)
	}
	switch len(found) {
	case 1:
		return found[0], diags
	case 0:
		diags.AddAttributeError(path.Root(by.Field), o.Resource+" not found", fmt.Sprintf(
			"No %s %s in %s; names are matched exactly, case included. The %d %s there: %s.",
			o.Resource, asked, where, len(items), o.Plural, o.existing(items, by, name)))
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
		diags.AddAttributeError(path.Root(by.Field), "several "+o.resources()+" match", fmt.Sprintf(
			"%d %s are %s in %s: %s. %s", len(found), o.resources(), asked, where, strings.Join(matches, ", "), choose))
	}
	return nil, diags
}

// existing names up to MaxNamed objects: first those whose name differs
// from asked only in case, the likely typo in a list that can hold
// hundreds, then the others, each group sorted.
func (o *Objects[T]) existing(items []T, by Alias[T], asked string) string {
	var alike, others []string
	for i := range items {
		it := &items[i]
		d := StringOrNull(by.Of(it))
		if o.Kind != nil {
			d += fmt.Sprintf(" (%s)", DerefOr(o.Kind.Of(it), "no "+o.Kind.Attr))
		}
		if n := by.Of(it); n != nil && strings.EqualFold(*n, asked) {
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
