package sdk

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Defaults of a Client.
const (
	DefaultTimeout    = 10 * time.Second
	DefaultMaxRetries = 2
	DefaultMinBackoff = 100 * time.Millisecond
	DefaultMaxBackoff = 2 * time.Second
)

// Client calls a remote `parapet serve`. It is safe for concurrent use.
type Client struct {
	base       *url.URL
	token      string
	hc         *http.Client
	timeout    time.Duration
	maxRetries int
	minBackoff time.Duration
	maxBackoff time.Duration
	userAgent  string
}

// Option configures a Client.
type Option func(*Client)

// WithToken sends "Authorization: Bearer token" (needed when the server
// has a keys file).
func WithToken(token string) Option { return func(c *Client) { c.token = token } }

// WithHTTPClient uses hc instead of a client of the SDK's own (for TLS
// settings or a proxy).
func WithHTTPClient(hc *http.Client) Option { return func(c *Client) { c.hc = hc } }

// WithTimeout bounds each attempt. Default 10s; 0 leaves attempts bounded
// only by the context.
func WithTimeout(d time.Duration) Option { return func(c *Client) { c.timeout = d } }

// WithRetries sets how many times a call is retried after a 5xx answer or
// a connection error. Default 2 (three attempts). 4xx answers are never
// retried: the request itself is wrong.
func WithRetries(n int) Option { return func(c *Client) { c.maxRetries = max(n, 0) } }

// WithBackoff sets the first and the longest wait between attempts;
// waits double with full jitter. Defaults 100ms and 2s.
func WithBackoff(minWait, maxWait time.Duration) Option {
	return func(c *Client) { c.minBackoff, c.maxBackoff = minWait, maxWait }
}

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) Option { return func(c *Client) { c.userAgent = ua } }

// NewClient makes a client for the server at baseURL
// (e.g. "http://127.0.0.1:8282").
func NewClient(baseURL string, opts ...Option) (*Client, error) {
	u, err := url.Parse(strings.TrimRight(baseURL, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("parapet: base URL %q must be http(s)://host[:port]", baseURL)
	}
	c := &Client{
		base: u, hc: http.DefaultClient, timeout: DefaultTimeout, maxRetries: DefaultMaxRetries,
		minBackoff: DefaultMinBackoff, maxBackoff: DefaultMaxBackoff, userAgent: "parapet-go-sdk",
	}
	for _, o := range opts {
		o(c)
	}
	return c, nil
}

// Decide asks for a decision on req. A refused request gives an
// *APIError whose Field names the offending field.
func (c *Client) Decide(ctx context.Context, req *Request) (*Decision, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return nil, fmt.Errorf("parapet: encoding the request: %w", err)
	}
	return c.DecideJSON(ctx, body)
}

// DecideJSON sends an already encoded request body.
func (c *Client) DecideJSON(ctx context.Context, body []byte) (*Decision, error) {
	var d Decision
	if err := c.Do(ctx, RawRequest{Method: http.MethodPost, Path: "/v1/decide", Body: body}, &d); err != nil {
		return nil, err
	}
	return &d, nil
}

// Ready reports whether the server has an active bundle
// (GET /health/ready answers 200).
func (c *Client) Ready(ctx context.Context) error {
	return c.Do(ctx, RawRequest{Method: http.MethodGet, Path: "/health/ready"}, nil)
}

// RawRequest is one call for Do.
type RawRequest struct {
	Method string
	Path   string
	// ContentType defaults to application/json when there is a body.
	ContentType string
	Body        []byte
}

// Do sends one request with the client's token, timeouts and retries and
// decodes a 2xx JSON answer into out (when not nil). An error answer is
// an *APIError.
func (c *Client) Do(ctx context.Context, r RawRequest, out any) error {
	var lastErr error
	for attempt := 0; ; attempt++ {
		raw, err := c.attempt(ctx, r)
		if err == nil {
			if out == nil || len(raw) == 0 {
				return nil
			}
			if err := json.Unmarshal(raw, out); err != nil {
				return &APIError{Status: http.StatusOK, Code: CodeUnexpectedResponse, Message: "decoding the answer: " + err.Error()}
			}
			return nil
		}
		lastErr = err
		var ae *APIError
		retryable := !errors.As(err, &ae) || ae.Temporary()
		if !retryable || attempt >= c.maxRetries || ctx.Err() != nil {
			break
		}
		wait := c.backoff(attempt)
		if ae != nil && ae.retryAfter > 0 && ae.retryAfter < c.maxBackoff {
			wait = ae.retryAfter
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("parapet: %s %s: %w (last error: %v)", r.Method, r.Path, ctx.Err(), lastErr)
		case <-t.C:
		}
	}
	var ae *APIError
	if errors.As(lastErr, &ae) {
		return lastErr
	}
	return fmt.Errorf("parapet: %s %s: %w", r.Method, r.Path, lastErr)
}

// backoff is full jitter over an exponentially growing cap.
func (c *Client) backoff(attempt int) time.Duration {
	cap := c.minBackoff << attempt
	if cap <= 0 || cap > c.maxBackoff {
		cap = c.maxBackoff
	}
	if cap <= 0 {
		return 0
	}
	return c.minBackoff/2 + rand.N(cap-c.minBackoff/2+1)
}

func (c *Client) attempt(ctx context.Context, r RawRequest) ([]byte, error) {
	if c.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.timeout)
		defer cancel()
	}
	var body io.Reader
	if r.Body != nil {
		body = bytes.NewReader(r.Body)
	}
	req, err := http.NewRequestWithContext(ctx, r.Method, c.base.String()+r.Path, body)
	if err != nil {
		return nil, err
	}
	if r.Body != nil {
		ct := r.ContentType
		if ct == "" {
			ct = "application/json"
		}
		req.Header.Set("Content-Type", ct)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return raw, nil
	}
	return nil, errorFrom(resp, raw)
}

type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		Field   string `json:"field"`
		ErrorID string `json:"error_id"`
	} `json:"error"`
}

func errorFrom(resp *http.Response, raw []byte) *APIError {
	e := &APIError{Status: resp.StatusCode}
	var eb errorBody
	if json.Unmarshal(raw, &eb) == nil && eb.Error.Code != "" {
		e.Code, e.Message, e.Field, e.ErrorID = eb.Error.Code, eb.Error.Message, eb.Error.Field, eb.Error.ErrorID
	} else {
		e.Code = CodeUnexpectedResponse
		msg := strings.TrimSpace(string(raw))
		if len(msg) > 200 {
			msg = msg[:200] + "…"
		}
		e.Message = http.StatusText(resp.StatusCode)
		if msg != "" {
			e.Message += ": " + msg
		}
	}
	if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s >= 0 {
		e.retryAfter = time.Duration(s) * time.Second
	}
	return e
}
