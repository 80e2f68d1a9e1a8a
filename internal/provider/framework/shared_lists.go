package framework

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// sharedLists are the lists that lookups by name have read. A provider
// process serves one CLI command: twenty lookups by name on one service's
// roles read its list once, not twenty times. One sharedLists belongs to
// one configured provider, so one set of endpoints and credentials; a
// list is keyed by its API and path. Reads by sid and user lists never go
// through it: a list's answer is not always a fetch's (users' is_online).
type sharedLists struct {
	mu    sync.Mutex
	lists map[string]*sharedList
}

// sharedList is one list, read or being read.
type sharedList struct {
	done  chan struct{}
	items any // a []T
	err   error
}

// sharedRead is the list at key, read by read the first time it is asked
// for. Lookups asking while it is read wait for that read (as long as
// their own context lets them). A failed read is not kept: the next lookup
// reads again, and so do those waiting when the read stopped on its own
// reader's deadline or cancellation, which are not theirs.
func sharedRead[T any](ctx context.Context, s *sharedLists, key string, read func(context.Context) ([]T, error)) ([]T, error) {
	if s == nil {
		return read(ctx)
	}
	for {
		s.mu.Lock()
		l := s.lists[key]
		if l == nil {
			l = &sharedList{done: make(chan struct{})}
			if s.lists == nil {
				s.lists = map[string]*sharedList{}
			}
			s.lists[key] = l
			s.mu.Unlock()
			items, err := read(ctx)
			l.items, l.err = items, err
			if err != nil {
				s.mu.Lock()
				delete(s.lists, key)
				s.mu.Unlock()
			}
			close(l.done)
			return items, err
		}
		s.mu.Unlock()
		select {
		case <-l.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if l.err == nil {
			if items, ok := l.items.([]T); ok {
				return items, nil
			}
			return nil, fmt.Errorf("the shared list %q holds %T, not %T: this is a bug in the provider", key, l.items, []T(nil))
		}
		if !errors.Is(l.err, context.DeadlineExceeded) && !errors.Is(l.err, context.Canceled) {
			return nil, l.err
		}
	}
}
