package framework

import (
	"context"
	"fmt"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
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

var _ datasource.DataSourceWithConfigure = (*List[struct{}, struct{}])(nil)

// List is a data source that reads every object T of a scope (of one kind
// when Objects.Kind is set and asked for), sorted by name then kind, each
// with every attribute of the singular Lookup on the same Objects and
// Flatten. It reads the list that the lookups by name share.
type List[T, M any] struct {
	// Base's ReadTimeout is PluralReadTimeout for every list.
	Base
	Objects     *Objects[T]
	Description string
	Scope       *Scope
	// Attr is the list attribute: "roles".
	Attr string
	// Index says how to index the list in HCL, for its description.
	Index      string
	Attributes func() map[string]schema.Attribute
	Flatten    func(*T, *M) diag.Diagnostics
	// Filter, when set, is an optional argument that keeps only the
	// objects whose flag it equals (an activity's available).
	Filter *BoolFilter[T]
}

// BoolFilter is an optional bool argument of a list: set, it keeps only
// the objects whose flag Of has its value.
type BoolFilter[T any] struct {
	Attr, Description string
	Of                func(*T) *bool
}

// keeps says whether it passes the filter's configured value.
func (f *BoolFilter[T]) keeps(it *T, value types.Bool) bool {
	if f == nil || value.IsNull() || value.IsUnknown() {
		return true
	}
	flag := f.Of(it)
	return flag != nil && *flag == value.ValueBool()
}

func (l *List[T, M]) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	o := l.Objects
	element := l.Attributes()
	element["sid"] = schema.StringAttribute{Computed: true, MarkdownDescription: fmt.Sprintf("SID of the %s (`%s...`).", o.Noun, o.SidPrefix)}
	element[o.NameField] = schema.StringAttribute{Computed: true, MarkdownDescription: fmt.Sprintf("Name of the %s.", o.Noun)}
	attrs := map[string]schema.Attribute{}
	sortedBy := "`" + o.NameField + "`"
	if k := o.Kind; k != nil {
		element[k.Attr] = schema.StringAttribute{Computed: true, MarkdownDescription: fmt.Sprintf("%s of the %s: %s.", capitalized(k.Attr), o.Noun, QuoteList(k.Values))}
		attrs[k.Attr] = schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("Only the %s of this %s: %s (%s). When not set, %s of every %s.", o.Plural, k.Attr, QuoteList(k.Values), k.Doc, o.Plural, k.Attr),
			Optional:            true,
			Validators:          []validator.String{stringvalidator.OneOf(k.Values...)},
		}
		sortedBy += ", then `" + k.Attr + "`"
	}
	if f := l.Filter; f != nil {
		attrs[f.Attr] = schema.BoolAttribute{Optional: true, MarkdownDescription: f.Description}
	}
	if l.Scope != nil {
		element[l.Scope.Attr] = schema.StringAttribute{Computed: true, MarkdownDescription: fmt.Sprintf("SID of the %s the %s belongs to.", l.Scope.Noun, o.Noun)}
		attrs[l.Scope.Attr] = l.Scope.ListArgument(o.Plural, o.Noun)
	}
	attrs[l.Attr] = schema.ListNestedAttribute{
		MarkdownDescription: fmt.Sprintf("The %s, sorted by %s (byte order), so that plans stay stable; each has every attribute of the singular data source. %s",
			o.Plural, sortedBy, l.Index),
		Computed:     true,
		NestedObject: schema.NestedAttributeObject{Attributes: element},
	}
	attrs["timeouts"] = l.TimeoutsAttribute(ctx)
	resp.Schema = schema.Schema{MarkdownDescription: l.Description, Attributes: attrs}
}

func (l *List[T, M]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	o := l.Objects
	scope, kind, filter := types.StringNull(), types.StringNull(), types.BoolNull()
	var readTimeouts timeouts.Value
	if l.Scope != nil {
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(l.Scope.Attr), &scope)...)
	}
	if o.Kind != nil {
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(o.Kind.Attr), &kind)...)
	}
	if l.Filter != nil {
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(l.Filter.Attr), &filter)...)
	}
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("timeouts"), &readTimeouts)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, conn, ok := l.Start(ctx, req, resp, readTimeouts)
	if !ok {
		return
	}
	defer cancel()
	list, diags := l.read(ctx, conn, resp, scope, kind.ValueString(), filter)
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}
	attrs := map[string]attr.Value{l.Attr: list, "timeouts": readTimeouts}
	if l.Scope != nil {
		attrs[l.Scope.Attr] = scope
	}
	if o.Kind != nil {
		attrs[o.Kind.Attr] = kind
	}
	if l.Filter != nil {
		attrs[l.Filter.Attr] = filter
	}
	resp.Diagnostics.Append(SetState(ctx, resp, attrs)...)
}

// read lays out every object of scope of kind kind that passes filter as
// the list attribute. Each element's scope is the one the object names,
// where it names one.
func (l *List[T, M]) read(ctx context.Context, c *Conn, resp *datasource.ReadResponse, scope types.String, kind string, filter types.Bool) (types.List, diag.Diagnostics) {
	o := l.Objects
	where := l.Scope.where(scope.ValueString())
	tflog.Debug(ctx, "Listing Twilio "+o.Plural, map[string]any{"product": o.API, "scope": scope.ValueString(), "kind": kind})
	all, err := o.Shared(ctx, c, scope.ValueString())
	if err != nil {
		return types.ListNull(types.StringType), c.Error(o.ListSubject(where), err)
	}
	var items []*T
	for _, it := range o.sorted(all, kind) {
		if l.Filter.keeps(it, filter) {
			items = append(items, it)
		}
	}
	var diags diag.Diagnostics
	models := make([]M, len(items))
	for i, it := range items {
		diags.Append(l.Flatten(it, &models[i])...)
	}
	if diags.HasError() {
		return types.ListNull(types.StringType), diags
	}
	var with func(int, map[string]attr.Value)
	if l.Scope != nil {
		with = func(i int, attrs map[string]attr.Value) {
			attrs[l.Scope.Attr] = scope
			if o.ScopeOf != nil {
				attrs[l.Scope.Attr] = types.StringPointerValue(o.ScopeOf(items[i]))
			}
		}
	}
	return ObjectList(ctx, resp.State.Schema, path.Root(l.Attr), models, with)
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
