# Registry readiness: generated docs, examples that are planned, release
# packaging and lint. Each tool is pinned in its own module under tools/ (so
# that none moves OpenTofu's dependencies in tools/go.mod) and built once
# into .bin/.
TFPLUGINDOCS  := $(BIN)/tfplugindocs

.PHONY: docs docs-check

$(TFPLUGINDOCS): tools/docs/go.mod tools/docs/go.sum
	cd tools/docs && GOBIN=$(BIN) go install github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs
	@touch $@

docs: build $(TOFU) $(TFPLUGINDOCS)
	./scripts/docs.sh generate

docs-check: build $(TOFU) $(TFPLUGINDOCS)
	./scripts/docs.sh check

TEST_EXTRA += docs-check

.PHONY: examples-check

# examples/wiring needs Twilio's official provider, which cannot be
# downloaded here: it is format-checked only (scripts/examples-check.sh says
# so when it runs).
examples-check: build $(EMULATOR) $(TOFU)
	./scripts/examples-check.sh

TEST_EXTRA += examples-check
