# Every tool the project builds or installs, each by one rule, into .bin/
# (git-ignored), reused by later runs. Go tools come from the Go module proxy,
# the rest from npm; nothing is downloaded from anywhere else.
#
# Each Go tool is pinned in its own module under tools/, so that none moves
# another's dependencies, except Terraform, which is built from its own
# go.mod by `go install ...@version` (the known-good way for v1.5.7 and
# v1.8.5). npm packages are installed by `npm ci` from a committed lock file,
# without install scripts. `make download` fetches all of it without
# building, so that CI can time the downloads apart from the builds.

TOFU          := $(BIN)/tofu
TERRAFORM     := $(BIN)/terraform
TFPLUGINDOCS  := $(BIN)/tfplugindocs
GORELEASER    := $(BIN)/goreleaser
GOLANGCI_LINT := $(BIN)/golangci-lint
ACTIONLINT    := $(BIN)/actionlint
PRISM_DIR     := $(BIN)/prism
PRISM         := $(PRISM_DIR)/node_modules/.bin/prism

# OpenTofu's version is the one tools/go.mod requires.
TOFU_VERSION      := $(shell sed -n 's|^require github.com/opentofu/opentofu ||p' tools/go.mod)
# Terraform twice: the oldest version supported, as .bin/terraform, and the
# newest the Go module proxy can build, as .bin/terraform-1.8.5 (from v1.9 on,
# Terraform's go.mod replaces modules by local paths, which `go install
# ...@version` refuses). .ci/run reads both.
TERRAFORM_VERSION        := v1.5.7
TERRAFORM_NEWEST_VERSION := v1.8.5
TERRAFORM_NEWEST         := $(BIN)/terraform-$(TERRAFORM_NEWEST_VERSION:v%=%)
TERRAFORM_MODULE         := github.com/hashicorp/terraform
# The CLIs `make test` runs the acceptance suite, the contract tests and the
# examples on.
PINNED_CLIS := $(TOFU) $(TERRAFORM) $(TERRAFORM_NEWEST)

# Twilio's OpenAPI descriptions, from @twilio/cli-core on npm (MIT), pinned
# in tools/twilio-oai/. TWILIO_OAI_DIR, the directory holding the JSON files,
# is exported to every recipe: internal/contract reads the specs from there.
TWILIO_OAI_PKG := $(BIN)/twilio-oai
export TWILIO_OAI_DIR := $(TWILIO_OAI_PKG)/node_modules/@twilio/cli-core/src/services/twilio-api
TWILIO_OAI_FILES := twilio_chat_v2.json twilio_conversations_v1.json twilio_flex_v1.json twilio_taskrouter_v1.json twilio_serverless_v1.json twilio_studio_v2.json
TWILIO_OAI := $(TWILIO_OAI_DIR)/twilio_chat_v2.json

.PHONY: tools specs download

tools: $(TOFU) $(TERRAFORM) $(TERRAFORM_NEWEST) $(TFPLUGINDOCS) $(GORELEASER) $(GOLANGCI_LINT) $(ACTIONLINT) $(PRISM) specs

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

# GOBIN names the binary terraform: it is installed apart, then renamed, so
# that it does not replace .bin/terraform. Its name holds the version, so a
# new version is a new file. From v1.6 on, Terraform calls itself X.Y.Z-dev
# unless built as its releases are, with version.dev=no.
$(TERRAFORM_NEWEST):
	@echo "Building Terraform $(TERRAFORM_NEWEST_VERSION) from the Go module proxy into .bin/ (first run only: about 6 minutes on 2 cores)..."
	rm -rf $@.d
	GOBIN=$@.d go install -ldflags '-X $(TERRAFORM_MODULE)/version.dev=no' $(TERRAFORM_MODULE)@$(TERRAFORM_NEWEST_VERSION)
	mv $@.d/terraform $@
	rmdir $@.d

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

$(ACTIONLINT): tools/workflows/go.mod tools/workflows/go.sum
	cd tools/workflows && GOBIN=$(BIN) go install github.com/rhysd/actionlint/cmd/actionlint
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
# npm installs. Terraform is not a module of ours: each version's own go.mod,
# once downloaded, lists what it needs.
download: $(PRISM) $(TWILIO_OAI)
	go mod download
	@set -e; for m in tools tools/docs tools/lint tools/release tools/workflows; do echo "cd $$m && go mod download"; (cd $$m && go mod download); done
	@set -e; for v in $(TERRAFORM_VERSION) $(TERRAFORM_NEWEST_VERSION); do \
	  echo "go mod download $(TERRAFORM_MODULE)@$$v, then its modules"; \
	  go mod download $(TERRAFORM_MODULE)@$$v; \
	  (cd "$$(go env GOMODCACHE)/$(TERRAFORM_MODULE)@$$v" && go mod download); done
