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
examples-check: build $(EMULATOR) $(TOFU) $(TERRAFORM)
	./scripts/examples-check.sh

# A snapshot build would also package every platform; compiling them proves
# as much about the code in a fraction of the time, and `goreleaser check`
# covers the configuration. The size limit applies to a binary built as
# goreleaser builds it.
release-check: $(GORELEASER)
	$(GORELEASER) check
	@set -e; for p in $(RELEASE_PLATFORMS); do \
	  echo "go build $$p"; \
	  CGO_ENABLED=0 GOOS=$${p%/*} GOARCH=$${p#*/} go build -trimpath -ldflags "-s -w" -o /dev/null .; \
	done
	@set -e; out=$$(mktemp); trap 'rm -f "$$out"' EXIT; \
	  CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -trimpath -ldflags "-s -w" -o "$$out" .; \
	  size=$$(stat -c %s "$$out"); \
	  echo "linux/amd64 release binary: $$size bytes (limit $(RELEASE_MAX_BYTES))"; \
	  test "$$size" -le $(RELEASE_MAX_BYTES) || { echo "the release binary grew past $(RELEASE_MAX_BYTES) bytes" >&2; exit 1; }

lint: $(GOLANGCI_LINT)
	$(GOLANGCI_LINT) run ./...

TEST_EXTRA += docs-check examples-check release-check lint
