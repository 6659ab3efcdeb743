// Package rego holds Parapet's default policy library, embedded into the
// binary as the default bundle: the Rego modules, their tests (which the
// loader filters out), data.json (data.parapet.config and
// data.parapet.rbac) and the bundle .manifest.
package rego

import "embed"

// FS is the default bundle's file tree, rooted at this directory.
//
//go:embed *.rego data.json .manifest
var FS embed.FS
