package chat

import "testing"

// FuzzDecodeUser: any bytes give a user or an error, never a panic.
func FuzzDecodeUser(f *testing.F) {
	for _, seed := range []string{
		`{"sid":"US1","is_online":null,"links":{"a":"b"},"joined_channels_count":3}`,
		`[]`, `<html>`, `{"sid":`, `{"links":{"a":null}}`, `{"joined_channels_count":1e400}`, "\xff\xfe",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		u, err := DecodeUser(body)
		if (u == nil) == (err == nil) {
			t.Fatalf("DecodeUser(%q) = %v, %v: want exactly one of a user and an error", body, u, err)
		}
	})
}
