package provider

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/seed-29301ef8/terraform-provider-twilio/internal/emulator"
)

// Helpers of the acceptance tests of roles and bulk users, kept apart from
// acc_helpers_test.go.

// startBareEmulator serves an emulator on loopback for one test with
// testServiceSid declared and empty, so that the sequence numbers in its
// page tokens are those of the objects the test stores, in order.
func startBareEmulator(t *testing.T) *emulator.Server {
	t.Helper()
	emu := emulator.New(emulator.Credentials{AccountSid: testAccountSid, AuthToken: testAuthToken})
	if _, err := emu.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(emu.Close)
	emu.AddService(testServiceSid)
	return emu
}

// seen renders a request as "status route path?query", for comparisons
// whose failure shows everything the emulator saw.
func seen(r emulator.Request) string {
	return fmt.Sprintf("%d %s %s?%s", r.Status, r.Route, r.EscapedPath, r.RawQuery)
}

// seenAll renders every request the emulator saw.
func seenAll(emu *emulator.Server) []string {
	var out []string
	for _, r := range emu.Requests() {
		out = append(out, seen(r))
	}
	return out
}

// expectReads checks that the emulator saw exactly the requests of one read
// (want, as seen renders them), as many times as the CLI read the data
// sources in a test step (at least once): a step plans, applies and plans
// again. unordered compares each read's requests as a set, for requests
// sent concurrently.
func expectReads(t *testing.T, emu *emulator.Server, unordered bool, want ...string) {
	t.Helper()
	expectReadsOf(t, seenAll(emu), unordered, want...)
}

// expectFirstReadThenReads is expectReads for a step whose first read
// differs from the later ones (a fault answered in it): first, then want
// at least once.
func expectFirstReadThenReads(t *testing.T, emu *emulator.Server, first []string, want ...string) {
	t.Helper()
	got := seenAll(emu)
	if len(got) < len(first) || !slices.Equal(got[:len(first)], first) {
		t.Fatalf("first read: emulator saw\n%s\nwant it to start with\n%s", strings.Join(got, "\n"), strings.Join(first, "\n"))
	}
	expectReadsOf(t, got[len(first):], false, want...)
}

func expectReadsOf(t *testing.T, got []string, unordered bool, want ...string) {
	t.Helper()
	if len(want) == 0 {
		if len(got) != 0 {
			t.Fatalf("emulator saw %d requests, want none:\n%s", len(got), strings.Join(got, "\n"))
		}
		return
	}
	if len(got) == 0 || len(got)%len(want) != 0 {
		t.Fatalf("emulator saw %d requests, want a multiple of %d (%s):\n%s", len(got), len(want), strings.Join(want, "; "), strings.Join(got, "\n"))
	}
	sortedWant := slices.Sorted(slices.Values(want))
	for start := 0; start < len(got); start += len(want) {
		read := got[start : start+len(want)]
		match := slices.Equal(read, want)
		if unordered {
			match = slices.Equal(slices.Sorted(slices.Values(read)), sortedWant)
		}
		if !match {
			t.Fatalf("read %d: emulator saw\n%s\nwant\n%s", start/len(want)+1, strings.Join(read, "\n"), strings.Join(want, "\n"))
		}
	}
}

// expectSecondPageRetried checks that the first read got a 503 for the
// second page of a list, asked for it again and read on as read; the later
// reads as read.
func expectSecondPageRetried(t *testing.T, emu *emulator.Server, read []string) {
	t.Helper()
	first := append([]string{read[0], withStatus(503, read[1])}, read[1:]...)
	expectFirstReadThenReads(t, emu, first, read...)
}

// withStatus is a request as seen renders it, answered with status instead.
func withStatus(status int, request string) string {
	_, rest, _ := strings.Cut(request, " ")
	return fmt.Sprintf("%d %s", status, rest)
}

// listRead is the requests of one read of a whole list on route at path:
// the first page of askedSize, then the pages the emulator served of size
// items, the one after the first after the item whose seq is lastSeqs[0],
// and so on.
func listRead(route emulator.RouteName, path string, askedSize, size int, lastSeqs ...uint64) []string {
	read := []string{fmt.Sprintf("200 %s %s?PageSize=%d", route, path, askedSize)}
	for i, seq := range lastSeqs {
		read = append(read, fmt.Sprintf("200 %s %s?%s", route, path, nextPageQuery(size, i+1, seq)))
	}
	return read
}

// nextPageQuery is the query of page page (0-based) of a list served page by
// page of size items, after the item stored with seq lastSeq: the query of
// the emulator's next_page_url, which the provider must send as it is.
func nextPageQuery(size, page int, lastSeq uint64) string {
	return fmt.Sprintf("PageSize=%d&Page=%d&PageToken=PT%d", size, page, lastSeq)
}
