package logs_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"

	"github.com/parapet-dev/parapet/connectors/logs"
)

func TestScanExchanges(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	out := filepath.Join(dir, "violations.jsonl")
	p, err := logs.New(ctx, logs.Config{SpoolDir: filepath.Join(dir, "spool"),
		Sinks: map[string]logs.SinkConfig{"out": {Kind: logs.KindFile, Path: out}}}, logs.Options{})
	must(t, err)
	sc := logs.NewScanner(defaultEngine(t), logs.ScanOptions{Pipeline: p, Workers: 2,
		Defaults: logs.ExchangeDefaults{Tenant: "acme", Roles: []string{"analyst"}}})
	f, err := os.Open("testdata/exchanges.jsonl")
	must(t, err)
	defer f.Close()
	must(t, sc.Run(ctx, logs.LineSource("exchanges.jsonl", f), nil))
	must(t, p.Close(ctx))
	rep := sc.Report()
	if rep.Exchanges != 4 || len(rep.Invalid) != 2 || rep.Decisions != 8 {
		t.Fatalf("exchanges %d decisions %d invalid %v", rep.Exchanges, rep.Decisions, rep.Invalid)
	}
	flagged := map[string]string{}
	for _, f := range rep.Flagged {
		flagged[f.ID] = f.Effect
	}
	if _, ok := flagged["ex-1"]; ok {
		t.Errorf("ex-1 is harmless: %v", rep.Flagged)
	}
	if flagged["ex-2"] != "redact" || flagged["ex-3"] != "deny" || flagged["ex-4"] != "deny" {
		t.Errorf("flagged %v", flagged)
	}
	if rep.ByReason["use.prompt_injection"] != 1 || rep.BySubject["bob"].Flagged != 1 || rep.ByModel["gpt-4o"].Exchanges != 2 {
		t.Errorf("counts: reasons %v subjects %v", rep.ByReason, rep.BySubject)
	}
	// Violations are decision events, chained, without the text.
	raw, err := os.ReadFile(out)
	must(t, err)
	if bytes.Contains(raw, []byte("jane.doe")) || bytes.Contains(raw, []byte("AKIAQ7ZX")) || !bytes.Contains(raw, []byte(`"exchange_id":"ex-3"`)) || !bytes.Contains(raw, []byte(`"connector":"scan"`)) {
		t.Fatalf("violations log: %s", raw)
	}
	vr, err := logs.Verify([]string{out}, logs.VerifyOptions{})
	must(t, err)
	if !vr.OK() || vr.Events == 0 {
		t.Fatalf("verify: %v", vr.Problems)
	}
}

func TestScanKafkaTopic(t *testing.T) {
	const topic = "llm-exchanges"
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(2, topic))
	must(t, err)
	defer c.Close()
	cl, err := kgo.NewClient(kgo.SeedBrokers(c.ListenAddrs()...), kgo.DefaultProduceTopic(topic))
	must(t, err)
	raw, err := os.ReadFile("testdata/exchanges.jsonl")
	must(t, err)
	ctx := context.Background()
	for _, l := range bytes.Split(bytes.TrimSpace(raw), []byte("\n")) {
		must(t, cl.ProduceSync(ctx, &kgo.Record{Value: l}).FirstErr())
	}
	cl.Close()
	next, total, stop, err := logs.KafkaSource(ctx, logs.SinkConfig{Brokers: c.ListenAddrs(), Topic: topic})
	must(t, err)
	defer stop()
	if total != 6 {
		t.Fatalf("total %d", total)
	}
	sc := logs.NewScanner(defaultEngine(t), logs.ScanOptions{Defaults: logs.ExchangeDefaults{Tenant: "acme", Roles: []string{"analyst"}}})
	must(t, sc.Run(ctx, next, nil))
	if rep := sc.Report(); rep.Exchanges != 4 || len(rep.Flagged) != 3 {
		t.Fatalf("kafka scan: %d exchanges, flagged %v", rep.Exchanges, rep.Flagged)
	}
}

func FuzzParseExchange(f *testing.F) {
	raw, err := os.ReadFile("testdata/exchanges.jsonl")
	if err != nil {
		f.Fatal(err)
	}
	for _, l := range bytes.Split(raw, []byte("\n")) {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		x, err := logs.ParseExchange(line, logs.ExchangeDefaults{})
		if err != nil {
			return
		}
		if x.Model == "" || len(x.Messages) == 0 || x.Subject.ID == "" {
			t.Fatalf("accepted an exchange without model, messages or subject: %q", line)
		}
		x.Prompt()
		x.ResponseRequest()
	})
}
