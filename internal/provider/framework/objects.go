package framework

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Objects is how a product reads one type of Twilio object T, and how
// errors name it: what a lookup by sid or by name (Lookup), a whole list
// (List) and a product's own data sources build on. A product declares
// one Objects per type beside its client, so that the singular and the
// plural data sources both look down at it.
type Objects[T any] struct {
	// API is the Twilio API, as errors title it: "Twilio Chat API".
	API string
	// Resource is what errors call one object: "chat role".
	Resource string
	// Noun and Plural are what descriptions call one object and several:
	// "role", "roles".
	Noun, Plural string
	// SidPrefix is the two letters of the object's SIDs, checked at plan
	// time.
	SidPrefix string
	// NameField is the attribute that names an object besides its sid
	// ("friendly_name", "identity", "unique_name"); Name reads it.
	NameField string
	Name      func(*T) *string
	// OtherNames are more fields an object can be looked up by (an
	// environment's domain_suffix besides its unique_name).
	OtherNames []Alias[T]
	Sid        func(*T) *string
	// Fetch gets one object by id (its sid, or a name where Twilio's path
	// takes one) in scope: the service or workspace it lives in, "" for
	// objects of the account (and for the account's default Conversations
	// service).
	Fetch func(ctx context.Context, c *Conn, scope, id string) (*T, error)
	// List reads every object of scope, page by page.
	List func(ctx context.Context, c *Conn, scope string) ([]T, error)
	// Kind, when set, is a second attribute that tells apart objects that
	// share a name (a role's type).
	Kind *Kind[T]
	// ScopeOf, when set, reads the scope an object names (a role's
	// service): where the scope argument is left out, and in each element
	// of a list.
	ScopeOf func(*T) *string
}

// Alias is another field that names an object.
type Alias[T any] struct {
	Field string
	Of    func(*T) *string
}

// names are every field that names an object, NameField first.
func (o *Objects[T]) names() []Alias[T] {
	return append([]Alias[T]{{Field: o.NameField, Of: o.Name}}, o.OtherNames...)
}

// named is the name field called field, NameField when none is.
func (o *Objects[T]) named(field string) Alias[T] {
	for _, n := range o.OtherNames {
		if n.Field == field {
			return n
		}
	}
	return Alias[T]{Field: o.NameField, Of: o.Name}
}

// Kind is an attribute whose values tell apart objects of one name.
type Kind[T any] struct {
	Attr   string   // "type"
	Values []string // "channel", "deployment"
	Doc    string   // what the values mean
	Of     func(*T) *string
}

// resources is what errors call several objects: "chat roles".
func (o *Objects[T]) resources() string {
	if strings.HasSuffix(strings.ToLower(o.Resource), strings.ToLower(o.Noun)) {
		return o.Resource[:len(o.Resource)-len(o.Noun)] + o.Plural
	}
	return o.Resource + "s"
}

// Subject is what a read of the object key names in where was after, for
// its errors.
func (o *Objects[T]) Subject(key Key, where string) Subject {
	return Subject{API: o.API, Resource: o.Resource, Key: key.In(where)}
}

// ListSubject is what a read of the whole list of where was after, for its
// errors.
func (o *Objects[T]) ListSubject(where string) Subject {
	return Subject{API: o.API, Resource: o.resources(), Key: "of " + where}
}

// OfKind says whether it is of kind kind; every object is of kind "".
func (o *Objects[T]) OfKind(it *T, kind string) bool {
	return kind == "" || o.Kind == nil || DerefOr(o.Kind.Of(it), "") == kind
}

// Shared is every object of scope, from the list that every lookup by
// name on it shares (sharedRead). Callers must not change it.
func (o *Objects[T]) Shared(ctx context.Context, c *Conn, scope string) ([]T, error) {
	return sharedRead(ctx, c.lists, o.API+"/"+o.Resource+"/"+scope, func(ctx context.Context) ([]T, error) {
		return o.List(ctx, c, scope)
	})
}

// FetchOne gets the object key asks for in scope (named where in errors)
// with one request, and makes sure Twilio answered for that object.
func (o *Objects[T]) FetchOne(ctx context.Context, c *Conn, scope, where string, key Key) (*T, diag.Diagnostics) {
	tflog.Debug(ctx, "Reading a Twilio resource by "+key.Field, map[string]any{"product": o.API, "resource": o.Resource, "scope": scope, key.Field: key.Value})
	item, err := o.Fetch(ctx, c, scope, key.Value)
	if err != nil {
		return nil, c.Error(o.Subject(key, where), err)
	}
	return item, key.Check(o.Resource, o.Sid(item), o.named(key.Field).Of(item))
}
