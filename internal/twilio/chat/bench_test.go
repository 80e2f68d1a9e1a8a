package chat_test

import (
	"context"
	"testing"
	"time"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio"
	"github.com/seed-29301ef8/terraform-provider-twilio/internal/twilio/chat"
)

const (
	benchAccount = "AC0123456789abcdef0123456789abcdef"
	benchService = "IS0123456789abcdef0123456789abcdef"
	benchUser    = "US0123456789abcdef0123456789abcdef"
)

func BenchmarkFetchUser(b *testing.B) {
	emu := emulator.New(emulator.Credentials{AccountSid: benchAccount, AuthToken: "token"})
	url, err := emu.Start()
	if err != nil {
		b.Fatal(err)
	}
	defer emu.Close()
	emu.PutUser(benchService, emulator.NewUser(url, benchAccount, benchService, benchUser, "jing"))
	api, err := twilio.New(twilio.Config{HostLabel: chat.HostLabel, BaseURL: url, Username: benchAccount, Password: "token", UserAgent: "bench", MaxRetries: 4, RequestTimeout: 30 * time.Second})
	if err != nil {
		b.Fatal(err)
	}
	client := chat.New(api)
	ctx := context.Background()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := client.FetchUser(ctx, benchService, "jing"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkDecodeUser(b *testing.B) {
	body := []byte(`{"sid":"US0123456789abcdef0123456789abcdef","account_sid":"AC0123456789abcdef0123456789abcdef","service_sid":"IS0123456789abcdef0123456789abcdef","role_sid":"RL0123456789abcdef0123456789abcdef","identity":"jing","attributes":"{\"team\":\"platform\"}","is_online":true,"is_notifiable":null,"friendly_name":"Jing","joined_channels_count":3,"date_created":"2016-03-24T21:05:19Z","date_updated":"2016-03-24T21:05:19Z","links":{"user_channels":"https://chat.twilio.com/v2/Services/IS0123456789abcdef0123456789abcdef/Users/US0123456789abcdef0123456789abcdef/Channels","user_bindings":"https://chat.twilio.com/v2/Services/IS0123456789abcdef0123456789abcdef/Users/US0123456789abcdef0123456789abcdef/Bindings"},"url":"https://chat.twilio.com/v2/Services/IS0123456789abcdef0123456789abcdef/Users/US0123456789abcdef0123456789abcdef"}`)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := chat.DecodeUser(body); err != nil {
			b.Fatal(err)
		}
	}
}
