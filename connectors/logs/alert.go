package logs

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/time/rate"
)

// alertFilter picks the events an alert sink posts about and turns each
// into a small alert record (no input, no text): that is what the alert
// sink queues and spools.
type alertFilter struct {
	min     int
	effects []string
}

func newAlertFilter(c SinkConfig) *alertFilter {
	return &alertFilter{min: severityRank[c.MinSeverity], effects: c.Effects}
}

// Alert is what an alert sink knows about a decision.
type Alert struct {
	DecisionID string    `json:"decision_id"`
	Timestamp  time.Time `json:"timestamp"`
	Effect     string    `json:"effect"`
	Severity   string    `json:"severity"`
	ReasonIDs  []string  `json:"reason_ids"`
	Model      string    `json:"model,omitempty"`
	Subject    string    `json:"subject,omitempty"`
	Tenant     string    `json:"tenant,omitempty"`
	Connector  string    `json:"connector,omitempty"`
}

func (f *alertFilter) line(ev *Event) []byte {
	if severityRank[ev.Severity] < f.min || f.min == 0 {
		return nil
	}
	if len(f.effects) > 0 && !slices.Contains(f.effects, ev.Effect) {
		return nil
	}
	b, err := json.Marshal(Alert{
		DecisionID: ev.DecisionID, Timestamp: ev.Timestamp, Effect: ev.Effect, Severity: ev.Severity,
		ReasonIDs: ev.ReasonIDs, Model: ev.Model, Subject: ev.Subject, Tenant: ev.Tenant, Connector: ev.Connector,
	})
	if err != nil {
		return nil
	}
	return append(b, '\n')
}

// alertSink posts Slack-compatible messages ({"text": …, "blocks": […]}),
// one per batch of alerts, at most rate_per_minute of them; alerts over
// the limit are counted and mentioned in the next message.
type alertSink struct {
	name       string
	url        string
	headers    map[string]Sensitive
	client     *http.Client
	limiter    *rate.Limiter
	held       int
	suppressed prometheus.Counter
	log        hclog.Logger
}

func newAlertSink(name string, c SinkConfig, cl *http.Client, log hclog.Logger) *alertSink {
	per := float64(c.RatePerMinute) / 60
	return &alertSink{name: name, url: c.URL, headers: c.Headers, client: cl, log: log,
		limiter: rate.NewLimiter(rate.Limit(per), c.RatePerMinute)}
}

const alertListMax = 10

func (s *alertSink) Write(ctx context.Context, lines [][]byte) (int, error) {
	if !s.limiter.Allow() {
		s.held += len(lines)
		if s.suppressed != nil {
			s.suppressed.Add(float64(len(lines)))
		}
		return len(lines), nil
	}
	var alerts []Alert
	for _, l := range lines {
		var a Alert
		if json.Unmarshal(l, &a) == nil {
			alerts = append(alerts, a)
		}
	}
	body, err := json.Marshal(slackMessage(alerts, s.held))
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range s.headers {
		req.Header.Set(k, string(v))
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return 0, fmt.Errorf("alert post failed: %w", err)
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		return 0, fmt.Errorf("alert post failed: server replied %s", resp.Status)
	}
	s.held = 0
	return len(lines), nil
}

func (s *alertSink) Close() error {
	s.client.CloseIdleConnections()
	return nil
}

// slackEscape escapes the three characters Slack's mrkdwn reserves.
func slackEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

type slackText struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

type slackBlock struct {
	Type string     `json:"type"`
	Text *slackText `json:"text,omitempty"`
}

// SlackMessage is an incoming-webhook payload.
type SlackMessage struct {
	Text   string       `json:"text"`
	Blocks []slackBlock `json:"blocks,omitempty"`
}

func slackMessage(alerts []Alert, held int) SlackMessage {
	head := fmt.Sprintf("Parapet: %d decision(s) at or above the alert threshold", len(alerts))
	if len(alerts) == 1 {
		a := alerts[0]
		head = fmt.Sprintf("Parapet: %s (%s) for %s on %s", a.Effect, a.Severity, a.Subject, a.Model)
	}
	m := SlackMessage{Text: slackEscape(head)}
	m.Blocks = append(m.Blocks, slackBlock{Type: "section", Text: &slackText{Type: "mrkdwn", Text: "*" + slackEscape(head) + "*"}})
	for i, a := range alerts {
		if i == alertListMax {
			m.Blocks = append(m.Blocks, slackBlock{Type: "context", Text: nil})
			m.Blocks[len(m.Blocks)-1] = slackBlock{Type: "section", Text: &slackText{Type: "mrkdwn", Text: fmt.Sprintf("…and %d more", len(alerts)-alertListMax)}}
			break
		}
		t := fmt.Sprintf("• `%s` *%s* (%s) %s\nsubject %s, tenant %s, model %s, via %s, %s",
			slackEscape(a.DecisionID), slackEscape(a.Effect), slackEscape(a.Severity), slackEscape(strings.Join(a.ReasonIDs, ", ")),
			slackEscape(a.Subject), slackEscape(a.Tenant), slackEscape(a.Model), slackEscape(a.Connector), a.Timestamp.Format(time.RFC3339))
		m.Blocks = append(m.Blocks, slackBlock{Type: "section", Text: &slackText{Type: "mrkdwn", Text: t}})
	}
	if held > 0 {
		m.Blocks = append(m.Blocks, slackBlock{Type: "section", Text: &slackText{Type: "mrkdwn",
			Text: fmt.Sprintf("_%d alert(s) were held back by the rate limit since the last message; see the decision log._", held)}})
	}
	return m
}

var _ sinkWriter = (*alertSink)(nil)
