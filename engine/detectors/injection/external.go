package injection

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// External classifier kinds.
const (
	// KindPromptGuard posts {"text": ...} and reads {"score": p} (p is the
	// attack probability). A response that also carries "label" names the
	// class p belongs to: a benign label ("BENIGN", "SAFE", "LABEL_0")
	// turns p into 1-p. This fits Llama Prompt Guard behind a small HTTP
	// wrapper or a text-classification server.
	KindPromptGuard = "prompt_guard"
	// KindOpenAIChat posts an OpenAI-compatible chat completion with the
	// text as the user message and reads the answer "safe" or "unsafe"
	// (optionally followed by category codes such as "S1,S14"), as Llama
	// Guard answers when served by vLLM, TGI or Ollama.
	KindOpenAIChat = "openai_chat"
)

// Fail modes: what an External reports when the model server cannot give
// a verdict (timeout, connection error, bad status or answer).
const (
	FailOpen   = "open"   // report nothing
	FailClosed = "closed" // report score 1 with match "external_unavailable"
)

// ExternalConfig configures an External classifier.
type ExternalConfig struct {
	URL  string `json:"url"`
	Kind string `json:"kind"`
	// Model is sent in the request body for KindOpenAIChat.
	Model string `json:"model,omitempty"`
	// Timeout bounds one call (default 2s).
	Timeout time.Duration `json:"timeout,omitempty"`
	// FailMode is FailOpen (default) or FailClosed.
	FailMode string `json:"fail_mode,omitempty"`
	// APIKeyEnv names the environment variable holding a bearer token;
	// the key itself is never part of the configuration.
	APIKeyEnv string `json:"api_key_env,omitempty"`
	// MaxTextBytes truncates the text sent (default 32 KiB).
	MaxTextBytes int `json:"max_text_bytes,omitempty"`
	// Sources limits the fields sent to these sources (default: all).
	Sources []string `json:"sources,omitempty"`
}

// External is an analysis.Detector that asks a model server for an
// injection/jailbreak verdict and reports it as its own signal (detector
// "external", kind "injection"). Safe for concurrent use; the text is sent
// to the configured server and not kept.
type External struct {
	cfg    ExternalConfig
	apiKey string
	client *http.Client
}

// NewExternal validates cfg and reads the API key from its environment
// variable.
func NewExternal(cfg ExternalConfig) (*External, error) {
	u, err := url.Parse(cfg.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("injection: external url %q is not an http(s) URL", cfg.URL)
	}
	switch cfg.Kind {
	case KindPromptGuard, KindOpenAIChat:
	default:
		return nil, fmt.Errorf("injection: external kind %q is not %q or %q", cfg.Kind, KindPromptGuard, KindOpenAIChat)
	}
	switch cfg.FailMode {
	case "":
		cfg.FailMode = FailOpen
	case FailOpen, FailClosed:
	default:
		return nil, fmt.Errorf("injection: external fail_mode %q is not %q or %q", cfg.FailMode, FailOpen, FailClosed)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 2 * time.Second
	}
	if cfg.MaxTextBytes <= 0 {
		cfg.MaxTextBytes = 32 << 10
	}
	e := &External{cfg: cfg, client: &http.Client{}}
	if cfg.APIKeyEnv != "" {
		e.apiKey = os.Getenv(cfg.APIKeyEnv)
	}
	return e, nil
}

// Name implements analysis.Detector.
func (e *External) Name() string { return "external" }

// Scan implements analysis.Detector.
func (e *External) Scan(ctx context.Context, f *analysis.Field, r *analysis.Report) {
	if f.Text == "" || !e.wants(f.Source) {
		return
	}
	score, matches, err := e.Classify(ctx, f.Text)
	if err != nil {
		if e.cfg.FailMode == FailClosed {
			r.AddSignal("external", "injection", f, 1, []string{"external_unavailable"})
		}
		return
	}
	r.AddSignal("external", "injection", f, score, matches)
}

func (e *External) wants(source string) bool {
	if len(e.cfg.Sources) == 0 {
		return true
	}
	for _, s := range e.cfg.Sources {
		if s == source {
			return true
		}
	}
	return false
}

// Classify asks the server about one text and returns the attack
// probability and the names of the categories it reported.
func (e *External) Classify(ctx context.Context, text string) (float64, []string, error) {
	if len(text) > e.cfg.MaxTextBytes {
		text = truncateUTF8(text, e.cfg.MaxTextBytes)
	}
	ctx, cancel := context.WithTimeout(ctx, e.cfg.Timeout)
	defer cancel()
	var body any
	switch e.cfg.Kind {
	case KindPromptGuard:
		body = map[string]string{"text": text}
	default:
		body = map[string]any{
			"model":       e.cfg.Model,
			"messages":    []map[string]string{{"role": "user", "content": text}},
			"temperature": 0,
			"max_tokens":  20,
		}
	}
	buf, err := json.Marshal(body)
	if err != nil {
		return 0, nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.cfg.URL, bytes.NewReader(buf))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if e.apiKey != "" {
		req.Header.Set("Authorization", "Bearer "+e.apiKey)
	}
	resp, err := e.client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return 0, nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, nil, fmt.Errorf("injection: external server answered %s", resp.Status)
	}
	if e.cfg.Kind == KindPromptGuard {
		return parsePromptGuard(data)
	}
	return parseChatVerdict(data)
}

func parsePromptGuard(data []byte) (float64, []string, error) {
	var out struct {
		Score *float64 `json:"score"`
		Label string   `json:"label"`
	}
	if err := json.Unmarshal(data, &out); err != nil {
		return 0, nil, err
	}
	if out.Score == nil || *out.Score < 0 || *out.Score > 1 {
		return 0, nil, errors.New("injection: external answer has no score in [0,1]")
	}
	s := *out.Score
	switch strings.ToUpper(out.Label) {
	case "BENIGN", "SAFE", "LABEL_0":
		s = 1 - s
	}
	var m []string
	if s >= 0.5 {
		m = []string{"external_" + KindPromptGuard}
	}
	return s, m, nil
}

func parseChatVerdict(data []byte) (float64, []string, error) {
	var out struct {
		Choices []struct {
			Message struct {
				Content string `json:"content"`
			} `json:"message"`
		} `json:"choices"`
	}
	if err := json.Unmarshal(data, &out); err != nil {
		return 0, nil, err
	}
	if len(out.Choices) == 0 {
		return 0, nil, errors.New("injection: external answer has no choices")
	}
	lines := strings.Fields(strings.ToLower(strings.ReplaceAll(out.Choices[0].Message.Content, ",", " ")))
	if len(lines) == 0 {
		return 0, nil, errors.New("injection: external answer is empty")
	}
	switch lines[0] {
	case "safe":
		return 0, nil, nil
	case "unsafe":
		m := []string{"unsafe"}
		for _, w := range lines[1:] {
			if isCategoryCode(w) {
				m = append(m, strings.ToUpper(w))
			}
		}
		return 1, m, nil
	}
	return 0, nil, errors.New("injection: external answer is neither safe nor unsafe")
}

// isCategoryCode accepts Llama Guard's "s1".."s99".
func isCategoryCode(w string) bool {
	if len(w) < 2 || len(w) > 3 || w[0] != 's' {
		return false
	}
	for _, c := range w[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func truncateUTF8(s string, n int) string {
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}

var _ analysis.Detector = (*External)(nil)
