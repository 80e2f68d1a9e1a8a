package contract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestSpecFile_missingNamesThePathAndMakeSpecs(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(SpecDirEnv, dir)
	_, err := SpecFile(ChatV2)
	if err == nil {
		t.Fatal("SpecFile found a spec in an empty directory")
	}
	for _, want := range []string{filepath.Join(dir, ChatV2), "make specs", SpecDirEnv} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error %q does not name %q", err, want)
		}
	}
}

// The specs come from @twilio/cli-core; ../shared/twilio-oai/, beside the
// repository where it exists, holds the copies they were checked against.
// Both must be the same document, but for info.x-twilio, which only the
// shared copies carry.
func TestSpecFile_packageEqualsTheSharedReference(t *testing.T) {
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	shared := filepath.Join(filepath.Dir(root), "shared", "twilio-oai")
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("no reference copies beside the repository to compare with: %v", err)
	}
	for _, name := range []string{ChatV2, ConversationsV1, FlexV1, TaskRouterV1, ServerlessV1, StudioV2} {
		t.Run(name, func(t *testing.T) {
			file, err := SpecFile(name)
			if err != nil {
				t.Fatal(err)
			}
			got, want := withoutXTwilio(t, file), withoutXTwilio(t, filepath.Join(shared, name))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s differs from %s beyond info.x-twilio", file, filepath.Join(shared, name))
			}
		})
	}
}

func withoutXTwilio(t *testing.T, file string) map[string]any {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if info, ok := doc["info"].(map[string]any); ok {
		delete(info, "x-twilio")
	}
	return doc
}
