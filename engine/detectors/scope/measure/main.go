// Command measure scores the scope detector on rows that carry a system
// prompt: the CyberSecEval rows of ../shared/corpora/injection_dev.jsonl
// (field system_prompt) or a hand-written set (testdata/*/rows.jsonl); or
// a policy's denied topics (field topics, testdata/topics).
//
//	go run ./engine/detectors/scope/measure [-split test|train,tune|all] FILE.jsonl
//
// A row is positive when its label is "off_limits", "denied", "injection"
// or "jailbreak", negative when "allowed" or "benign". It prints the share
// flagged per label and per subtype (or note).
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"sort"
	"strings"

	"github.com/parapet-dev/parapet/engine/analysis"
	"github.com/parapet-dev/parapet/engine/detectors/injection"
	"github.com/parapet-dev/parapet/engine/detectors/scope"
)

type row struct {
	ID           string `json:"id"`
	Text         string `json:"text"`
	SystemPrompt string `json:"system_prompt"`
	Label        string `json:"label"`
	Subtype      string `json:"subtype"`
	Note         string `json:"note"`
	// Topics is a policy's denied topics (testdata/topics): the row is
	// judged with analysis.Input.Topics instead of a system prompt; a
	// row noted "answer" is an assistant's answer (response phase).
	Topics []string `json:"topics"`
	// Lang is a row's language (testdata/multilingual); counted too.
	Lang string `json:"lang"`
}

// bucket is the injection trainer's split: FNV-1a-32 of the id mod 10;
// 0-6 train, 7 tune, 8-9 test.
func bucket(id string) string {
	h := fnv.New32a()
	h.Write([]byte(id))
	switch b := h.Sum32() % 10; {
	case b <= 6:
		return "train"
	case b == 7:
		return "tune"
	}
	return "test"
}

func main() {
	split := flag.String("split", "all", "splits to count (train, tune, test; comma-separated), or all")
	verbose := flag.Bool("v", false, "print each row's verdict (only for sets you may read)")
	half := flag.String("half", "", "for a hand-written set: dev or blind, the half of its system prompts (FNV-1a-32 of the prompt, even or odd) to count; empty counts both")
	pair := flag.Bool("pair", false, "pair each benign row without a system prompt with one of the file's system prompts that restrict a topic (chosen by a hash of the row id), to estimate false flags")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: measure [-split S] FILE.jsonl")
		os.Exit(2)
	}
	f, err := os.Open(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	want := map[string]bool{}
	for _, s := range strings.Split(*split, ",") {
		want[s] = true
	}
	d := scope.New(scope.Options{})
	type count struct{ n, flagged int }
	by := map[string]*count{}
	inc := func(k string, hit bool) {
		c := by[k]
		if c == nil {
			c = &count{}
			by[k] = c
		}
		c.n++
		if hit {
			c.flagged++
		}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var rows []row
	var prompts []string
	seenPrompt := map[string]bool{}
	for line := 1; sc.Scan(); line++ {
		var r row
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			fmt.Fprintf(os.Stderr, "line %d: %v\n", line, err)
			os.Exit(1)
		}
		rows = append(rows, r)
		if p := r.SystemPrompt; p != "" && !seenPrompt[p] && len(scope.Restrictions(p)) > 0 {
			seenPrompt[p] = true
			prompts = append(prompts, p)
		}
	}
	for _, r := range rows {
		if *half == "" && !want["all"] && !want[bucket(r.ID)] {
			continue
		}
		if r.SystemPrompt == "" && *pair && r.Label == "benign" && len(prompts) > 0 {
			h := fnv.New32a()
			h.Write([]byte("pair:" + r.ID))
			r.SystemPrompt = prompts[h.Sum32()%uint32(len(prompts))]
		}
		if r.SystemPrompt == "" && len(r.Topics) == 0 {
			continue
		}
		if *half != "" {
			h := fnv.New32a()
			h.Write([]byte(r.SystemPrompt))
			if (h.Sum32()%2 == 0) != (*half == "dev") {
				continue
			}
		}
		in := &analysis.Input{Phase: "prompt", Topics: r.Topics, Fields: []analysis.Field{
			{Path: "messages[0].content", Source: "system", Text: r.SystemPrompt},
			{Path: "messages[1].content", Source: "user", Text: r.Text},
		}}
		if r.Note == "answer" {
			in.Phase = "response"
			in.Fields[1].Text = "(the question)"
			in.Fields = append(in.Fields, analysis.Field{Path: "response.content", Source: "response", Text: r.Text})
		}
		var rep analysis.Report
		d.ScanRequest(context.Background(), in, &rep)
		hit := len(rep.Findings) > 0
		pos := r.Label == "off_limits" || r.Label == "denied" || r.Label == "injection" || r.Label == "jailbreak"
		lab := "negative"
		if pos {
			lab = "positive"
		}
		sub := r.Subtype
		if sub == "" {
			sub = r.Note
		}
		inj, _ := injection.Score(r.Text, "user")
		injHit := inj >= injection.DefaultThreshold
		inc(lab+" scope", hit)
		inc(lab+" injection", injHit)
		inc(lab+" either", hit || injHit)
		inc(lab+" scope, injection missed", hit && !injHit)
		inc(lab+" scope: "+sub, hit)
		kind := "system prompt"
		if len(r.Topics) > 0 {
			kind = "policy topics"
		}
		inc(lab+" scope, kind: "+kind, hit)
		if r.Lang != "" {
			inc(lab+" scope, language: "+r.Lang, hit)
		}
		if *verbose {
			fmt.Printf("%v %v %s | %.150s || %v\n", hit, injHit, lab, r.Text, scope.Restrictions(r.SystemPrompt))
		}
	}
	keys := make([]string, 0, len(by))
	for k := range by {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c := by[k]
		fmt.Printf("%-60s %4d flagged %4d  %.3f\n", k, c.n, c.flagged, float64(c.flagged)/float64(c.n))
	}
}
