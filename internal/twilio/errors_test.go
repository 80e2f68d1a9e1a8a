package twilio

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestExcerpt_isShortValidUTF8(t *testing.T) {
	// An odd prefix makes the cut fall inside a two-byte rune.
	got := excerpt([]byte("a" + strings.Repeat("é", 300)))
	if !utf8.ValidString(got) || !strings.HasPrefix(got, "aéé") || len(got) > excerptLen+len("\uFFFD") {
		t.Fatalf("excerpt = %q (%d bytes)", got, len(got))
	}
}
