# Fuzz targets: `make test` runs each briefly; `make fuzz` runs them longer
# (FUZZTIME=10m make fuzz). Inputs that fail are written to the package's
# testdata/fuzz/<target>/ and replayed by every plain `go test` from then on.
FUZZTIME ?= 2m
FUZZ_SHORT ?= 10s
# Go minimizes every new interesting input for up to a minute by default,
# during which the request-path target (then FuzzUserRequest, now
# FuzzRequestPath) ran almost nothing else (9 thousand execs in a minute
# instead of a quarter of a million in 30 s).
FUZZ_MINIMIZE ?= 2s
FUZZ_TARGETS := internal/twilio:FuzzRequestPath internal/twilio:FuzzPageQuery internal/twilio/chat:FuzzDecodeUser internal/provider/chat:FuzzDecodeAndFlatten internal/provider/flex:FuzzDecodeAndFlattenConfiguration

.PHONY: fuzz fuzz-short
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
	  go test -run '^$$' -fuzz "^$${t#*:}$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZ_MINIMIZE) ./$${t%%:*}; done

fuzz-short:
	@set -e; for t in $(FUZZ_TARGETS); do \
	  go test -run '^$$' -fuzz "^$${t#*:}$$" -fuzztime $(FUZZ_SHORT) -fuzzminimizetime $(FUZZ_MINIMIZE) ./$${t%%:*}; done

TEST_EXTRA += fuzz-short
