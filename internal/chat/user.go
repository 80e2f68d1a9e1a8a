package chat

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// User is a Twilio Chat v2 user (schema chat.v2.service.user). Every field the
// API marks nullable is a pointer, so that null in the API stays
// distinguishable from an empty string, false or zero.
type User struct {
	Sid                 *string            `json:"sid"`
	AccountSid          *string            `json:"account_sid"`
	ServiceSid          *string            `json:"service_sid"`
	Attributes          *string            `json:"attributes"`
	FriendlyName        *string            `json:"friendly_name"`
	RoleSid             *string            `json:"role_sid"`
	Identity            *string            `json:"identity"`
	IsOnline            *bool              `json:"is_online"`
	IsNotifiable        *bool              `json:"is_notifiable"`
	DateCreated         *string            `json:"date_created"`
	DateUpdated         *string            `json:"date_updated"`
	JoinedChannelsCount *int64             `json:"joined_channels_count"`
	Links               map[string]*string `json:"links"`
	URL                 *string            `json:"url"`
}

// DecodeUser parses a 200 response body. The spec gives joined_channels_count
// a default of 0, so an absent count decodes as 0 while an explicit null stays
// nil: encoding/json leaves an absent field untouched but sets a pointer to nil
// on null.
func DecodeUser(body []byte) (*User, error) {
	zero := int64(0)
	u := &User{JoinedChannelsCount: &zero}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return nil, fmt.Errorf("expected a JSON object, got %s", describeStart(trimmed))
	}
	if err := json.Unmarshal(trimmed, u); err != nil {
		return nil, err
	}
	return u, nil
}

func describeStart(b []byte) string {
	switch {
	case len(b) == 0:
		return "an empty body"
	case b[0] == '[':
		return "a JSON array"
	case b[0] == '<':
		return "HTML or XML"
	default:
		return "something else"
	}
}
