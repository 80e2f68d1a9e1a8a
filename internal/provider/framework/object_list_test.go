package framework

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// shared and item are a model as products write them: fields of every
// kind Twilio's objects have, some in an embedded struct shared by two
// products.
type shared struct {
	Sid        types.String         `tfsdk:"sid"`
	Attributes jsontypes.Normalized `tfsdk:"attributes"`
	IsOnline   types.Bool           `tfsdk:"is_online"`
	Created    timetypes.RFC3339    `tfsdk:"date_created"`
	Links      types.Map            `tfsdk:"links"`
}

type item struct {
	shared
	Count       types.Int64 `tfsdk:"count"`
	Permissions types.List  `tfsdk:"permissions"`
}

// element is an item with its scope, as State.Set's reflection needs it.
type element struct {
	Scope types.String `tfsdk:"scope"`
	item
}

var itemsSchema = schema.Schema{Attributes: map[string]schema.Attribute{
	"items": schema.ListNestedAttribute{Computed: true, NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
		"scope":        schema.StringAttribute{Computed: true},
		"sid":          schema.StringAttribute{Computed: true},
		"attributes":   schema.StringAttribute{Computed: true, CustomType: jsontypes.NormalizedType{}},
		"is_online":    schema.BoolAttribute{Computed: true},
		"date_created": schema.StringAttribute{Computed: true, CustomType: timetypes.RFC3339Type{}},
		"links":        schema.MapAttribute{Computed: true, ElementType: types.StringType},
		"count":        schema.Int64Attribute{Computed: true},
		"permissions":  schema.ListAttribute{Computed: true, ElementType: types.StringType},
	}}},
}}

// ObjectList must make of the models what State.Set's reflection makes of
// them: the same state, or the same diagnostics.
func TestObjectListIsWhatStateSetMakes(t *testing.T) {
	ctx := context.Background()
	full := func(i int) item {
		return item{
			shared: shared{
				Sid: types.StringValue(fmt.Sprintf("US%032x", i+1)), Attributes: jsontypes.NewNormalizedValue(`{"a": [1, 2]}`),
				IsOnline: types.BoolValue(i%2 == 0), Created: timetypes.NewRFC3339ValueMust("2026-11-27T10:00:00Z"),
				Links: types.MapValueMust(types.StringType, map[string]attr.Value{"user_channels": types.StringValue("https://x/u"), "none": types.StringNull()}),
			},
			Count:       types.Int64Value(int64(i)),
			Permissions: types.ListValueMust(types.StringType, []attr.Value{types.StringValue("sendMessage")}),
		}
	}
	null := item{shared: shared{Sid: types.StringNull(), Attributes: jsontypes.NewNormalizedNull(), IsOnline: types.BoolNull(),
		Created: timetypes.NewRFC3339Null(), Links: types.MapNull(types.StringType)}, Count: types.Int64Null(), Permissions: types.ListNull(types.StringType)}
	for _, tc := range []struct {
		name  string
		items int
		edit  func(i int, it *item)
	}{
		{name: "no items", items: 0},
		{name: "every attribute set", items: 3},
		{name: "every attribute null", items: 2, edit: func(_ int, it *item) { *it = null }},
		{name: "attributes that are not JSON", items: 4, edit: func(i int, it *item) {
			if i >= 2 {
				it.Attributes = jsontypes.NewNormalizedValue("{not json")
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Reads make their slice, never nil: no items is an empty list.
			items, elements := make([]item, 0), make([]element, 0)
			for i := range tc.items {
				it := full(i)
				if tc.edit != nil {
					tc.edit(i, &it)
				}
				items = append(items, it)
				elements = append(elements, element{Scope: types.StringValue(fmt.Sprintf("IS%d", i)), item: it})
			}
			empty := func() tfsdk.State {
				return tfsdk.State{Schema: itemsSchema, Raw: tftypes.NewValue(itemsSchema.Type().TerraformType(ctx), nil)}
			}
			reflected, built := empty(), empty()
			wantDiags := reflected.SetAttribute(ctx, path.Root("items"), elements)
			list, gotDiags := ObjectList(ctx, itemsSchema, path.Root("items"), items, func(i int, attrs map[string]attr.Value) {
				attrs["scope"] = types.StringValue(fmt.Sprintf("IS%d", i))
			})
			if !gotDiags.HasError() {
				gotDiags.Append(built.SetAttribute(ctx, path.Root("items"), list)...)
			}
			if !gotDiags.Equal(wantDiags) {
				t.Fatalf("diagnostics\n%v\nwant (State.Set's)\n%v", gotDiags, wantDiags)
			}
			if !wantDiags.HasError() && !built.Raw.Equal(reflected.Raw) {
				t.Fatalf("state\n%v\nwant (State.Set's)\n%v", built.Raw, reflected.Raw)
			}
		})
	}
}

// A model that tags one attribute twice (a field shadowing an embedded
// one) is refused rather than written half-set.
func TestObjectList_attributeTaggedTwiceIsRefused(t *testing.T) {
	type twice struct {
		shared
		Sid types.String `tfsdk:"sid"`
	}
	_, diags := ObjectList(context.Background(), itemsSchema, path.Root("items"), []twice{{}}, nil)
	if !diags.HasError() || !strings.Contains(diags[0].Detail(), "attribute sid is tagged twice") {
		t.Fatalf("diags = %v", diags)
	}
}
