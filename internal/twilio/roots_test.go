package twilio

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
)

func TestTrustedRoots_nilWithoutTheVariables(t *testing.T) {
	if pool := trustedRoots(func(string) string { return "" }); pool != nil {
		t.Fatal("a pool was built although neither SSL_CERT_FILE nor SSL_CERT_DIR is set")
	}
}

func TestTrustedRoots_sslCertFileAndDirAddRoots(t *testing.T) {
	for _, variable := range []string{"SSL_CERT_FILE", "SSL_CERT_DIR"} {
		t.Run(variable, func(t *testing.T) {
			emu := emulator.New(emulator.Credentials{AccountSid: "AC1", AuthToken: "token"})
			url, err := emu.StartTLS()
			if err != nil {
				t.Fatal(err)
			}
			defer emu.Close()
			emu.PutUser(testService, emulator.NewUser(url, "AC1", testService, testUserSid, "jing"))
			dir := t.TempDir()
			pemFile := filepath.Join(dir, "proxy-ca.pem")
			if err := os.WriteFile(pemFile, emu.CertPEM(), 0o600); err != nil {
				t.Fatal(err)
			}
			value := map[string]string{"SSL_CERT_FILE": pemFile, "SSL_CERT_DIR": dir}[variable]
			roots := trustedRoots(func(k string) string {
				if k == variable {
					return value
				}
				return ""
			})
			c, err := New(Config{BaseURL: url, Username: "AC1", Password: "token", RootCAs: roots, RequestTimeout: 5 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			defer c.CloseIdleConnections()
			u, err := fetchUser(context.Background(), c, "jing")
			if err != nil || *u.Sid != testUserSid {
				t.Fatalf("Get over TLS with %s: %v", variable, err)
			}
		})
	}
}
