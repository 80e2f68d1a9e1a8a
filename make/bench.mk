# make bench: the provider at Terraform scale on a real CLI (bench/): N
# twilio_chat_user reads, then twilio_chat_users over 300 and 10,000 users
# (BENCH_BULK=false skips those), then a plan under an account concurrency
# limit (BENCH_CONCURRENCY=false skips it), then 20 twilio_chat_role
# lookups by name (BENCH_LOOKUPS=false skips them; BENCH_BEFORE=path/to/
# provider measures an older build beside them), then a Flex-shaped
# TaskRouter plan (BENCH_TASKROUTER=false skips it); plus the Go benchmarks
# of the client and the mapping; writes BENCHMARKS.md. BENCH_ONLY=concurrency,
# BENCH_ONLY=lookups or BENCH_ONLY=taskrouter measures only that section and
# rewrites only it.
BENCH_N    ?= 100,300,1000
BENCH_BULK ?= true
BENCH_RUNS ?= 3
BENCH_CLI  ?= $(TOFU)
BENCH_CONCURRENCY ?= true
BENCH_ONLY ?=
BENCH_LOOKUPS ?= true
BENCH_BEFORE ?=
BENCH_TASKROUTER ?= true

.PHONY: bench
bench: $(TOFU)
	go build -trimpath -ldflags "-s -w" -o $(PROVIDER) .
	go build -o $(BIN)/bench ./bench
ifeq ($(BENCH_ONLY),concurrency)
	$(BIN)/bench -cli $(BENCH_CLI) -provider $(PROVIDER) -runs $(BENCH_RUNS) -only-concurrency -out BENCHMARKS.md
else ifeq ($(BENCH_ONLY),lookups)
	$(BIN)/bench -cli $(BENCH_CLI) -provider $(PROVIDER) -before "$(BENCH_BEFORE)" -runs $(BENCH_RUNS) -only-lookups -out BENCHMARKS.md
else ifeq ($(BENCH_ONLY),taskrouter)
	$(BIN)/bench -cli $(BENCH_CLI) -provider $(PROVIDER) -runs $(BENCH_RUNS) -only-taskrouter -out BENCHMARKS.md
else
	go test -run '^$$' -bench . -benchmem -count 1 ./internal/twilio/chat ./internal/provider/... | grep -E '^(Benchmark|goos|goarch|cpu)' | sort -u > $(BIN)/gobench.txt
	$(BIN)/bench -cli $(BENCH_CLI) -provider $(PROVIDER) -n $(BENCH_N) -bulk=$(BENCH_BULK) -runs $(BENCH_RUNS) -concurrency=$(BENCH_CONCURRENCY) -lookups=$(BENCH_LOOKUPS) -taskrouter=$(BENCH_TASKROUTER) -before "$(BENCH_BEFORE)" -gobench $(BIN)/gobench.txt -out BENCHMARKS.md
endif
