# Registry readiness: generated docs, examples that are planned, release
# packaging and lint, all part of `make test`. The tools are built by
# make/tools.mk.

# Every platform .goreleaser.yml builds (darwin/arm is no Go port).
RELEASE_PLATFORMS_ALL := freebsd/amd64 freebsd/386 freebsd/arm freebsd/arm64 \
	windows/amd64 windows/386 windows/arm64 \
	linux/amd64 linux/386 linux/arm linux/arm64 \
	darwin/amd64 darwin/arm64
# Each OS and each architecture once: cold, on 2 cores, a platform costs
# about 35 s, so all 13 take 7 minutes and these 4 about 2. RELEASE_ALL=1
# builds all 13.
RELEASE_PLATFORMS := $(if $(RELEASE_ALL),$(RELEASE_PLATFORMS_ALL),linux/amd64 windows/386 darwin/arm64 freebsd/arm)
RELEASE_MAX_BYTES := 30000000

.PHONY: docs docs-check examples-check release-check lint

docs: build $(TOFU) $(TFPLUGINDOCS)
	./scripts/docs.sh generate

docs-check: build $(TOFU) $(TFPLUGINDOCS)
	./scripts/docs.sh check

# examples/wiring needs Twilio's official provider, which cannot be
# downloaded here: it is format-checked only (scripts/examples-check.sh says
# so when it runs).
examples-check: build $(EMULATOR) $(PINNED_CLIS)
	./scripts/examples-check.sh $(PINNED_CLIS)

# `goreleaser check` covers the configuration; a snapshot build of
# linux/amd64 by goreleaser itself, with .goreleaser.yml's flags and ldflags,
# proves the build: its binary must hold the version goreleaser set in
# main.version and stay under the size limit. The other platforms are
# compiled only, since packaging all 13 would cost minutes and prove little
# more. `go version -m` cannot show the version: under -trimpath Go records
# no -ldflags (go.dev/issue/52372), so the binary itself is searched.
release-check: $(GORELEASER)
	$(GORELEASER) check
	@set -e; for p in $(filter-out linux/amd64,$(RELEASE_PLATFORMS)); do \
	  echo "go build $$p"; \
	  CGO_ENABLED=0 GOOS=$${p%/*} GOARCH=$${p#*/} go build -trimpath -ldflags "-s -w" -o /dev/null .; \
	done
	@set -e; out=$$(mktemp -d); trap 'rm -rf "$$out"' EXIT; \
	  echo "goreleaser build --snapshot --single-target (linux/amd64)"; \
	  GOOS=linux GOARCH=amd64 $(GORELEASER) build --snapshot --single-target --clean --output "$$out/provider"; \
	  version=$$(sed -n 's/.*"version":"\([^"]*\)".*/\1/p' dist/metadata.json); \
	  test -n "$$version" || { echo "goreleaser wrote no version to dist/metadata.json" >&2; exit 1; }; \
	  grep -qaF "$$version" "$$out/provider" || { echo "the release binary does not hold its version $$version: .goreleaser.yml's ldflags must set main.version" >&2; exit 1; }; \
	  echo "linux/amd64 release binary: main.version $$version"; \
	  size=$$(stat -c %s "$$out/provider"); \
	  echo "linux/amd64 release binary: $$size bytes (limit $(RELEASE_MAX_BYTES))"; \
	  test "$$size" -le $(RELEASE_MAX_BYTES) || { echo "the release binary grew past $(RELEASE_MAX_BYTES) bytes" >&2; exit 1; }

lint: $(GOLANGCI_LINT)
	$(GOLANGCI_LINT) run ./...

TEST_EXTRA += docs-check examples-check release-check lint
