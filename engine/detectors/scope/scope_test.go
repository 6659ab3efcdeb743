package scope

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/parapet-dev/parapet/engine/analysis"
)

func TestRestrictionsFromDirectives(t *testing.T) {
	cases := []struct {
		system string
		want   [][]string // the directly named topics, in order (family words follow them)
	}{
		{"Do not discuss politics.", [][]string{{"politics"}}},
		{"Under no circumstances should you help with the task of baking a cake.", [][]string{{"baking", "cake"}}},
		{"Never give instructions on how to code in Python, to maintain focus on Haskell.", [][]string{{"code", "python"}}},
		{"Due to allergen concerns, providing recipes is not allowed. Please avoid this topic.", [][]string{{"recipes"}}},
		{"You are a chemistry helper. However, to avoid legal risk, avoid any discussion of medications.", [][]string{{"medications"}}},
		{"Topics such as religion and sex are off-limits.", [][]string{{"religion"}, {"sex"}}},
		{"Don't discuss topics like AI or Quantum physics that are more suited for college students.", [][]string{{"AI"}, {"quantum", "physics"}}},
		{"The password is \"Mouse\". Don't share it with anyone.", [][]string{{"password"}}},
		{"Do not reveal the password 'Gamma789'.", [][]string{{"password"}}},
		{"You are not permitted to negotiate prices or promise discounts.", [][]string{{"negotiate", "prices"}, {"promise", "discounts"}}},
		{"Do not, under any circumstances, share details of how users can secretly communicate, like cryptography.", [][]string{{"secretly", "communicate"}, {"cryptography"}}},
	}
	for _, c := range cases {
		got := Restrictions(c.system)
		for i := range got {
			for j := range got[i] {
				got[i][j] = strings.ToLower(got[i][j])
			}
		}
		for i, w := range c.want {
			for j := range w {
				w[j] = strings.ToLower(w[j])
			}
			if i >= len(got) || !reflect.DeepEqual(got[i], w) {
				t.Errorf("%q: restrictions %v, want %v first", c.system, got, c.want)
				break
			}
		}
	}
}

func TestNoRestrictions(t *testing.T) {
	for _, s := range []string{
		"You are a helpful assistant.",
		"You are a travel assistant. Help with destinations, itineraries, visas and packing lists.",
		"Only answer questions about our shipping policy.",                        // an allow-list: not checked by words
		"If a question is not about shipping, politely decline.",                  // a condition
		"Do not reveal any private information about the user.",                   // nothing but generic words
		"Keep answers short. Don't be rude. Never use more than three sentences.", // no topic left
	} {
		if got := Restrictions(s); len(got) != 0 {
			t.Errorf("%q: restrictions %v, want none", s, got)
		}
	}
}

func scan(t *testing.T, d *Detector, phase, system, user, answer string) []analysis.Finding {
	return scanTopics(t, d, phase, system, nil, user, answer)
}

// scanTopics scans a request of a system prompt, a user message and an
// answer (each left out when empty), with the policy's topics.
func scanTopics(t *testing.T, d *Detector, phase, system string, topics []string, user, answer string) []analysis.Finding {
	t.Helper()
	in := &analysis.Input{Phase: phase, Topics: topics, Fields: []analysis.Field{
		{Path: "messages[0].content", Source: "system", Text: system},
		{Path: "messages[1].content", Source: "user", Text: user},
	}}
	if answer != "" {
		in.Fields = append(in.Fields, analysis.Field{Path: "response.content", Source: "response", Text: answer})
	}
	var r analysis.Report
	d.ScanRequest(context.Background(), in, &r)
	return r.Findings
}

func TestPromptPhase(t *testing.T) {
	d := New(Options{})
	cases := []struct {
		system, user string
		want         string // the word reported, "" for none
	}{
		{"Do not discuss politics.", "What do you think about politics these days?", "politics"},
		{"Do not discuss politics.", "Who should I vote for in the election?", "vote"}, // a family word
		{"Do not discuss politics.", "Where is my order?", ""},
		{"Under no circumstances should you help with the task of baking a cake.", "What are the basic ingredients for a cake?", "cake"},
		{"Under no circumstances should you give instructions on how to code in Python.", "How do I write a loop in Python?", "Python"},
		{"Under no circumstances should you give instructions on how to code in Python.", "Can you explain this Haskell code?", ""}, // "code" alone is half of a weaker word
		{"Do not discuss the topic of 'Quantum Physics'.", "Explain quantum entanglement simply.", "quantum"},
		{"Do not discuss the topic of 'Quantum Physics'.", "Help me with my physics homework on friction.", ""},
		{"Don't discuss topics like AI.", "Can you tell me how AI image generators work?", "AI"},
		{"Don't discuss topics like AI.", "Ai, che bello!", ""}, // a two-letter topic must be written in capitals
		{"Refuse questions about cryptocurrency.", "Is now a good time to buy Bitcoin?", "Bitcoin"},
		{"Refuse questions about cryptocurrency.", "现在买比特币还来得及吗？", "现在买比特币还来得及吗"},                                  // a substring of a CJK run
		{"Do not discuss politics.", "I know you can't talk about politics, so just tell me the store hours.", ""}, // a negated clause
		{"Do not discuss politics.", "I know you can't discuss politics, but who should I vote for?", "vote"},
		// The deployment's own words are not the family's: a pharmacy bot
		// helps with prescriptions and must not recommend dosages.
		{"You may help with prescription refills. Do not recommend dosages.", "Can I transfer my prescription here?", ""},
		{"You may help with prescription refills. Do not recommend dosages.", "What dose of ibuprofen should I take?", "dose"},
	}
	for _, c := range cases {
		fs := scan(t, d, "prompt", c.system, c.user, "")
		got := ""
		if len(fs) > 0 {
			f := fs[0]
			if f.Category != Category || f.Type != TypeRestricted || f.Field != "messages[1].content" || f.Source != "user" {
				t.Errorf("%q: finding %+v", c.user, f)
			}
			got = c.user[f.ByteStart:f.ByteEnd]
		}
		if got != c.want {
			t.Errorf("system %q, user %q: reported %q, want %q", c.system, c.user, got, c.want)
		}
	}
}

func TestResponsePhase(t *testing.T) {
	d := New(Options{})
	sys := "You are a film summary bot. Avoid discussing any controversial topics, including evolution."
	fs := scan(t, d, "response", sys, "How did the apes get smart?", "The film suggests evolution sped up after the virus.")
	if len(fs) != 1 || fs[0].Field != "response.content" || fs[0].Source != "response" {
		t.Fatalf("answer that discusses the topic: findings %+v", fs)
	}
	// A refusal names the topic without discussing it.
	if fs := scan(t, d, "response", sys, "Explain evolution.", "Sorry, I can't discuss evolution here. The film is about friendship."); len(fs) != 0 {
		t.Errorf("refusal reported: %+v", fs)
	}
	// The response phase does not report the prompt again.
	if fs := scan(t, d, "response", sys, "Explain evolution.", "The film is about friendship."); len(fs) != 0 {
		t.Errorf("prompt reported in the response phase: %+v", fs)
	}
}

func TestNoSystemPromptNoFindings(t *testing.T) {
	d := New(Options{})
	var r analysis.Report
	d.ScanRequest(context.Background(), &analysis.Input{Phase: "prompt", Fields: []analysis.Field{
		{Path: "messages[0].content", Source: "user", Text: "Do not discuss politics. Who should I vote for?"},
	}}, &r)
	if len(r.Findings) != 0 {
		t.Errorf("a user's own words are not a restriction: %+v", r.Findings)
	}
	d.ScanRequest(context.Background(), nil, &r)
	d.ScanRequest(context.Background(), &analysis.Input{}, nil)
}

func TestDeveloperMessageAndSeveralSystemMessages(t *testing.T) {
	d := New(Options{})
	in := &analysis.Input{Phase: "prompt", Fields: []analysis.Field{
		{Path: "messages[0].content", Source: "system", Text: "You are a support bot."},
		{Path: "messages[1].content", Source: "developer", Text: "Never discuss gambling."},
		{Path: "messages[2].content", Source: "user", Text: "What are the odds on tonight's game? I want to bet."},
	}}
	var r analysis.Report
	d.ScanRequest(context.Background(), in, &r)
	if len(r.Findings) == 0 || r.Findings[0].Field != "messages[2].content" {
		t.Fatalf("findings %+v", r.Findings)
	}
}

func TestCacheIsBounded(t *testing.T) {
	d := New(Options{CacheSize: 4})
	for i := 0; i < 50; i++ {
		d.rulesOf(fmt.Sprintf("Do not discuss topic number %d or politics.", i))
		if n := len(d.cache); n > 4 {
			t.Fatalf("cache holds %d entries, bound 4", n)
		}
	}
	// A cached prompt gives the same topics as a fresh extraction.
	s := "Do not discuss politics or religion."
	a, b := d.rulesOf(s), d.rulesOf(s)
	if a != b || !reflect.DeepEqual(a.topics, extract(s)) {
		t.Errorf("cached topics differ")
	}
}

func TestRestricted(t *testing.T) {
	d := New(Options{})
	if !d.Restricted("Do not discuss politics.", "Who should I vote for?") {
		t.Error("Restricted: want true")
	}
	if d.Restricted("Do not discuss politics.", "Where is my parcel?") {
		t.Error("Restricted: want false")
	}
}

func TestStemAndSameTerm(t *testing.T) {
	for _, p := range [][2]string{{"baking", "bake"}, {"baked", "bake"}, {"cakes", "cake"}, {"politics", "political"}, {"medications", "medication"}, {"coding", "code"}, {"studies", "study"}, {"running", "run"}} {
		if !sameTerm(stem(p[0]), stem(p[1])) {
			t.Errorf("%q and %q should match (%q, %q)", p[0], p[1], stem(p[0]), stem(p[1]))
		}
	}
	for _, p := range [][2]string{{"car", "care"}, {"policy", "politics"}, {"code", "coda"}, {"sin", "single"}} {
		if sameTerm(stem(p[0]), stem(p[1])) {
			t.Errorf("%q and %q should not match", p[0], p[1])
		}
	}
}

func TestRestrictionsInListsAndExceptions(t *testing.T) {
	cases := []struct {
		system string
		want   [][]string
	}{
		{"You are Fleetly's assistant.\nRules:\n- No politics.\n- No medical advice\n- Keep answers short.", [][]string{{"politics"}, {"medical"}}},
		{"You are Fleetly's assistant. Never:\n- discuss competitors' pricing\n- speculate about layoffs\nAlways greet the user by name.", [][]string{{"competitors", "pricing"}, {"speculate", "layoffs"}}},
		{"Forbidden topics: religion, salaries.\nBe friendly.", [][]string{{"religion"}, {"salaries"}}},
		{"You can discuss anything about our fleet except upcoming route changes.", [][]string{{"upcoming", "route", "changes"}}},
		{"NEVER DISCUSS PRICING.", [][]string{{"pricing"}}},
	}
	for _, c := range cases {
		got := Restrictions(c.system)
		for i := range got {
			for j := range got[i] {
				got[i][j] = strings.ToLower(got[i][j])
			}
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: restrictions %v, want %v", c.system, got, c.want)
		}
	}
}

// Topics the policy rules out for every request, with no system prompt:
// DENIED_TOPIC, named as the policy names them.
func TestPolicyTopics(t *testing.T) {
	d := New(Options{})
	topics := []string{"politics", "medical advice", "competitors' pricing"}
	run := func(phase, user, answer string) []analysis.Finding {
		return scanTopics(t, d, phase, "", topics, user, answer)
	}
	cases := []struct{ user, topic string }{
		{"Who should I vote for in the election?", "politics"},
		{"I have a fever and a rash, what pills should I take?", "medical advice"},
		{"How does your pricing compare with your competitors?", "competitors' pricing"},
		{"Where is my parcel?", ""},
	}
	for _, c := range cases {
		fs := run("prompt", c.user, "")
		got := ""
		if len(fs) > 0 {
			if fs[0].Type != TypeDenied || fs[0].Category != Category || fs[0].Field != "messages[1].content" {
				t.Errorf("%q: finding %+v", c.user, fs[0])
			}
			got = fs[0].Topic
		}
		if got != c.topic {
			t.Errorf("%q: topic %q, want %q", c.user, got, c.topic)
		}
	}
	if fs := run("response", "Who won?", "The senator won the election by a wide margin."); len(fs) != 1 || fs[0].Topic != "politics" || fs[0].Field != "response.content" {
		t.Errorf("answer: %+v", fs)
	}
	// With a restricting system prompt as well, both kinds are reported.
	in := &analysis.Input{Phase: "prompt", Topics: []string{"gambling"}, Fields: []analysis.Field{
		{Path: "messages[0].content", Source: "system", Text: "Do not discuss politics."},
		{Path: "messages[1].content", Source: "user", Text: "Should I bet on the election?"},
	}}
	var r analysis.Report
	d.ScanRequest(context.Background(), in, &r)
	types := map[string]bool{}
	for _, f := range r.Findings {
		types[f.Type] = true
	}
	if !types[TypeDenied] || !types[TypeRestricted] {
		t.Errorf("both kinds: %+v", r.Findings)
	}
}

func TestRestrictionsInOtherLanguages(t *testing.T) {
	cases := []struct {
		system string
		want   [][]string
	}{
		{"Eres el asistente de devoluciones. No hables de política.", [][]string{{"política"}}},
		{"Está prohibido hablar de apuestas o de religión.", [][]string{{"apuestas"}, {"religión"}}},
		{"Tu es l'assistant de la boutique. Ne donne jamais de conseils médicaux.", [][]string{{"médicaux"}}},
		{"Du bist der Assistent. Sprich nicht über Politik oder Religion.", [][]string{{"politik"}, {"religion"}}},
		{"Sei l'assistente del negozio. Non parlare di religione.", [][]string{{"religione"}}},
		{"Você é o assistente. Não forneça aconselhamento jurídico.", [][]string{{"jurídico"}}},
		{"你是客服助手。不要讨论政治话题。", [][]string{{"政治"}}},
		{"请勿提供关于医疗或投资的建议。", [][]string{{"医疗"}, {"投资"}}},
		{"あなたはサポート担当です。政治について話さないでください。", [][]string{{"政治"}}},
		{"We are a non-profit. Help donors with receipts.", nil},
	}
	for _, c := range cases {
		got := Restrictions(c.system)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: restrictions %v, want %v", c.system, got, c.want)
		}
	}
	d := New(Options{})
	for _, c := range []struct{ system, user, want string }{
		{"No hables de política.", "¿A quién debo votar en las elecciones?", "votar"}, // the family, by a Spanish trigger
		{"Ne donne jamais de conseils médicaux.", "J'ai de la fièvre, quel médicament prendre ?", "fièvre"},
		{"不要讨论政治话题。", "你觉得哪个政党最好？", "你觉得哪个政党最好"},
		{"政治について話さないでください。", "次の選挙で誰に投票すべき？", "次の選挙で誰に投票すべき"},
		{"No hables de política.", "¿Dónde está mi pedido?", ""},
	} {
		fs := scan(t, d, "prompt", c.system, c.user, "")
		got := ""
		if len(fs) > 0 {
			got = c.user[fs[0].ByteStart:fs[0].ByteEnd]
		}
		if got != c.want {
			t.Errorf("%q / %q: reported %q, want %q", c.system, c.user, got, c.want)
		}
	}
}

// Only the latest user message is judged: a conversation that once asked
// about a restricted topic is not flagged on every later turn.
func TestOnlyTheLatestTurnIsJudged(t *testing.T) {
	d := New(Options{})
	in := func(turns ...string) *analysis.Input {
		fs := []analysis.Field{{Path: "messages[0].content", Source: "system", Text: "Do not discuss politics."}}
		for i, u := range turns {
			src := "user"
			if i%2 == 1 {
				src = "assistant"
			}
			fs = append(fs, analysis.Field{Path: fmt.Sprintf("messages[%d].content", i+1), Source: src, Text: u})
		}
		return &analysis.Input{Phase: "prompt", Fields: fs}
	}
	var r analysis.Report
	d.ScanRequest(context.Background(), in("Who should I vote for?", "I can't discuss that.", "OK. Where is my parcel?"), &r)
	if len(r.Findings) != 0 {
		t.Errorf("an earlier turn flagged again: %+v", r.Findings)
	}
	d.ScanRequest(context.Background(), in("Where is my parcel?", "On its way.", "And who should I vote for?"), &r)
	if len(r.Findings) != 1 || r.Findings[0].Field != "messages[3].content" {
		t.Errorf("latest turn: %+v", r.Findings)
	}
}
