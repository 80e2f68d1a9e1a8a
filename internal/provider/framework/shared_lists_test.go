package framework

import (
	"context"
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestSharedRead_oneReadForConcurrentLookups(t *testing.T) {
	var s sharedLists
	var reads atomic.Int32
	release := make(chan struct{})
	read := func(context.Context) ([]string, error) {
		if reads.Add(1) > 2 {
			return nil, errors.New("read more than twice")
		}
		<-release
		return []string{"admin", "member"}, nil
	}
	var wg sync.WaitGroup
	results := make([][]string, 20)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			items, err := sharedRead(context.Background(), &s, "roles of IS1", read)
			if err != nil {
				t.Error(err)
			}
			results[i] = items
		}()
	}
	time.Sleep(20 * time.Millisecond)
	close(release)
	wg.Wait()
	if reads.Load() != 1 {
		t.Fatalf("%d reads, want 1", reads.Load())
	}
	for i, r := range results {
		if len(r) != 2 || r[1] != "member" {
			t.Errorf("lookup %d got %v", i, r)
		}
	}
	// Read again later: still the one read.
	if items, err := sharedRead(context.Background(), &s, "roles of IS1", read); err != nil || !slices.Equal(items, []string{"admin", "member"}) || reads.Load() != 1 {
		t.Fatalf("later lookup: %v %v, %d reads", items, err, reads.Load())
	}
	// Another list is another read.
	if items, err := sharedRead(context.Background(), &s, "roles of IS2", read); err != nil || !slices.Equal(items, []string{"admin", "member"}) || reads.Load() != 2 {
		t.Fatalf("another list: %v %v, %d reads, want 2", items, err, reads.Load())
	}
}

func TestSharedRead_aFailedReadIsNotKept(t *testing.T) {
	var s sharedLists
	failure := errors.New("HTTP 500")
	calls := 0
	read := func(context.Context) ([]string, error) {
		calls++
		if calls == 1 {
			return nil, failure
		}
		return []string{"admin"}, nil
	}
	if _, err := sharedRead(context.Background(), &s, "k", read); !errors.Is(err, failure) {
		t.Fatalf("first: %v", err)
	}
	if items, err := sharedRead(context.Background(), &s, "k", read); err != nil || len(items) != 1 || calls != 2 {
		t.Fatalf("second: %v %v after %d calls", items, err, calls)
	}
}

func TestSharedRead_waitersShareAFailureButNotTheReadersDeadline(t *testing.T) {
	twilioFailure := errors.New("HTTP 500")
	for _, tc := range []struct {
		name      string
		failure   error
		wantReads int32
		wantErr   error
		wantItems []string
	}{
		{"Twilio's error is everyone's", twilioFailure, 1, twilioFailure, nil},
		{"the reader's deadline is its own", context.DeadlineExceeded, 2, nil, []string{"admin"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var s sharedLists
			var reads atomic.Int32
			started := make(chan struct{})
			release := make(chan struct{})
			read := func(context.Context) ([]string, error) {
				if reads.Add(1) == 1 {
					close(started)
					<-release
					return nil, tc.failure
				}
				return []string{"admin"}, nil
			}
			readerDone := make(chan error)
			go func() {
				_, err := sharedRead(context.Background(), &s, "k", read)
				readerDone <- err
			}()
			<-started
			type result struct {
				items []string
				err   error
			}
			done := make(chan result)
			go func() {
				items, err := sharedRead(context.Background(), &s, "k", read)
				done <- result{items, err}
			}()
			time.Sleep(20 * time.Millisecond)
			close(release)
			if err := <-readerDone; !errors.Is(err, tc.failure) {
				t.Fatalf("reader got %v, want %v", err, tc.failure)
			}
			got := <-done
			if reads.Load() != tc.wantReads || !slices.Equal(got.items, tc.wantItems) {
				t.Fatalf("waiter got %v after %d reads, want %v after %d", got.items, reads.Load(), tc.wantItems, tc.wantReads)
			}
			if tc.wantErr == nil && got.err != nil || !errors.Is(got.err, tc.wantErr) {
				t.Fatalf("waiter got error %v, want %v", got.err, tc.wantErr)
			}
		})
	}
}

func TestSharedRead_aWaiterStopsOnItsOwnContext(t *testing.T) {
	var s sharedLists
	release := make(chan struct{})
	defer close(release)
	started := make(chan struct{})
	go func() {
		_, _ = sharedRead(context.Background(), &s, "k", func(context.Context) ([]string, error) {
			close(started)
			<-release
			return nil, nil
		})
	}()
	<-started
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if _, err := sharedRead(ctx, &s, "k", func(context.Context) ([]string, error) { t.Error("read twice"); return nil, nil }); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
}
