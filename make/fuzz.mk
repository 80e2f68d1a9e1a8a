# Fuzz targets: `make test` runs each briefly; `make fuzz` runs them longer
# (FUZZTIME=10m make fuzz). Inputs that fail are written to testdata/fuzz/
# and replayed by every plain `go test` from then on.
FUZZTIME ?= 2m
FUZZ_SHORT ?= 10s
FUZZ_TARGETS := internal/chat:FuzzUserRequest internal/chat:FuzzDecodeUser internal/provider:FuzzDecodeAndFlatten

.PHONY: fuzz fuzz-short
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
	  go test -run '^$$' -fuzz "^$${t#*:}$$" -fuzztime $(FUZZTIME) ./$${t%%:*}; done

fuzz-short:
	@set -e; for t in $(FUZZ_TARGETS); do \
	  go test -run '^$$' -fuzz "^$${t#*:}$$" -fuzztime $(FUZZ_SHORT) ./$${t%%:*}; done

TEST_EXTRA += fuzz-short
