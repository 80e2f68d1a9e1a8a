// Command check holds the repository's GitHub configuration to what
// actionlint does not know: that .github/dependabot.yml covers every Go
// module and npm lock of the repository and the workflows' actions, and that
// the release workflow runs the goreleaser tools/release pins, which `make
// release-check` checks .goreleaser.yml with.
//
// Usage: go run ./check ROOT (ROOT is the repository's top directory).
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v4"
)

type dependabot struct {
	Version int `yaml:"version"`
	Updates []struct {
		Ecosystem   string   `yaml:"package-ecosystem"`
		Directory   string   `yaml:"directory"`
		Directories []string `yaml:"directories"`
		Schedule    struct {
			Interval string `yaml:"interval"`
		} `yaml:"schedule"`
	} `yaml:"updates"`
}

type workflow struct {
	Jobs map[string]struct {
		Steps []struct {
			Uses string            `yaml:"uses"`
			With map[string]string `yaml:"with"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: check ROOT")
		os.Exit(2)
	}
	problems, summary, err := check(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "workflows-check:", err)
		os.Exit(1)
	}
	for _, p := range problems {
		fmt.Fprintln(os.Stderr, "workflows-check:", p)
	}
	if len(problems) > 0 {
		os.Exit(1)
	}
	fmt.Println("workflows-check:", summary)
}

func check(root string) (problems []string, summary string, err error) {
	var config dependabot
	if err := readYAML(filepath.Join(root, ".github", "dependabot.yml"), &config); err != nil {
		return nil, "", err
	}
	if config.Version != 2 {
		problems = append(problems, fmt.Sprintf(".github/dependabot.yml: version is %d, want 2", config.Version))
	}
	covered := map[string][]string{}
	for i, u := range config.Updates {
		dirs := u.Directories
		if u.Directory != "" {
			dirs = append(dirs, u.Directory)
		}
		if u.Ecosystem == "" || len(dirs) == 0 || u.Schedule.Interval == "" {
			problems = append(problems, fmt.Sprintf(".github/dependabot.yml: update %d needs package-ecosystem, directory or directories, and schedule.interval", i+1))
		}
		for _, d := range dirs {
			covered[u.Ecosystem] = append(covered[u.Ecosystem], path.Clean("/"+d))
		}
	}

	manifests, err := findManifests(root)
	if err != nil {
		return nil, "", err
	}
	if _, err := os.Stat(filepath.Join(root, ".github", "workflows")); err == nil {
		manifests["github-actions"] = []string{"/"}
	}
	for _, eco := range []string{"gomod", "npm", "github-actions"} {
		for _, d := range manifests[eco] {
			if !slices.Contains(covered[eco], d) {
				problems = append(problems, fmt.Sprintf(".github/dependabot.yml: no %s update for %s", eco, d))
			}
		}
		for _, d := range covered[eco] {
			if !slices.Contains(manifests[eco], d) {
				problems = append(problems, fmt.Sprintf(".github/dependabot.yml: %s update for %s, which has no manifest", eco, d))
			}
		}
	}

	p, pinned, err := releaseGoreleaser(root)
	if err != nil {
		return nil, "", err
	}
	summary = fmt.Sprintf("dependabot.yml covers %d Go modules, %d npm locks and the workflows' actions; release.yml runs goreleaser %s",
		len(manifests["gomod"]), len(manifests["npm"]), pinned)
	return append(problems, p...), summary, nil
}

// findManifests: the directories holding a go.mod (gomod) or a
// package.json (npm), as dependabot names them ("/tools/docs"), outside
// hidden directories, .bin's installs and node_modules.
func findManifests(root string) (map[string][]string, error) {
	found := map[string][]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		rel, err := filepath.Rel(root, filepath.Dir(p))
		if err != nil {
			return err
		}
		dir := path.Clean("/" + filepath.ToSlash(rel))
		switch d.Name() {
		case "go.mod":
			found["gomod"] = append(found["gomod"], dir)
		case "package.json":
			found["npm"] = append(found["npm"], dir)
		}
		return nil
	})
	return found, err
}

var goreleaserRequire = regexp.MustCompile(`(?m)^\s*(?:require\s+)?github\.com/goreleaser/goreleaser/v2\s+(v\S+)`)

// releaseGoreleaser: the release workflow's goreleaser-action runs the
// version tools/release/go.mod requires, pinned.
func releaseGoreleaser(root string) (problems []string, pinned string, err error) {
	mod, err := os.ReadFile(filepath.Join(root, "tools", "release", "go.mod"))
	if err != nil {
		return nil, "", err
	}
	m := goreleaserRequire.FindSubmatch(mod)
	if m == nil {
		return nil, "", fmt.Errorf("tools/release/go.mod requires no github.com/goreleaser/goreleaser/v2")
	}
	pinned = string(m[1])
	var release workflow
	if err := readYAML(filepath.Join(root, ".github", "workflows", "release.yml"), &release); err != nil {
		return nil, "", err
	}
	steps := 0
	for name, job := range release.Jobs {
		for _, s := range job.Steps {
			if !strings.HasPrefix(s.Uses, "goreleaser/goreleaser-action@") {
				continue
			}
			steps++
			if v := s.With["version"]; v != pinned {
				problems = append(problems, fmt.Sprintf(".github/workflows/release.yml: job %s runs goreleaser %q, but tools/release/go.mod pins %s", name, v, pinned))
			}
		}
	}
	if steps == 0 {
		problems = append(problems, ".github/workflows/release.yml: no step uses goreleaser/goreleaser-action")
	}
	return problems, pinned, nil
}

func readYAML(file string, v any) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}
