# Contract tests against Twilio's own OpenAPI description of Chat v2, read
# from ../shared/twilio-oai/ beside the repository:
# - the TestAccContract* acceptance tests, on OpenTofu and on Terraform,
#   against Prism (npm, pinned in tools/prism/) mocking that description;
# - internal/contract, which validates the emulator's answers and the
#   client's requests against it (also part of every `go test ./...`).
PRISM_DIR  := $(BIN)/prism
PRISM      := $(PRISM_DIR)/node_modules/.bin/prism
TWILIO_OAI := $(abspath $(CURDIR)/../shared/twilio-oai/twilio_chat_v2.json)

.PHONY: contract contract-run

# Installed from the committed lock file only, without install scripts (the
# one Prism's dependencies carry is telemetry). Prism 5.16 declares Node.js
# >= 24.18 but runs on the machine's Node.js 20, so npm's EBADENGINE warnings
# are expected.
$(PRISM): tools/prism/package.json tools/prism/package-lock.json
	@command -v npm >/dev/null || { echo "make contract needs Node.js and npm (Debian: apt-get install nodejs npm)" >&2; exit 1; }
	rm -rf $(PRISM_DIR)
	mkdir -p $(PRISM_DIR)
	cp tools/prism/package.json tools/prism/package-lock.json $(PRISM_DIR)/
	npm ci --prefix $(PRISM_DIR) --ignore-scripts --no-audit --no-fund
	@touch $@

ifeq ($(wildcard $(TWILIO_OAI)),)
contract:
	@echo "make contract: skipped: Twilio's OpenAPI description is not at $(TWILIO_OAI)"
else
contract: $(PRISM) $(TOFU) $(TERRAFORM)
	go test $(GOTESTFLAGS) -count=1 ./internal/contract/
	./scripts/with-prism.sh $(PRISM) $(TWILIO_OAI) $(MAKE) --no-print-directory contract-run
endif

# The acceptance half, once Prism runs: `make contract` sets
# TWILIO_CONTRACT_ENDPOINT for it.
contract-run:
	@test -n "$$TWILIO_CONTRACT_ENDPOINT" || { echo "contract-run needs TWILIO_CONTRACT_ENDPOINT: run make contract" >&2; exit 1; }
	$(ACC_ENV_tofu) go test -count=1 -v -run '^TestAccContract' ./internal/provider/
	$(ACC_ENV_terraform) go test -count=1 -v -run '^TestAccContract' ./internal/provider/

TEST_EXTRA += contract
