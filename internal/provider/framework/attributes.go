package framework

import (
	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Computed attributes as every data source words them, so that the
// documents say the same thing the same way: null is null.

// TextAttribute is a computed string.
func TextAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, MarkdownDescription: description}
}

// FlagAttribute is a computed bool, null when Twilio's is.
func FlagAttribute(description string) schema.BoolAttribute {
	return schema.BoolAttribute{Computed: true, MarkdownDescription: description + "; null (not `false`) when Twilio returns null."}
}

// CountAttribute is a computed integer that Twilio's spec defaults to 0.
func CountAttribute(description string) schema.Int64Attribute {
	return schema.Int64Attribute{Computed: true, MarkdownDescription: description + "; `0` when Twilio omits it."}
}

// DateAttribute is a computed RFC 3339 date, as returned.
func DateAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, CustomType: timetypes.RFC3339Type{}, MarkdownDescription: description + ", RFC 3339, as returned."}
}

// JSONAttribute is a computed JSON text, exactly as Twilio sent it.
func JSONAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, CustomType: jsontypes.NormalizedType{},
		MarkdownDescription: description + " The JSON exactly as Twilio returns it; null when Twilio returns null. Decode it with `jsondecode()`."}
}

// LinksAttribute is Twilio's map of link names to URLs; names says which
// the object has.
func LinksAttribute(names string) schema.MapAttribute {
	return schema.MapAttribute{Computed: true, ElementType: types.StringType,
		MarkdownDescription: "URLs of related resources keyed by Twilio's link names, such as " + names + "; null when Twilio returns null."}
}
