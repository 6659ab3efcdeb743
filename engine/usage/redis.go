package usage

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/parapet-dev/parapet/engine"
)

// Redis keeps usage counters in Redis, so that every replica pointed at
// the same server shares them. One call is one round trip: a Lua script
// adds the call to its nine counters (subject, tenant and model, each per
// minute, UTC day and UTC month) and returns the totals, atomically, so
// concurrent callers on any replica see distinct totals and a budget
// holds. Each counter is a hash that expires after its window.
//
// All keys of a call are touched by one script, so a Redis Cluster needs
// them in one slot: use a single server or a primary with replicas.
type Redis struct {
	client *redis.Client
	prefix string
}

// RedisOptions tune NewRedis.
type RedisOptions struct {
	// Prefix of every key. Default "parapet:usage:".
	Prefix string
}

// NewRedis connects to the server a redis:// URL names
// (redis://[:password@]host:port/db; rediss:// for TLS). Timeouts default
// to 2s to dial and 1s to read or write, with one retry, unless the URL
// sets them (?dial_timeout=…&read_timeout=…&max_retries=…): a decision
// waits on it.
func NewRedis(rawURL string, opts RedisOptions) (*Redis, error) {
	o, err := redis.ParseURL(rawURL)
	if err != nil {
		return nil, fmt.Errorf("usage store: %w", err)
	}
	if o.DialTimeout == 0 || o.DialTimeout == 5*time.Second {
		o.DialTimeout = 2 * time.Second
	}
	if o.ReadTimeout == 0 || o.ReadTimeout == 3*time.Second {
		o.ReadTimeout = time.Second
	}
	if o.WriteTimeout == 0 || o.WriteTimeout == 3*time.Second {
		o.WriteTimeout = time.Second
	}
	if o.MaxRetries == 0 {
		o.MaxRetries = 1 // a decision waits: retry once, not three times
	}
	if opts.Prefix == "" {
		opts.Prefix = "parapet:usage:"
	}
	return &Redis{client: redis.NewClient(o), prefix: opts.Prefix}, nil
}

// Ping checks that the server answers.
func (s *Redis) Ping(ctx context.Context) error { return s.client.Ping(ctx).Err() }

// Close closes the connections.
func (s *Redis) Close() error { return s.client.Close() }

// script adds (reserve), subtracts (release) or only reads (peek) one
// call's usage on each key and returns requests, tokens and cost of each.
var script = redis.NewScript(`
local req, tok, cost, mode = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
local out = {}
for i, k in ipairs(KEYS) do
  local r, t, c
  if mode == "peek" then
    local v = redis.call("HMGET", k, "r", "t", "c")
    r = (tonumber(v[1]) or 0) + req
    t = (tonumber(v[2]) or 0) + tok
    c = (tonumber(v[3]) or 0) + cost
  else
    local sign = 1
    if mode == "release" then sign = -1 end
    r = redis.call("HINCRBY", k, "r", sign * req)
    t = redis.call("HINCRBY", k, "t", sign * tok)
    c = redis.call("HINCRBY", k, "c", sign * cost)
    redis.call("EXPIRE", k, ARGV[4 + i])
  end
  out[#out + 1] = r
  out[#out + 1] = t
  out[#out + 1] = c
end
return out
`)

func (s *Redis) run(ctx context.Context, c engine.UsageCall, mode string) (engine.UsageTotals, error) {
	keys := make([]string, 0, 9)
	args := []any{c.Requests, c.Tokens, c.CostMicros, mode}
	for _, scope := range scopes {
		for _, w := range windows {
			keys = append(keys, s.prefix+scope+":"+scopeID(scope, c)+":"+w+":"+bucket(w, c.At))
			args = append(args, int64(ttl(w)/time.Second))
		}
	}
	vals, err := script.Run(ctx, s.client, keys, args...).Int64Slice()
	if err != nil {
		return engine.UsageTotals{}, fmt.Errorf("usage store: %s: %w", mode, err)
	}
	if len(vals) != 27 {
		return engine.UsageTotals{}, fmt.Errorf("usage store: %s: got %d values, want 27", mode, len(vals))
	}
	var cs [9]counter
	for i := range cs {
		cs[i] = counter{requests: max(vals[i*3], 0), tokens: max(vals[i*3+1], 0), costMicros: max(vals[i*3+2], 0)}
	}
	return totals(cs), nil
}

// Reserve implements engine.UsageStore.
func (s *Redis) Reserve(ctx context.Context, c engine.UsageCall) (engine.UsageTotals, error) {
	return s.run(ctx, c, "reserve")
}

// Release implements engine.UsageStore.
func (s *Redis) Release(ctx context.Context, c engine.UsageCall) error {
	_, err := s.run(ctx, c, "release")
	return err
}

// Peek implements engine.UsageStore.
func (s *Redis) Peek(ctx context.Context, c engine.UsageCall) (engine.UsageTotals, error) {
	return s.run(ctx, c, "peek")
}

func (s *Redis) String() string {
	return "redis " + s.client.Options().Addr + " (prefix " + strconv.Quote(s.prefix) + ")"
}
