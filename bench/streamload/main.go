// Command streamload measures streamed chat completions for the proxy
// benchmark: it POSTs the same streaming request n times, one at a time,
// and reports, as medians, the time to the first chunk, the time to the
// first chunk that carries content text, the whole stream's duration and
// the content throughput (bytes of content text per second) two ways: over
// the whole stream, from the request on (so the time to the first token
// counts in it), and while streaming, from the first content text to the
// last (the decoding rate a reader sees once text flows, the usual "output
// tokens per second after the first token", so the time to the first
// token, reported on its own, is not counted twice).
//
//	go run ./bench/streamload -url http://127.0.0.1:8282/v1/chat/completions -body req.json -n 200
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"sort"
	"strings"
	"time"
)

type result struct {
	Requests       int     `json:"requests"`
	FirstChunkUs   float64 `json:"first_chunk_p50_us"`
	FirstContentUs float64 `json:"first_content_p50_us"`
	StreamUs       float64 `json:"stream_p50_us"`
	BytesPerSec    float64 `json:"content_bytes_per_s_p50"`
	StreamingBPS   float64 `json:"streaming_bytes_per_s_p50"`
	ContentBytes   int     `json:"content_bytes"`
}

func main() {
	url := flag.String("url", "", "URL to POST to")
	bodyFile := flag.String("body", "", "file with a streaming request body")
	n := flag.Int("n", 100, "requests")
	warm := flag.Int("warmup", 10, "requests before measuring")
	asJSON := flag.Bool("json", false, "print the result as JSON")
	flag.Parse()
	body, err := os.ReadFile(*bodyFile)
	if *url == "" || err != nil {
		fmt.Fprintln(os.Stderr, "streamload: -url and a readable -body are required")
		os.Exit(2)
	}
	client := &http.Client{Transport: &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 4}}
	var first, content, whole, rate, streaming []float64
	size := 0
	for i := 0; i < *warm+*n; i++ {
		f, c, w, b, st, err := one(client, *url, body)
		if err != nil {
			fmt.Fprintln(os.Stderr, "streamload:", err)
			os.Exit(1)
		}
		if i < *warm {
			continue
		}
		first, content, whole = append(first, us(f)), append(content, us(c)), append(whole, us(w))
		rate = append(rate, float64(b)/w.Seconds())
		streaming = append(streaming, st)
		size = b
	}
	r := result{Requests: *n, FirstChunkUs: p50(first), FirstContentUs: p50(content), StreamUs: p50(whole), BytesPerSec: p50(rate), StreamingBPS: p50(streaming), ContentBytes: size}
	if *asJSON {
		_ = json.NewEncoder(os.Stdout).Encode(r)
		return
	}
	fmt.Printf("requests %d  first chunk p50 %.0fus  first content p50 %.0fus  stream p50 %.0fus  content %d B at %.0f B/s (while streaming %.0f B/s)\n",
		r.Requests, r.FirstChunkUs, r.FirstContentUs, r.StreamUs, r.ContentBytes, r.BytesPerSec, r.StreamingBPS)
}

func us(d time.Duration) float64 { return float64(d.Microseconds()) }

func p50(xs []float64) float64 {
	sort.Float64s(xs)
	return xs[len(xs)/2]
}

// one runs one stream: times to the first chunk, to the first content
// text, to the end, the content bytes received, and the content rate from
// the first content text to the last (bytes after the first content chunk
// over the time between the two).
func one(client *http.Client, url string, body []byte) (first, content, whole time.Duration, size int, streaming float64, err error) {
	var last time.Duration
	firstSize := 0
	t0 := time.Now()
	resp, err := client.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return 0, 0, 0, 0, 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, 0, 0, 0, 0, fmt.Errorf("status %d", resp.StatusCode)
	}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		data, ok := strings.CutPrefix(sc.Text(), "data: ")
		if !ok {
			continue
		}
		if first == 0 {
			first = time.Since(t0)
		}
		if data == "[DONE]" {
			break
		}
		var ck struct {
			Choices []struct {
				Delta struct {
					Content string `json:"content"`
				} `json:"delta"`
				FinishReason string `json:"finish_reason"`
			} `json:"choices"`
		}
		if json.Unmarshal([]byte(data), &ck) != nil {
			return 0, 0, 0, 0, 0, fmt.Errorf("bad chunk %q", data)
		}
		for _, ch := range ck.Choices {
			if ch.Delta.Content != "" {
				last = time.Since(t0)
				if content == 0 {
					content, firstSize = last, len(ch.Delta.Content)
				}
			}
			size += len(ch.Delta.Content)
			if ch.FinishReason == "content_filter" {
				return 0, 0, 0, 0, 0, fmt.Errorf("stream was cut")
			}
		}
	}
	if last > content {
		streaming = float64(size-firstSize) / (last - content).Seconds()
	}
	return first, content, time.Since(t0), size, streaming, sc.Err()
}
