# Every tool the project builds or installs, each by one rule, into .bin/
# (git-ignored), reused by later runs. Go tools come from the Go module proxy,
# the rest from npm; nothing is downloaded from anywhere else.
#
# Each Go tool is pinned in its own module under tools/, so that none moves
# another's dependencies, except Terraform, which is built from its own
# go.mod by `go install ...@version` (the known-good way for v1.5.7). npm
# packages are installed by `npm ci` from a committed lock file, without
# install scripts. `make download` fetches all of it without building, so
# that CI can time the downloads apart from the builds.

TOFU          := $(BIN)/tofu
TERRAFORM     := $(BIN)/terraform
TFPLUGINDOCS  := $(BIN)/tfplugindocs
GORELEASER    := $(BIN)/goreleaser
GOLANGCI_LINT := $(BIN)/golangci-lint
PRISM_DIR     := $(BIN)/prism
PRISM         := $(PRISM_DIR)/node_modules/.bin/prism

# OpenTofu's version is the one tools/go.mod requires.
TOFU_VERSION      := $(shell sed -n 's|^require github.com/opentofu/opentofu ||p' tools/go.mod)
TERRAFORM_VERSION := v1.5.7
TERRAFORM_MODULE  := github.com/hashicorp/terraform

# Twilio's OpenAPI descriptions, from @twilio/cli-core on npm (MIT), pinned
# in tools/twilio-oai/. TWILIO_OAI_DIR, the directory holding the JSON files,
# is exported to every recipe: internal/contract reads the specs from there.
TWILIO_OAI_PKG := $(BIN)/twilio-oai
export TWILIO_OAI_DIR := $(TWILIO_OAI_PKG)/node_modules/@twilio/cli-core/src/services/twilio-api
TWILIO_OAI_FILES := twilio_chat_v2.json twilio_conversations_v1.json twilio_flex_v1.json twilio_taskrouter_v1.json twilio_serverless_v1.json twilio_studio_v2.json
TWILIO_OAI := $(TWILIO_OAI_DIR)/twilio_chat_v2.json

.PHONY: tools specs download

tools: $(TOFU) $(TERRAFORM) $(TFPLUGINDOCS) $(GORELEASER) $(GOLANGCI_LINT) $(PRISM) specs

specs: $(TWILIO_OAI)

$(TOFU): tools/go.mod tools/go.sum
	@echo "Building OpenTofu $(TOFU_VERSION) from the Go module proxy into .bin/ (first run only: about 8 minutes on 2 cores)..."
	cd tools && GOBIN=$(BIN) go install github.com/opentofu/opentofu/cmd/tofu
	@touch $@

# The stamp names the version, so that changing TERRAFORM_VERSION rebuilds.
$(TERRAFORM): $(BIN)/.terraform-$(TERRAFORM_VERSION)
	@echo "Building Terraform $(TERRAFORM_VERSION) from the Go module proxy into .bin/ (first run only: about 5 minutes on 2 cores)..."
	GOBIN=$(BIN) go install $(TERRAFORM_MODULE)@$(TERRAFORM_VERSION)
	@touch $@

$(BIN)/.terraform-$(TERRAFORM_VERSION):
	@mkdir -p $(BIN) && rm -f $(BIN)/.terraform-v* && touch $@

$(TFPLUGINDOCS): tools/docs/go.mod tools/docs/go.sum
	cd tools/docs && GOBIN=$(BIN) go install github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs
	@touch $@

$(GORELEASER): tools/release/go.mod tools/release/go.sum
	@echo "Building goreleaser from the Go module proxy into .bin/ (first run only: about 3 minutes on 2 cores)..."
	cd tools/release && GOBIN=$(BIN) go install github.com/goreleaser/goreleaser/v2
	@touch $@

$(GOLANGCI_LINT): tools/lint/go.mod tools/lint/go.sum
	@echo "Building golangci-lint from the Go module proxy into .bin/ (first run only: about 3 minutes on 2 cores)..."
	cd tools/lint && GOBIN=$(BIN) go install github.com/golangci/golangci-lint/v2/cmd/golangci-lint
	@touch $@

# npm ci DIR LOCKDIR: installs the lock file in LOCKDIR into DIR, afresh.
define npm_ci
	@command -v npm >/dev/null || { echo "this needs Node.js and npm (Debian: apt-get install nodejs npm)" >&2; exit 1; }
	rm -rf $(1)
	mkdir -p $(1)
	cp $(2)/package.json $(2)/package-lock.json $(1)/
	npm ci --prefix $(1) --ignore-scripts --no-audit --no-fund
endef

# Without install scripts: the one Prism's dependencies carry is telemetry.
# Prism 5.16 declares Node.js >= 24.18 but runs on Node.js 20, so npm's
# EBADENGINE warnings are expected.
$(PRISM): tools/prism/package.json tools/prism/package-lock.json
	$(call npm_ci,$(PRISM_DIR),tools/prism)
	@touch $@

# The lock file pins @twilio/cli-core's tarball alone (by its integrity),
# without the package's dependencies: only its JSON files are used.
$(TWILIO_OAI): tools/twilio-oai/package.json tools/twilio-oai/package-lock.json
	$(call npm_ci,$(TWILIO_OAI_PKG),tools/twilio-oai)
	@for f in $(TWILIO_OAI_FILES); do \
	  test -s $(TWILIO_OAI_DIR)/$$f || { echo "@twilio/cli-core has no $$f under $(TWILIO_OAI_DIR)" >&2; exit 1; }; done
	@touch $@

# Downloads what every rule above builds from, and builds nothing but the
# npm installs. Terraform is not a module of ours: its own go.mod, once
# downloaded, lists what it needs.
download: $(PRISM) $(TWILIO_OAI)
	go mod download
	@set -e; for m in tools tools/docs tools/lint tools/release; do echo "cd $$m && go mod download"; (cd $$m && go mod download); done
	go mod download $(TERRAFORM_MODULE)@$(TERRAFORM_VERSION)
	cd "$$(go env GOMODCACHE)/$(TERRAFORM_MODULE)@$(TERRAFORM_VERSION)" && go mod download
