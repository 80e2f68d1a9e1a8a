package twilio

import (
	"crypto/x509"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// linuxBundles are the system CA bundles Go itself looks for on Linux.
var linuxBundles = []string{
	"/etc/ssl/certs/ca-certificates.crt",
	"/etc/pki/tls/certs/ca-bundle.crt",
	"/etc/ssl/ca-bundle.pem",
	"/etc/pki/tls/cacert.pem",
	"/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
	"/etc/ssl/cert.pem",
}

// trustedRoots returns nil (Go's system roots) unless SSL_CERT_FILE or
// SSL_CERT_DIR is set. Go on Linux then reads those instead of the system
// bundle, which would make a corporate proxy's CA the only root; users set
// them to add a root, so the system bundle is put back beside them.
func trustedRoots(getenv func(string) string) *x509.CertPool {
	file, dirs := getenv("SSL_CERT_FILE"), getenv("SSL_CERT_DIR")
	if file == "" && dirs == "" {
		return nil
	}
	pool, err := x509.SystemCertPool()
	if err != nil {
		pool = x509.NewCertPool()
	}
	var paths []string
	if file != "" {
		paths = append(paths, file)
	}
	for _, dir := range strings.Split(dirs, string(os.PathListSeparator)) {
		if dir == "" {
			continue
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if !e.IsDir() {
				paths = append(paths, filepath.Join(dir, e.Name()))
			}
		}
	}
	if runtime.GOOS == "linux" {
		paths = append(paths, linuxBundles...)
	}
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			pool.AppendCertsFromPEM(data)
		}
	}
	return pool
}
