// Command go-chat is a terminal chat app whose every model call goes
// through Parapet with the Go SDK: the prompt is checked (and redacted or
// rerouted), the model is called, the answer is checked, and redacted
// values are restored in it.
//
//	go run ./examples/go-chat                       # a parapet serve on 127.0.0.1:8282, an echo model
//	go run ./examples/go-chat -parapet embedded     # the engine in-process, no server
//	OPENAI_API_KEY=… go run ./examples/go-chat      # a real OpenAI-compatible model
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/parapet-dev/parapet/connectors/sdk"
)

type config struct {
	parapet, bundle, token string
	user, tenant, model    string
	purpose                string
	verbose                bool
}

func main() {
	var c config
	flag.StringVar(&c.parapet, "parapet", envOr("PARAPET_URL", "http://127.0.0.1:8282"), `Parapet's URL, or "embedded" to decide in-process`)
	flag.StringVar(&c.bundle, "bundle", "", "with -parapet embedded: a bundle folder or .tar.gz (default: the built-in library)")
	flag.StringVar(&c.token, "token", os.Getenv("PARAPET_TOKEN"), "bearer token for Parapet")
	flag.StringVar(&c.user, "user", "alice", "who is chatting (subject.id)")
	flag.StringVar(&c.tenant, "tenant", "acme", "the user's tenant")
	flag.StringVar(&c.model, "model", "gpt-4o", "the model to call")
	flag.StringVar(&c.purpose, "purpose", "", "the purpose of the chat (the request's purpose)")
	flag.BoolVar(&c.verbose, "v", false, "show what the model receives and the decisions")
	flag.Parse()

	ctx := context.Background()
	decider, err := newDecider(ctx, c)
	if err != nil {
		fmt.Fprintln(os.Stderr, "go-chat:", err)
		os.Exit(1)
	}
	model := echoModel
	if key := os.Getenv("OPENAI_API_KEY"); key != "" {
		model = openAIModel(envOr("OPENAI_BASE_URL", "https://api.openai.com/v1"), key)
	}
	fmt.Fprintf(os.Stderr, "chatting with %s as %s@%s through Parapet (%s). Ctrl-D to quit.\n", c.model, c.user, c.tenant, c.parapet)
	if err := chat(ctx, os.Stdin, os.Stdout, sdk.NewGuard(decider), model, c); err != nil {
		fmt.Fprintln(os.Stderr, "go-chat:", err)
		os.Exit(1)
	}
}

func newDecider(ctx context.Context, c config) (sdk.Decider, error) {
	if c.parapet == "embedded" {
		return sdk.NewEmbedded(ctx, c.bundle, sdk.EmbeddedOptions{})
	}
	return sdk.NewClient(c.parapet, sdk.WithToken(c.token), sdk.WithTimeout(5*time.Second))
}

// chat reads one prompt per line and answers each through the guard,
// keeping the conversation.
func chat(ctx context.Context, in io.Reader, out io.Writer, g *sdk.Guard, model sdk.ModelFunc, c config) error {
	var history []sdk.Message
	sc := bufio.NewScanner(in)
	fmt.Fprint(out, "> ")
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			fmt.Fprint(out, "> ")
			continue
		}
		msgs := append(append([]sdk.Message{}, history...), sdk.Message{Role: "user", Content: line})
		req := &sdk.Request{
			Subject:  sdk.Subject{ID: c.user, Tenant: c.tenant},
			Resource: sdk.Resource{Model: c.model},
			Purpose:  c.purpose,
			Messages: msgs,
		}
		call := model
		if c.verbose {
			call = func(ctx context.Context, mc *sdk.ModelCall) (*sdk.Response, error) {
				fmt.Fprintf(out, "  [prompt: %s; %s receives: %q]\n", mc.Prompt.Effect, mc.Model, mc.Messages[len(mc.Messages)-1].Content)
				return model(ctx, mc)
			}
		}
		res, err := g.Do(ctx, req, call)
		var denied *sdk.DeniedError
		switch {
		case errors.As(err, &denied):
			fmt.Fprintf(out, "[refused at the %s check: %s]\n", denied.Step, denied.Decision.Effect)
			for _, r := range denied.Decision.Reasons {
				fmt.Fprintf(out, "  - %s: %s\n", r.ID, r.Message)
			}
		case err != nil:
			var ae *sdk.APIError
			if errors.As(err, &ae) && ae.Field != "" {
				return fmt.Errorf("parapet refused the request (%s): %w", ae.Field, err)
			}
			return err
		default:
			for _, w := range res.Warnings() {
				fmt.Fprintf(out, "[warning %s: %s]\n", w.ID, w.Message)
			}
			for _, n := range res.Notices {
				fmt.Fprintf(out, "[notice: %s]\n", n)
			}
			fmt.Fprintln(out, res.Content)
			history = append(msgs, sdk.Message{Role: "assistant", Content: res.Content})
		}
		fmt.Fprint(out, "> ")
	}
	fmt.Fprintln(out)
	return sc.Err()
}

// echoModel stands in for a model: it answers with what it received, so
// you can see the placeholders go out and the values come back.
func echoModel(_ context.Context, mc *sdk.ModelCall) (*sdk.Response, error) {
	return &sdk.Response{Content: fmt.Sprintf("(%s, echoing) You said: %s", mc.Model, mc.Messages[len(mc.Messages)-1].Content)}, nil
}

// openAIModel calls an OpenAI-compatible chat completions API.
func openAIModel(baseURL, key string) sdk.ModelFunc {
	hc := &http.Client{Timeout: 120 * time.Second}
	return func(ctx context.Context, mc *sdk.ModelCall) (*sdk.Response, error) {
		type msg struct {
			Role    string `json:"role"`
			Content string `json:"content"`
		}
		body := struct {
			Model    string `json:"model"`
			Messages []msg  `json:"messages"`
		}{Model: mc.Model}
		for _, m := range mc.Messages {
			body.Messages = append(body.Messages, msg{m.Role, m.Content})
		}
		raw, _ := json.Marshal(body)
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(baseURL, "/")+"/chat/completions", bytes.NewReader(raw))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+key)
		resp, err := hc.Do(req)
		if err != nil {
			return nil, fmt.Errorf("calling the model: %w", err)
		}
		defer resp.Body.Close()
		var out struct {
			Choices []struct {
				Message struct {
					Content          string `json:"content"`
					ReasoningContent string `json:"reasoning_content"`
				} `json:"message"`
			} `json:"choices"`
			Error *struct {
				Message string `json:"message"`
			} `json:"error"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			return nil, fmt.Errorf("calling the model: status %d: %w", resp.StatusCode, err)
		}
		if out.Error != nil || len(out.Choices) == 0 {
			msg := "no choices"
			if out.Error != nil {
				msg = out.Error.Message
			}
			return nil, fmt.Errorf("calling the model: status %d: %s", resp.StatusCode, msg)
		}
		m := out.Choices[0].Message
		return &sdk.Response{Content: m.Content, Reasoning: m.ReasoningContent}, nil
	}
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
