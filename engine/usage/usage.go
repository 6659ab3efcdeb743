package usage

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/tiktoken-go/tokenizer"

	"github.com/parapet-dev/parapet/engine"
)

// The windows every scope is counted in, and the scopes, in the order the
// stores lay them out.
var (
	windows = []string{"minute", "day", "month"}
	scopes  = []string{"subject", "tenant", "model"}
)

// bucket names the window of at that a counter belongs to.
func bucket(window string, at time.Time) string {
	at = at.UTC()
	switch window {
	case "minute":
		return at.Format("200601021504")
	case "day":
		return at.Format("20060102")
	default:
		return at.Format("200601")
	}
}

// ttl is how long a window's counter is worth keeping after it was last
// touched: its length plus a margin.
func ttl(window string) time.Duration {
	switch window {
	case "minute":
		return 2 * time.Minute
	case "day":
		return 25 * time.Hour
	default:
		return 32 * 24 * time.Hour
	}
}

// scopeID is the identity of c within a scope.
func scopeID(scope string, c engine.UsageCall) string {
	switch scope {
	case "subject":
		return url.PathEscape(c.Tenant) + "/" + url.PathEscape(c.Subject)
	case "tenant":
		return url.PathEscape(c.Tenant)
	default:
		return url.PathEscape(c.Model)
	}
}

// counter is one window's totals with the cost in micro units.
type counter struct{ requests, tokens, costMicros int64 }

func (c counter) public() engine.UsageCounter {
	return engine.UsageCounter{Requests: c.requests, Tokens: c.tokens, Cost: engine.MicrosToCost(c.costMicros)}
}

// totals lays 9 counters (scopes × windows, scope-major) out as
// engine.UsageTotals.
func totals(cs [9]counter) engine.UsageTotals {
	w := func(i int) engine.UsageWindows {
		return engine.UsageWindows{Minute: cs[i*3].public(), Day: cs[i*3+1].public(), Month: cs[i*3+2].public()}
	}
	return engine.UsageTotals{Subject: w(0), Tenant: w(1), Model: w(2)}
}

// Memory counts usage in this process only. Counters of past windows are
// dropped as new ones start.
type Memory struct {
	mu sync.Mutex
	m  map[string]*memCounter
}

type memCounter struct {
	bucket string
	counter
}

// NewMemory makes an empty in-memory store.
func NewMemory() *Memory { return &Memory{m: map[string]*memCounter{}} }

func (s *Memory) apply(c engine.UsageCall, sign int64) engine.UsageTotals {
	var cs [9]counter
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, scope := range scopes {
		for j, w := range windows {
			k := scope + ":" + scopeID(scope, c) + ":" + w
			b := bucket(w, c.At)
			mc := s.m[k]
			if mc == nil || mc.bucket != b {
				if sign < 0 && mc != nil && mc.bucket > b {
					// releasing into a window already gone: nothing to take back.
					cs[i*3+j] = mc.counter
					continue
				}
				mc = &memCounter{bucket: b}
				if sign != 0 {
					s.m[k] = mc
				}
			}
			cur := mc.counter
			cur.requests += sign * c.Requests
			cur.tokens += sign * c.Tokens
			cur.costMicros += sign * c.CostMicros
			if sign < 0 {
				cur.requests, cur.tokens, cur.costMicros = max(cur.requests, 0), max(cur.tokens, 0), max(cur.costMicros, 0)
			}
			if sign != 0 {
				mc.counter = cur
			} else {
				cur.requests += c.Requests
				cur.tokens += c.Tokens
				cur.costMicros += c.CostMicros
			}
			cs[i*3+j] = cur
		}
	}
	return totals(cs)
}

// Reserve implements engine.UsageStore.
func (s *Memory) Reserve(_ context.Context, c engine.UsageCall) (engine.UsageTotals, error) {
	return s.apply(c, 1), nil
}

// Release implements engine.UsageStore.
func (s *Memory) Release(_ context.Context, c engine.UsageCall) error {
	s.apply(c, -1)
	return nil
}

// Peek implements engine.UsageStore.
func (s *Memory) Peek(_ context.Context, c engine.UsageCall) (engine.UsageTotals, error) {
	return s.apply(c, 0), nil
}

var (
	codecOnce sync.Once
	codec     tokenizer.Codec
	codecErr  error
)

// Tokens counts the tokens of text with tiktoken's o200k_base encoding
// (GPT-4o's), from tables built into the binary: no download. For other
// model families it is an estimate, usually within 10-20%. If the encoding
// cannot be loaded it falls back to one token per four bytes.
func Tokens(_ string, text string) int {
	if text == "" {
		return 0
	}
	codecOnce.Do(func() { codec, codecErr = tokenizer.Get(tokenizer.O200kBase) })
	if codecErr == nil {
		if n, err := codec.Count(text); err == nil {
			return n
		}
	}
	return (len(text) + 3) / 4
}

// Open makes the store a --usage-store value names: "memory" (or empty)
// for this process only, or a redis:// or rediss:// URL.
func Open(spec string) (engine.UsageStore, error) {
	switch {
	case spec == "" || spec == "memory":
		return NewMemory(), nil
	case strings.HasPrefix(spec, "redis://"), strings.HasPrefix(spec, "rediss://"), strings.HasPrefix(spec, "unix://"):
		return NewRedis(spec, RedisOptions{})
	}
	return nil, fmt.Errorf("usage store %q: want memory, or a redis:// or rediss:// URL", spec)
}

// Options are the engine's usage options for a store, counting tokens
// with Tokens.
func Options(s engine.UsageStore) *engine.UsageOptions {
	return &engine.UsageOptions{Store: s, Tokens: Tokens}
}

var (
	_ engine.UsageStore = (*Memory)(nil)
	_ engine.UsageStore = (*Redis)(nil)
)
