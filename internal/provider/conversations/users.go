package conversations

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/chatbase"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/provider/framework"
	conversationsapi "github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/conversations"
)

// twilio_conversations_users: many users of a service in few requests;
// each user's chat_service_sid is its own, from Twilio's answer.

// NewUsersDataSource is the factory of twilio_conversations_users.
func NewUsersDataSource() datasource.DataSource {
	return &chatbase.UserList[conversationsapi.User, chatbase.UserFields]{
		Base:  framework.Base{Name: "conversations_users", ReadTimeout: framework.PluralReadTimeout},
		Users: users, PageSize: conversationsapi.MaxPageSize, Scope: scope,
		Description: "Reads many users of a Twilio Conversations service (Conversations v1 API) in few requests: every user, a page of 50 per request, " +
			"or the users with the given `identities` (up to 50 are fetched one by one, as many at a time as the provider's `max_concurrent_requests` allows; more are found in the paged list). " +
			"Each user has every attribute of `twilio_conversations_user`, nulls included.",
		Attributes: userAttributes,
		Flatten:    flattenUser,
	}
}
