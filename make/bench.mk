# make bench: the provider at Terraform scale on a real CLI (bench/): N
# twilio_chat_user reads, then twilio_chat_users over 300 and 10,000 users
# (BENCH_BULK=false skips those), and 20 twilio_chat_role lookups by name
# (BENCH_LOOKUPS=false skips them; BENCH_BEFORE=path/to/provider measures an
# older build beside them); plus the Go benchmarks of the client and the
# mapping; writes BENCHMARKS.md. BENCH_N=none BENCH_BULK=false runs the
# lookups alone, into BENCH_OUT.
BENCH_N    ?= 100,300,1000
BENCH_BULK ?= true
BENCH_LOOKUPS ?= true
BENCH_BEFORE  ?=
BENCH_OUT  ?= BENCHMARKS.md
BENCH_RUNS ?= 3
BENCH_CLI  ?= $(TOFU)

.PHONY: bench
bench: $(TOFU)
	go build -trimpath -ldflags "-s -w" -o $(PROVIDER) .
	go build -o $(BIN)/bench ./bench
	go test -run '^$$' -bench . -benchmem -count 1 ./internal/chat ./internal/provider | grep -E '^(Benchmark|goos|goarch|cpu)' | sort -u > $(BIN)/gobench.txt
	$(BIN)/bench -cli $(BENCH_CLI) -provider $(PROVIDER) -n $(BENCH_N) -bulk=$(BENCH_BULK) -lookups=$(BENCH_LOOKUPS) -before "$(BENCH_BEFORE)" -runs $(BENCH_RUNS) -gobench $(BIN)/gobench.txt -out $(BENCH_OUT)
