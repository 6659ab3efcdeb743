package engine

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// InputSchema is the JSON schema of the policy input (the request plus
// input.access and input.analysis). Policies are type-checked against it.
//
//go:embed schema/input.json
var InputSchema []byte

// RequestSchema is the JSON schema of the body of POST /v1/decide.
//
//go:embed schema/request.json
var RequestSchema []byte

// InputSchemaSet returns the input schema as OPA's type checker takes it.
func InputSchemaSet() (*ast.SchemaSet, error) { return inputSchemaSet() }

func inputSchemaSet() (*ast.SchemaSet, error) {
	var schema any
	if err := json.Unmarshal(InputSchema, &schema); err != nil {
		return nil, fmt.Errorf("BUG: the embedded input schema is not JSON: %w", err)
	}
	ss := ast.NewSchemaSet()
	ss.Put(ast.SchemaRootRef, schema)
	return ss, nil
}

// SortedErrors de-duplicates compile errors and sorts them by
// file:line:col, one "file:line:col: code: message" string each.
func SortedErrors(errs ast.Errors) []string {
	type row struct {
		file      string
		line, col int
		text      string
	}
	seen := map[string]bool{}
	var rows []row
	for _, e := range errs {
		r := row{text: e.Error()}
		if e.Location != nil {
			r.file, r.line, r.col = e.Location.File, e.Location.Row, e.Location.Col
			r.text = fmt.Sprintf("%s:%d:%d: %s: %s", e.Location.File, e.Location.Row, e.Location.Col, e.Code, e.Message)
		}
		if seen[r.text] {
			continue
		}
		seen[r.text] = true
		rows = append(rows, r)
	}
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.file != b.file {
			return a.file < b.file
		}
		if a.line != b.line {
			return a.line < b.line
		}
		return a.col < b.col
	})
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.text
	}
	return out
}

// compileError turns a compiler failure into one error listing each
// problem on its own line, sorted by file:line:col.
func compileError(name string, err error) error {
	var errs ast.Errors
	if errors.As(err, &errs) && len(errs) > 0 {
		return fmt.Errorf("compiling bundle %q:\n  %s", name, strings.Join(SortedErrors(errs), "\n  "))
	}
	return fmt.Errorf("compiling bundle %q: %w", name, err)
}
