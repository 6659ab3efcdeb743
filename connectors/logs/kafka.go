package logs

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/sasl/plain"
	"github.com/twmb/franz-go/pkg/sasl/scram"
)

// kafkaSink produces each line as one record to a topic, keyed by the
// chain id so one chain stays in one partition, in order. Writes wait for
// the brokers' acknowledgement (acks=all, idempotent).
type kafkaSink struct {
	cl  *kgo.Client
	key []byte
}

// KafkaOptions turns a sink's config into franz-go client options (for
// the kafka sink and for `parapet audit scan` reading a topic).
func KafkaOptions(c SinkConfig) ([]kgo.Opt, error) {
	opts := []kgo.Opt{kgo.SeedBrokers(c.Brokers...), kgo.ClientID("parapet")}
	tc, err := tlsConfig(c.TLS)
	if err != nil {
		return nil, err
	}
	if tc != nil {
		opts = append(opts, kgo.DialTLSConfig(tc))
	}
	switch c.SASL.Mechanism {
	case "plain":
		opts = append(opts, kgo.SASL(plain.Auth{User: c.SASL.Username, Pass: string(c.SASL.Password)}.AsMechanism()))
	case "scram-sha-256":
		opts = append(opts, kgo.SASL(scram.Auth{User: c.SASL.Username, Pass: string(c.SASL.Password)}.AsSha256Mechanism()))
	case "scram-sha-512":
		opts = append(opts, kgo.SASL(scram.Auth{User: c.SASL.Username, Pass: string(c.SASL.Password)}.AsSha512Mechanism()))
	}
	return opts, nil
}

func newKafkaSink(c SinkConfig, chainID string) (*kafkaSink, error) {
	opts, err := KafkaOptions(c)
	if err != nil {
		return nil, err
	}
	opts = append(opts,
		kgo.DefaultProduceTopic(c.Topic),
		kgo.RequiredAcks(kgo.AllISRAcks()),
		kgo.RecordDeliveryTimeout(time.Duration(c.Timeout)),
		kgo.ProducerLinger(0),
	)
	cl, err := kgo.NewClient(opts...)
	if err != nil {
		return nil, fmt.Errorf("kafka client: %w", err)
	}
	return &kafkaSink{cl: cl, key: []byte(chainID)}, nil
}

func (s *kafkaSink) Write(ctx context.Context, lines [][]byte) (int, error) {
	recs := make([]*kgo.Record, len(lines))
	for i, l := range lines {
		recs[i] = &kgo.Record{Key: s.key, Value: bytes.TrimRight(l, "\n")}
	}
	res := s.cl.ProduceSync(ctx, recs...)
	for i, r := range res {
		if r.Err != nil {
			return i, fmt.Errorf("kafka produce: %w", r.Err)
		}
	}
	return len(lines), nil
}

func (s *kafkaSink) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := s.cl.Flush(ctx)
	s.cl.Close()
	if errors.Is(err, context.DeadlineExceeded) {
		return errors.New("kafka: flush timed out")
	}
	return err
}

var _ sinkWriter = (*kafkaSink)(nil)
