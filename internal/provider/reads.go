package provider

import "context"

// reads is how one Twilio API reads a resource T, and how its errors name
// it. Every pair of data sources over Chat v2 and Conversations v1 (users,
// roles, services) has the same shape: one reads per API, around the API's
// own type, plus a flatten per API; what the pair shares is written once,
// generic over T.
type reads[T any] struct {
	product  string // as errors title it: chatTitle or conversationsTitle
	resource string // "chat user", "conversations role"
	// fetch gets one T by id (a sid, or a user's identity) in scope, the
	// service it lives in ("" for the account's default Conversations
	// service, or for services themselves).
	fetch func(ctx context.Context, c readClients, scope, id string) (*T, error)
	// list reads every T of scope, page by page.
	list func(ctx context.Context, c readClients, scope string) ([]T, error)
	sid  func(*T) *string
}

// subject is what a read of this resource was after, for its errors; key
// starts with its preposition (see readSubject).
func (a reads[T]) subject(key string) readSubject {
	return readSubject{product: a.product, resource: a.resource, key: key}
}

// listSubject is what a read of the whole list of this resource in where
// was after, for its errors.
func (a reads[T]) listSubject(where string) readSubject {
	return readSubject{product: a.product, resource: a.resource + "s", key: "of " + where}
}
