package serve

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/go-hclog"

	"github.com/parapet-dev/parapet/cmd/parapet/internal/config"
	"github.com/parapet-dev/parapet/connectors/proxy/fakeupstream"
)

// The proxy is served by `parapet serve` behind the keys file: a caller's
// key maps to its subject, and only the upstream's key goes upstream.
func TestServeProxiesWithKeys(t *testing.T) {
	up := &fakeupstream.Upstream{}
	upSrv := httptest.NewServer(up)
	defer upSrv.Close()

	dir := t.TempDir()
	const token = "ppt_test_token"
	sum := sha256.Sum256([]byte(token))
	keys := filepath.Join(dir, "keys.yaml")
	os.WriteFile(keys, []byte("keys:\n  - id: app\n    sha256: "+hex.EncodeToString(sum[:])+"\n    subject: helpdesk\n    roles: [developer]\n"), 0o600)
	t.Setenv("FAKE_KEY", "sk-upstream")
	cfgFile := filepath.Join(dir, "parapet.yaml")
	os.WriteFile(cfgFile, []byte(`server:
  addr: 127.0.0.1:0
  keys_file: `+keys+`
upstreams:
  - name: fake
    base_url: `+upSrv.URL+`/v1
    api_key_env: FAKE_KEY
    models: ["*"]
`), 0o600)
	cfg, err := config.Load(cfgFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- Run(ctx, cfg, hclog.NewNullLogger(), ready) }()
	addr := <-ready

	post := func(tok string) (int, string) {
		req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/v1/chat/completions", strings.NewReader(`{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}`))
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if status, body := post("wrong"); status != 401 {
		t.Fatalf("bad key: %d %s", status, body)
	}
	status, body := post(token)
	if status != 200 || !strings.Contains(body, "Hello there") {
		t.Fatalf("good key: %d %s", status, body)
	}
	if got := up.Last().Header.Get("Authorization"); got != "Bearer sk-upstream" {
		t.Errorf("upstream got Authorization %q", got)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestUpstreamConfigErrorsAllReported(t *testing.T) {
	cfg := config.Default()
	cfg.Upstreams = []config.Upstream{
		{Name: "a", BaseURL: "ftp://x", Models: nil, Protocol: "grpc"},
		{Name: "a", BaseURL: "https://user:pw@host/v1", Models: []string{"["}, APIKeyEnv: "X", APIKeyFile: "y"},
	}
	cfg.Proxy.TrustedHeaders = config.TrustedHeaders{Enabled: true, Networks: []string{"not-a-cidr"}}
	err := cfg.Validate()
	if err == nil {
		t.Fatal("want errors")
	}
	for _, want := range []string{"upstreams[0].base_url", "upstreams[0].models", "upstreams[0].protocol", "upstreams[1].name", "upstreams[1].base_url: must not carry credentials", "upstreams[1].models[0]", "upstreams[1]: set api_key_env or api_key_file", "proxy.trusted_headers.networks[0]"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %s:\n%v", want, err)
		}
	}
}

func TestUpstreamFlag(t *testing.T) {
	t.Setenv("MY_VLLM_API_KEY", "k")
	u, err := config.ParseUpstreamFlag("my-vllm=http://127.0.0.1:8000/v1")
	if err != nil || u.Name != "my-vllm" || u.BaseURL != "http://127.0.0.1:8000/v1" || u.APIKeyEnv != "MY_VLLM_API_KEY" || u.Models[0] != "*" || u.Protocol != "" {
		t.Fatalf("%+v %v", u, err)
	}
	if u, _ := config.ParseUpstreamFlag("anthropic=https://api.anthropic.com"); u.Protocol != "anthropic" {
		t.Errorf("anthropic protocol: %+v", u)
	}
	if _, err := config.ParseUpstreamFlag("no-url"); err == nil {
		t.Error("want an error for a flag without =")
	}
	// The effective config never holds a key.
	t.Setenv("OPENAI_API_KEY", "sk-very-secret")
	cfg := config.Default()
	u, _ = config.ParseUpstreamFlag("openai=https://api.openai.com/v1")
	cfg.Upstreams = append(cfg.Upstreams, u)
	if strings.Contains(cfg.Effective(), "sk-very-secret") {
		t.Error("effective config shows the key")
	}
}
