package logs

import (
	"context"
	"fmt"
	"io"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kgo"
)

// KafkaSource reads a topic from its start to the end it has when the
// source opens (then stops), as scan items. total is the number of
// records to read; stop closes the client.
func KafkaSource(ctx context.Context, c SinkConfig) (next func() (Item, error), total int64, stop func(), err error) {
	opts, err := KafkaOptions(c)
	if err != nil {
		return nil, 0, nil, err
	}
	admin, err := kgo.NewClient(opts...)
	if err != nil {
		return nil, 0, nil, err
	}
	adm := kadm.NewClient(admin)
	ends, err := adm.ListEndOffsets(ctx, c.Topic)
	if err == nil {
		err = ends.Error()
	}
	starts, serr := adm.ListStartOffsets(ctx, c.Topic)
	admin.Close()
	if err == nil {
		err = serr
	}
	if err != nil {
		return nil, 0, nil, fmt.Errorf("kafka topic %s: %w", c.Topic, err)
	}
	end := map[int32]int64{}
	ends.Each(func(o kadm.ListedOffset) { end[o.Partition] = o.Offset })
	remaining := map[int32]bool{}
	starts.Each(func(o kadm.ListedOffset) {
		if end[o.Partition] > o.Offset {
			remaining[o.Partition] = true
			total += end[o.Partition] - o.Offset
		}
	})
	cl, err := kgo.NewClient(append(opts, kgo.ConsumeTopics(c.Topic), kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()))...)
	if err != nil {
		return nil, 0, nil, err
	}
	var buf []*kgo.Record
	next = func() (Item, error) {
		for len(buf) == 0 {
			if len(remaining) == 0 {
				return Item{}, io.EOF
			}
			fs := cl.PollFetches(ctx)
			if err := ctx.Err(); err != nil {
				return Item{}, err
			}
			var ferr error
			fs.EachError(func(t string, p int32, err error) { ferr = fmt.Errorf("kafka %s[%d]: %w", t, p, err) })
			if ferr != nil {
				return Item{}, ferr
			}
			for _, r := range fs.Records() {
				if r.Offset >= end[r.Partition] {
					continue // written after the scan began
				}
				buf = append(buf, r)
				if r.Offset == end[r.Partition]-1 {
					delete(remaining, r.Partition)
				}
			}
		}
		r := buf[0]
		buf = buf[1:]
		return Item{Source: fmt.Sprintf("kafka:%s[%d]", r.Topic, r.Partition), Line: int(r.Offset), Data: r.Value}, nil
	}
	return next, total, cl.Close, nil
}
