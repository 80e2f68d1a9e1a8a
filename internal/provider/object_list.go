package provider

import (
	"context"
	"fmt"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

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
