package main

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
)

type row struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Label   string `json:"label"`
	Subtype string `json:"subtype"`
	split   string
	attack  bool
}

func readRows(path string) ([]row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows []row
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var r row
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, err
		}
		rows = append(rows, prepare(r))
	}
	return rows, sc.Err()
}

func prepare(r row) row {
	r.attack = r.Label == "injection" || r.Label == "jailbreak"
	r.split = splitOf(r.ID)
	return r
}

// family is the subtype up to its first ':' ("cyber_frr", "xstest_safe",
// "direct", "in_the_wild", ...), the unit of per-family reporting and of
// training weights.
func family(r row) string {
	s := r.Subtype
	if i := strings.IndexByte(s, ':'); i >= 0 {
		s = s[:i]
	}
	if s == "" {
		s = r.Label
	}
	return s
}
