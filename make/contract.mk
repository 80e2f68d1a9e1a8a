# Contract tests against Twilio's own OpenAPI descriptions of Chat v2 and
# Conversations v1, from @twilio/cli-core (make specs, make/tools.mk):
# - the TestAccContract* acceptance tests, on OpenTofu and on Terraform,
#   against Prism (npm, pinned in tools/prism/) mocking those descriptions,
#   one Prism for each;
# - internal/contract, which validates the emulator's answers and the
#   client's requests against it (also part of every `go test ./...`).
# A missing description fails, naming its path; it never skips.

.PHONY: contract contract-run

contract: $(PRISM) $(TOFU) $(TERRAFORM) specs
	go test $(GOTESTFLAGS) -count=1 ./internal/contract/
	./scripts/with-prism.sh $(PRISM) $(TWILIO_OAI) $(TWILIO_OAI_DIR)/twilio_conversations_v1.json -- $(MAKE) --no-print-directory contract-run

# The acceptance half, once Prism runs: `make contract` sets
# TWILIO_CONTRACT_ENDPOINT (Chat) and TWILIO_CONTRACT_CONVERSATIONS_ENDPOINT
# for it.
contract-run:
	@test -n "$$TWILIO_CONTRACT_ENDPOINT" || { echo "contract-run needs TWILIO_CONTRACT_ENDPOINT: run make contract" >&2; exit 1; }
	@test -n "$$TWILIO_CONTRACT_CONVERSATIONS_ENDPOINT" || { echo "contract-run needs TWILIO_CONTRACT_CONVERSATIONS_ENDPOINT: run make contract" >&2; exit 1; }
	./scripts/testacc.sh $(TOFU) -count=1 -v -run '^TestAccContract' ./internal/provider/
	./scripts/testacc.sh $(TERRAFORM) -count=1 -v -run '^TestAccContract' ./internal/provider/

TEST_EXTRA += contract
