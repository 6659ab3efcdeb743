// Command load is a closed-loop HTTP load generator for Parapet's
// benchmarks: C workers each POST the same body back to back for a fixed
// time, over keep-alive connections, and it prints requests per second and
// latency percentiles. Every response must be 200, or the run fails.
//
//	go run ./bench/load -url http://127.0.0.1:8282/v1/decide -body req.json -c 8 -d 10s
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"sync"
	"time"
)

type result struct {
	Concurrency int     `json:"concurrency"`
	Requests    int     `json:"requests"`
	Errors      int     `json:"errors"`
	Seconds     float64 `json:"seconds"`
	RPS         float64 `json:"rps"`
	P50us       float64 `json:"p50_us"`
	P99us       float64 `json:"p99_us"`
}

func main() {
	url := flag.String("url", "", "URL to POST to")
	bodyFile := flag.String("body", "", "file with the request body")
	conc := flag.Int("c", 8, "concurrent workers")
	dur := flag.Duration("d", 10*time.Second, "how long to run")
	warm := flag.Duration("warmup", 2*time.Second, "warm-up before measuring")
	asJSON := flag.Bool("json", false, "print the result as JSON")
	flag.Parse()
	if *url == "" || *bodyFile == "" {
		fmt.Fprintln(os.Stderr, "load: -url and -body are required")
		os.Exit(2)
	}
	body, err := os.ReadFile(*bodyFile)
	if err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(2)
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: *conc * 2, MaxIdleConnsPerHost: *conc * 2, DisableCompression: true}}

	one := func() (time.Duration, error) {
		t := time.Now()
		resp, err := client.Post(*url, "application/json", bytes.NewReader(body))
		if err != nil {
			return 0, err
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return 0, fmt.Errorf("status %d", resp.StatusCode)
		}
		return time.Since(t), nil
	}
	run := func(d time.Duration, record bool) ([]time.Duration, int, time.Duration) {
		var mu sync.Mutex
		var all []time.Duration
		errs := 0
		var wg sync.WaitGroup
		start := time.Now()
		deadline := start.Add(d)
		for w := 0; w < *conc; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				lat := make([]time.Duration, 0, 1<<16)
				e := 0
				for time.Now().Before(deadline) {
					l, err := one()
					if err != nil {
						e++
						if e == 1 {
							fmt.Fprintln(os.Stderr, "load: request failed:", err)
						}
						continue
					}
					if record {
						lat = append(lat, l)
					}
				}
				mu.Lock()
				all = append(all, lat...)
				errs += e
				mu.Unlock()
			}()
		}
		wg.Wait()
		return all, errs, time.Since(start)
	}
	run(*warm, false)
	lat, errs, elapsed := run(*dur, true)
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 {
		if len(lat) == 0 {
			return 0
		}
		return float64(lat[int(float64(len(lat)-1)*p)].Microseconds())
	}
	r := result{Concurrency: *conc, Requests: len(lat), Errors: errs, Seconds: elapsed.Seconds(),
		RPS: float64(len(lat)) / elapsed.Seconds(), P50us: pct(0.50), P99us: pct(0.99)}
	if *asJSON {
		_ = json.NewEncoder(os.Stdout).Encode(r)
	} else {
		fmt.Printf("c=%d requests=%d errors=%d rps=%.0f p50=%.0fus p99=%.0fus\n", r.Concurrency, r.Requests, r.Errors, r.RPS, r.P50us, r.P99us)
	}
	if errs > 0 {
		os.Exit(1)
	}
}
