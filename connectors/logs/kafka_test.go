package logs_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"

	"github.com/parapet-dev/parapet/connectors/logs"
)

// TestKafkaSink ships decisions through an in-process Kafka cluster
// (kfake, SASL SCRAM-SHA-256), consumes them back and compares them with
// the file sink's lines, byte for byte and in order.
func TestKafkaSink(t *testing.T) {
	const topic = "parapet-decisions"
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(3, topic),
		kfake.EnableSASL(), kfake.Superuser("SCRAM-SHA-256", "parapet", "s3cret-pass"))
	must(t, err)
	defer c.Close()

	dir := t.TempDir()
	k := writeKeys(t, dir)
	path := filepath.Join(dir, "decisions.jsonl")
	kc := logs.SinkConfig{Kind: logs.KindKafka, Brokers: c.ListenAddrs(), Topic: topic,
		SASL: logs.SASLConfig{Mechanism: "scram-sha-256", Username: "parapet", Password: "s3cret-pass"}}
	cfg := logs.Config{
		SpoolDir: filepath.Join(dir, "spool"),
		Sinks:    map[string]logs.SinkConfig{"kafka": kc, "file": {Kind: logs.KindFile, Path: path}},
		Masking:  logs.MaskingConfig{HMACKeyFile: k.HMAC},
		Chain:    logs.ChainConfig{SigningKeyFile: k.Signing, CheckpointEvery: 50},
	}
	ctx := context.Background()
	p, err := logs.New(ctx, cfg, logs.Options{})
	must(t, err)
	s := newServer(t)
	s.pipe.Store(p)
	const n = 240
	load(t, s, 0, n, make([]string, n))
	cctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	must(t, p.Close(cctx))
	cancel()

	file, err := os.ReadFile(path)
	must(t, err)
	want := bytes.Split(bytes.TrimRight(file, "\n"), []byte("\n"))
	if len(want) < n {
		t.Fatalf("file has %d lines", len(want))
	}

	opts, err := logs.KafkaOptions(kc)
	must(t, err)
	cl, err := kgo.NewClient(append(opts, kgo.ConsumeTopics(topic), kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()))...)
	must(t, err)
	defer cl.Close()
	var got []*kgo.Record
	deadline, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	for len(got) < len(want) {
		fs := cl.PollFetches(deadline)
		if err := deadline.Err(); err != nil {
			t.Fatalf("consumed %d of %d records: %v", len(got), len(want), err)
		}
		fs.EachError(func(_ string, _ int32, err error) { t.Fatal(err) })
		got = append(got, fs.Records()...)
	}
	if len(got) != len(want) {
		t.Fatalf("consumed %d records, want %d", len(got), len(want))
	}
	for i, r := range got {
		if !bytes.Equal(r.Value, want[i]) {
			t.Fatalf("record %d differs from line %d:\n%s\n%s", i, i+1, r.Value, want[i])
		}
		if r.Partition != got[0].Partition || !bytes.Equal(r.Key, got[0].Key) {
			t.Fatalf("record %d: partition %d key %q; one chain must stay in one partition", i, r.Partition, r.Key)
		}
	}
	// The records verify like the file does.
	tmp := filepath.Join(dir, "from-kafka.jsonl")
	var buf bytes.Buffer
	for _, r := range got {
		buf.Write(r.Value)
		buf.WriteByte('\n')
	}
	must(t, os.WriteFile(tmp, buf.Bytes(), 0o600))
	rep, err := logs.Verify([]string{tmp}, logs.VerifyOptions{})
	must(t, err)
	if !rep.OK() || rep.Events != n {
		t.Fatalf("verify of the topic: %d events, %v", rep.Events, rep.Problems)
	}
}
