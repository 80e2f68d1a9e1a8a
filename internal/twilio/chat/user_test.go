package chat

import (
	"strings"
	"testing"
)

func TestDecodeUser_joinedChannelsCountAbsentIsZeroNullIsNil(t *testing.T) {
	absent, err := DecodeUser([]byte(`{"sid":"US1"}`))
	if err != nil {
		t.Fatal(err)
	}
	if absent.JoinedChannelsCount == nil || *absent.JoinedChannelsCount != 0 {
		t.Fatalf("absent joined_channels_count = %v, want 0", absent.JoinedChannelsCount)
	}
	null, err := DecodeUser([]byte(`{"sid":"US1","joined_channels_count":null}`))
	if err != nil {
		t.Fatal(err)
	}
	if null.JoinedChannelsCount != nil {
		t.Fatalf("null joined_channels_count = %d, want nil", *null.JoinedChannelsCount)
	}
	set, err := DecodeUser([]byte(`{"joined_channels_count":7}`))
	if err != nil {
		t.Fatal(err)
	}
	if *set.JoinedChannelsCount != 7 {
		t.Fatalf("joined_channels_count = %d, want 7", *set.JoinedChannelsCount)
	}
}

func TestDecodeUser_nullsStayNil(t *testing.T) {
	u, err := DecodeUser([]byte(`{"sid":"US1","is_online":null,"is_notifiable":false,"attributes":null,"links":null,"friendly_name":""}`))
	if err != nil {
		t.Fatal(err)
	}
	if u.IsOnline != nil || u.Attributes != nil || u.Links != nil {
		t.Fatalf("nulls decoded as values: %+v", u)
	}
	if u.IsNotifiable == nil || *u.IsNotifiable {
		t.Fatalf("is_notifiable false decoded as %v", u.IsNotifiable)
	}
	if u.FriendlyName == nil || *u.FriendlyName != "" {
		t.Fatalf("friendly_name \"\" decoded as %v", u.FriendlyName)
	}
}

func TestDecodeUser_rejectsWhatIsNotAnObject(t *testing.T) {
	for body, want := range map[string]string{
		``:                        "an empty body",
		`[{"sid":"US1"}]`:         "a JSON array",
		`<html><body>Bad gateway`: "HTML or XML",
		`{"sid":"US1"`:            "unexpected end of JSON input",
		`{"sid":1}`:               "cannot unmarshal number",
		`{"links":{"a":1}}`:       "cannot unmarshal number",
		`"just a string"`:         "something else",
	} {
		_, err := DecodeUser([]byte(body))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("DecodeUser(%q) error = %v, want it to contain %q", body, err, want)
		}
	}
}
