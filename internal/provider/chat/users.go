package chat

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/chatbase"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	chatapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
)

// twilio_chat_users: many users of a Chat service in few requests.

// NewUsersDataSource is the factory of twilio_chat_users.
func NewUsersDataSource() datasource.DataSource {
	return &chatbase.UserList[chatapi.User, userModel]{
		Base:  framework.Base{Name: "chat_users", ReadTimeout: framework.PluralReadTimeout},
		Users: users, PageSize: chatapi.MaxPageSize, Scope: scope,
		Description: "Reads many users of a Twilio Programmable Chat service (Chat v2 API) in few requests: every user, a page of 100 per request, " +
			"or the users with the given `identities` (up to 100 are fetched one by one, as many at a time as the provider's `max_concurrent_requests` allows; more are found in the paged list). " +
			"Each user has every attribute of `twilio_chat_user`, nulls included.",
		Attributes: userAttributes,
		Flatten:    flattenUser,
	}
}
