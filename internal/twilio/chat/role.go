package chat

// Role is a Twilio Chat v2 role (schema chat.v2.service.role); Type is
// "channel" or "deployment". A nil Permissions is Twilio's null; an empty
// list decodes as an empty, non-nil slice.
type Role struct {
	Sid          *string  `json:"sid"`
	AccountSid   *string  `json:"account_sid"`
	ServiceSid   *string  `json:"service_sid"`
	FriendlyName *string  `json:"friendly_name"`
	Type         *string  `json:"type"`
	Permissions  []string `json:"permissions"`
	DateCreated  *string  `json:"date_created"`
	DateUpdated  *string  `json:"date_updated"`
	URL          *string  `json:"url"`
}
