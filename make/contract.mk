# Contract tests against Twilio's own OpenAPI descriptions of the APIs the
# emulator serves (TWILIO_OAI_FILES), from @twilio/cli-core (make specs,
# make/tools.mk):
# - the TestAccContract* acceptance tests, on each pinned CLI,
#   against Prism (npm, pinned in tools/prism/) mocking those descriptions,
#   one Prism for each;
# - internal/contract, which validates the emulator's answers and the
#   client's requests against it (also part of every `go test ./...`).
# A missing description fails, naming its path; it never skips.

.PHONY: contract contract-run

contract: $(PRISM) $(PINNED_CLIS) specs
	go test $(GOTESTFLAGS) -count=1 ./internal/contract/
	./scripts/with-prism.sh $(PRISM) $(addprefix $(TWILIO_OAI_DIR)/,$(TWILIO_OAI_FILES)) -- $(MAKE) --no-print-directory contract-run

# The acceptance half, once Prism runs: `make contract` sets
# TWILIO_CONTRACT_ENDPOINT (Chat) and TWILIO_CONTRACT_<API>_ENDPOINT for
# Conversations, Flex, TaskRouter, Serverless and Studio for it
# (scripts/with-prism.sh); a missing one would skip its tests silently.
contract-run:
	@for v in TWILIO_CONTRACT_ENDPOINT TWILIO_CONTRACT_CONVERSATIONS_ENDPOINT TWILIO_CONTRACT_FLEX_ENDPOINT \
	  TWILIO_CONTRACT_TASKROUTER_ENDPOINT TWILIO_CONTRACT_SERVERLESS_ENDPOINT TWILIO_CONTRACT_STUDIO_ENDPOINT; do \
	  test -n "$${!v}" || { echo "contract-run needs $$v: run make contract" >&2; exit 1; }; done
	@set -e; for cli in $(PINNED_CLIS); do \
	  echo "./scripts/testacc.sh $$cli -count=1 -v -run '^TestAccContract' ./internal/provider/"; \
	  ./scripts/testacc.sh $$cli -count=1 -v -run '^TestAccContract' ./internal/provider/; done

TEST_EXTRA += contract

# The whole acceptance suite with the contract tests included, on any CLI
# (TF as for testacc): .ci/run uses it for the terraform found on PATH.
.PHONY: testacc-with-contract
testacc-with-contract: $(PRISM) specs
	./scripts/with-prism.sh $(PRISM) $(addprefix $(TWILIO_OAI_DIR)/,$(TWILIO_OAI_FILES)) -- $(MAKE) --no-print-directory testacc TF='$(ACC_TF)'
