package chat

import (
	"encoding/json"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
)

// User is a Twilio Chat v2 user (schema chat.v2.service.user).
type User struct {
	UserBase
	ServiceSid          *string `json:"service_sid"`
	JoinedChannelsCount *int64  `json:"joined_channels_count"`
}

// UserBase is what a user is on Chat v2 and Conversations v1 alike
// (conversations.User embeds it). Every field the API marks nullable is a
// pointer, so that null in the API stays distinguishable from an empty
// string, false or zero.
type UserBase struct {
	Sid          *string            `json:"sid"`
	AccountSid   *string            `json:"account_sid"`
	Attributes   *string            `json:"attributes"`
	FriendlyName *string            `json:"friendly_name"`
	RoleSid      *string            `json:"role_sid"`
	Identity     *string            `json:"identity"`
	IsOnline     *bool              `json:"is_online"`
	IsNotifiable *bool              `json:"is_notifiable"`
	DateCreated  *string            `json:"date_created"`
	DateUpdated  *string            `json:"date_updated"`
	Links        map[string]*string `json:"links"`
	URL          *string            `json:"url"`
}

// newUser holds the spec's default for joined_channels_count, 0, so that an
// absent count decodes as 0 while an explicit null stays nil: encoding/json
// leaves an absent field untouched but sets a pointer to nil on null.
func newUser() *User {
	zero := int64(0)
	return &User{JoinedChannelsCount: &zero}
}

// UnmarshalJSON applies newUser's default wherever a user is decoded: fetched
// alone or as an element of a list page.
func (u *User) UnmarshalJSON(b []byte) error {
	type plain User
	*u = *newUser()
	return json.Unmarshal(b, (*plain)(u))
}

// DecodeUser parses a 200 response body.
func DecodeUser(body []byte) (*User, error) {
	var u User
	if err := twilio.DecodeObject(body, &u); err != nil {
		return nil, err
	}
	return &u, nil
}
