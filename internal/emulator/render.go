package emulator

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// view is the shape a route answers in.
type view int

const (
	viewChat                 view = iota // as stored
	viewConversations                    // Conversations, under /v1/Services/{IS}
	viewConversationsDefault             // Conversations, on the account's default service
)

type renderKey struct {
	view     view
	linkBase string
}

// render is it.body in the shape of v, cached: a 10,000-user list pages
// without encoding anything twice. linkBase is SetLinkBase's for
// Conversations ("" for none). Called with s.mu held.
func render(it *item, k kind, serviceSid string, v view, linkBase string) []byte {
	if v == viewChat {
		return it.body
	}
	key := renderKey{v, linkBase}
	if b, ok := it.rendered[key]; ok {
		return b
	}
	if it.rendered == nil {
		it.rendered = map[renderKey][]byte{}
	}
	b := renderConversations(it, k, serviceSid, v, linkBase)
	it.rendered[key] = b
	return b
}

// renderConversations turns a stored Chat user or role into its
// Conversations twin (conversations.v1.service.service_user or
// service_role, and conversations.v1.user or role on the default service).
// Fields Conversations shares are kept as stored, nulls included; url and
// links are moved to /v1 only when they are the ones Chat would give this
// object, so that a test can still serve odd or null ones.
func renderConversations(it *item, k kind, serviceSid string, v view, linkBase string) []byte {
	m := decodeStored("a stored body", it.body)
	collection := "Users"
	if k == roles {
		collection = "Roles"
	}
	chatPath := "/v2/Services/" + serviceSid + "/" + collection + "/" + it.sid
	convPath := "/v1/Services/" + serviceSid + "/" + collection + "/" + it.sid
	if v == viewConversationsDefault {
		convPath = "/v1/" + collection + "/" + it.sid
	}
	if sid, ok := m["service_sid"]; ok {
		delete(m, "service_sid")
		m["chat_service_sid"] = sid
	}
	if base, ok := trimSuffixString(m["url"], chatPath); ok {
		m["url"] = conversationsBase(base, linkBase) + convPath
	}
	switch k {
	case users:
		delete(m, "joined_channels_count")
		if base, ok := chatUserLinksBase(m["links"], chatPath); ok {
			m["links"] = map[string]any{"user_conversations": conversationsBase(base, linkBase) + convPath + "/Conversations"}
		}
	case roles:
		if t, ok := conversationsRoleType[m["type"]]; ok {
			m["type"] = t
		}
	}
	b, err := marshal(m)
	if err != nil {
		panic(fmt.Sprintf("emulator: re-encoding a stored body: %v", err))
	}
	return b
}

var conversationsRoleType = map[any]string{"channel": "conversation", "deployment": "service"}

// trimSuffixString is the base of v when v is a string ending in path.
func trimSuffixString(v any, path string) (string, bool) {
	s, ok := v.(string)
	if !ok || !strings.HasSuffix(s, path) {
		return "", false
	}
	return strings.TrimSuffix(s, path), true
}

// chatUserLinksBase is the base of links when they are exactly the ones
// NewUser gives a user at chatPath.
func chatUserLinksBase(v any, chatPath string) (string, bool) {
	links, ok := v.(map[string]any)
	if !ok || len(links) != 2 {
		return "", false
	}
	base, ok := trimSuffixString(links["user_channels"], chatPath+"/Channels")
	return base, ok && links["user_bindings"] == base+chatPath+"/Bindings"
}

var twilioChatHost = regexp.MustCompile(`^chat(\.[a-z0-9-]+\.[a-z0-9-]+)?\.twilio\.com$`)

// conversationsBase is where Conversations lives for an object whose Chat
// url had chatBase: Twilio's own chat hosts have a conversations twin;
// anything else (the emulator, a proxy) serves both.
func conversationsBase(chatBase, linkBase string) string {
	if linkBase != "" {
		return linkBase
	}
	u, err := url.Parse(chatBase)
	if err != nil || u.Scheme != "https" || !twilioChatHost.MatchString(u.Host) {
		return chatBase
	}
	u.Host = "conversations" + strings.TrimPrefix(u.Host, "chat")
	return u.String()
}

func notFoundBody(path string) []byte {
	return errorBody(http.StatusNotFound, 20404, "The requested resource "+path+" was not found")
}

func serviceNotFoundBody() []byte {
	return errorBody(http.StatusForbidden, 20403, "Service instance not found")
}

func errorBody(status, code int, message string) []byte {
	b, _ := marshal(struct {
		Code     int    `json:"code"`
		Message  string `json:"message"`
		MoreInfo string `json:"more_info"`
		Status   int    `json:"status"`
	}{code, message, fmt.Sprintf("https://www.twilio.com/docs/errors/%d", code), status})
	return b
}

// decodeStored decodes a body the emulator encoded itself (what of is, for
// the panic that would mean a bug), keeping numbers as written.
func decodeStored(of string, body []byte) map[string]any {
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		panic(fmt.Sprintf("emulator: %s does not decode: %v", of, err))
	}
	return m
}

// marshal is json.Marshal without HTML escaping, as Twilio sends '<', '>'
// and '&' verbatim.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
