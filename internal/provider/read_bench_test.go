package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
)

// BenchmarkReadDataSource drives the provider's gRPC-facing server the way
// the CLI does (configure once, then ReadDataSource per lookup) against the
// in-process emulator: the provider's own cost per read, without the CLI.
func BenchmarkReadDataSource(b *testing.B) {
	emu := emulator.New(emulator.Credentials{AccountSid: testAccountSid, AuthToken: testAuthToken})
	url, err := emu.Start()
	if err != nil {
		b.Fatal(err)
	}
	defer emu.Close()
	emu.PutUser(testServiceSid, emulator.NewUser(url, testAccountSid, testServiceSid, testUserSid, "jing"))

	server, err := providerserver.NewProtocol6WithError(New("bench")())()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	str := tftypes.String
	endpointsType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"chat": str}}
	providerType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"account_sid": str, "auth_token": str, "api_key": str, "api_secret": str, "region": str, "edge": str,
		"endpoints": endpointsType, "max_retries": tftypes.Number, "request_timeout": str,
		"max_concurrent_requests": tftypes.Number,
	}}
	providerConfig := dynamicValue(b, providerType, map[string]tftypes.Value{
		"account_sid": tftypes.NewValue(str, testAccountSid), "auth_token": tftypes.NewValue(str, testAuthToken),
		"api_key": tftypes.NewValue(str, nil), "api_secret": tftypes.NewValue(str, nil),
		"region": tftypes.NewValue(str, nil), "edge": tftypes.NewValue(str, nil),
		"endpoints":               tftypes.NewValue(endpointsType, map[string]tftypes.Value{"chat": tftypes.NewValue(str, url)}),
		"max_retries":             tftypes.NewValue(tftypes.Number, nil),
		"request_timeout":         tftypes.NewValue(str, nil),
		"max_concurrent_requests": tftypes.NewValue(tftypes.Number, nil),
	})
	if _, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{}); err != nil {
		b.Fatal(err)
	}
	configured, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.12.6", Config: &providerConfig})
	if err != nil || len(configured.Diagnostics) > 0 {
		b.Fatalf("configure: %v %v", err, configured.Diagnostics)
	}

	timeoutsType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"read": str}}
	dataType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"service_sid": str, "sid": str, "identity": str, "account_sid": str, "attributes": str, "friendly_name": str,
		"role_sid": str, "is_online": tftypes.Bool, "is_notifiable": tftypes.Bool, "date_created": str, "date_updated": str,
		"joined_channels_count": tftypes.Number, "links": tftypes.Map{ElementType: str}, "url": str, "timeouts": timeoutsType,
	}}
	values := map[string]tftypes.Value{}
	for name, typ := range dataType.AttributeTypes {
		values[name] = tftypes.NewValue(typ, nil)
	}
	values["service_sid"] = tftypes.NewValue(str, testServiceSid)
	values["identity"] = tftypes.NewValue(str, "jing")
	dataConfig := dynamicValue(b, dataType, values)
	req := &tfprotov6.ReadDataSourceRequest{TypeName: "twilio_chat_user", Config: &dataConfig}

	b.ReportAllocs()
	for b.Loop() {
		resp, err := server.ReadDataSource(ctx, req)
		if err != nil || len(resp.Diagnostics) > 0 {
			b.Fatalf("read: %v %v", err, resp.Diagnostics)
		}
	}
}

func dynamicValue(b *testing.B, typ tftypes.Object, values map[string]tftypes.Value) tfprotov6.DynamicValue {
	b.Helper()
	v, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, values))
	if err != nil {
		b.Fatal(err)
	}
	return v
}
