package emulator

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
)

// The bodies every product answers with: JSON encoded as Twilio encodes
// it, Twilio's error body, and the sids of generated objects.

// notFoundBody is Twilio's 404: nothing lives at path.
func notFoundBody(path string) []byte {
	return errorBody(http.StatusNotFound, 20404, "The requested resource "+path+" was not found")
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

// mustMarshal encodes what the emulator built or already decoded, which
// always encodes.
func mustMarshal(v any) []byte {
	b, err := marshal(v)
	if err != nil {
		panic("emulator: " + err.Error())
	}
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

// derivedSid is a sid of the given type that depends only on seed.
func derivedSid(prefix, seed string) string {
	sum := sha256.Sum256([]byte(seed))
	return prefix + hex.EncodeToString(sum[:16])
}
