package framework

import (
	"context"
	"fmt"
	"reflect"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// Models become state here without the framework's reflection, which looks
// up every field's tag again for each element of a list (compiling a
// regular expression per field) and converts each object to Terraform's
// value and back: 40% of the provider's CPU and two thirds of its
// allocations when a plan reads 10,000 users (BENCHMARKS.md).

// modelFields are the attributes of a model struct: every field, those of
// embedded structs included, is an attr.Value tagged `tfsdk`.
type modelFields struct {
	names []string
	index [][]int
}

func fieldsOf(t reflect.Type) (modelFields, error) {
	var f modelFields
	var walk func(t reflect.Type, at []int) error
	walk = func(t reflect.Type, at []int) error {
		for i := range t.NumField() {
			field := t.Field(i)
			index := append(append([]int{}, at...), i)
			if field.Anonymous && field.Type.Kind() == reflect.Struct && field.Tag.Get("tfsdk") == "" {
				if err := walk(field.Type, index); err != nil {
					return err
				}
				continue
			}
			name := field.Tag.Get("tfsdk")
			if name == "" || !field.Type.Implements(reflect.TypeFor[attr.Value]()) {
				return fmt.Errorf("field %s of %s is not an attr.Value tagged tfsdk. This is a bug in the provider", field.Name, t)
			}
			// An embedded struct's field of the same name would be
			// shadowed, and the attribute left unset.
			if slices.Contains(f.names, name) {
				return fmt.Errorf("attribute %s is tagged twice in %s. This is a bug in the provider", name, t)
			}
			f.names = append(f.names, name)
			f.index = append(f.index, index)
		}
		return nil
	}
	return f, walk(t, nil)
}

// values are the attributes of the model v holds, validated at their own
// path under at, as State.Set validates values that validate themselves
// (JSON, RFC 3339).
func (f modelFields) values(ctx context.Context, v reflect.Value, at path.Path, diags *diag.Diagnostics) map[string]attr.Value {
	attrs := make(map[string]attr.Value, len(f.names))
	for i, name := range f.names {
		value, _ := v.FieldByIndex(f.index[i]).Interface().(attr.Value)
		if validating, ok := value.(xattr.ValidateableAttribute); ok {
			var resp xattr.ValidateAttributeResponse
			validating.ValidateAttribute(ctx, xattr.ValidateAttributeRequest{Path: at.AtName(name)}, &resp)
			diags.Append(resp.Diagnostics...)
		}
		attrs[name] = value
	}
	return attrs
}

// attributesOf are the attributes of *model, validated at the root.
func attributesOf[M any](ctx context.Context, model *M) (map[string]attr.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	fields, err := fieldsOf(reflect.TypeFor[M]())
	if err != nil {
		diags.AddError("Value Conversion Error", err.Error())
		return nil, diags
	}
	return fields.values(ctx, reflect.ValueOf(model).Elem(), path.Empty(), &diags), diags
}

// objectType is the type of the list of objects at at in schema.
func objectType(ctx context.Context, schema interface {
	TypeAtPath(context.Context, path.Path) (attr.Type, diag.Diagnostics)
}, at path.Path) (basetypes.ObjectType, diag.Diagnostics) {
	listType, diags := schema.TypeAtPath(ctx, at)
	if diags.HasError() {
		return basetypes.ObjectType{}, diags
	}
	if elemType, ok := listType.(attr.TypeWithElementType); ok {
		if objectType, ok := elemType.ElementType().(basetypes.ObjectType); ok {
			return objectType, diags
		}
	}
	diags.AddAttributeError(at, "Value Conversion Error", fmt.Sprintf("%s is not a list of objects but %s. This is a bug in the provider.", at, listType))
	return basetypes.ObjectType{}, diags
}

// ObjectList is the list of objects elems hold, for the list attribute at
// at of schema: what State.Set makes of a []T. with, when not nil, adds
// the attributes of element i that T does not hold.
func ObjectList[T any](ctx context.Context, schema interface {
	TypeAtPath(context.Context, path.Path) (attr.Type, diag.Diagnostics)
}, at path.Path, elems []T, with func(i int, attrs map[string]attr.Value)) (types.List, diag.Diagnostics) {
	objectType, diags := objectType(ctx, schema, at)
	if diags.HasError() {
		return types.ListNull(types.StringType), diags
	}
	fields, err := fieldsOf(reflect.TypeFor[T]())
	if err != nil {
		diags.AddAttributeError(at, "Value Conversion Error", err.Error())
		return types.ListNull(objectType), diags
	}
	objects := make([]attr.Value, len(elems))
	for i := range elems {
		attrs := fields.values(ctx, reflect.ValueOf(&elems[i]).Elem(), at.AtListIndex(i), &diags)
		if diags.HasError() {
			// State.Set stops at the first element that does not validate.
			return types.ListNull(objectType), diags
		}
		if with != nil {
			with(i, attrs)
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
