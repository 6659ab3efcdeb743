#!/usr/bin/env bash
# Copies Parapet's default policy library (rego/, without its tests) into
# library/, pinning Acme's bundle to it. Run it to upgrade, then run the
# tests (README.md) and compare data.json with rego/data.json for new knobs.
#   examples/bundle-acme/sync-library.sh [git-revision]   (default: HEAD)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
rev="${1:-HEAD}"
rm -f "$here"/library/*.rego
for f in $(git -C "$repo" ls-tree --name-only "$rev" rego/ | grep '\.rego$' | grep -v '_test\.rego$'); do
	git -C "$repo" show "$rev:$f" >"$here/library/$(basename "$f")"
done
echo "library/ now holds rego/ at $(git -C "$repo" rev-parse --short "$rev"): $(ls "$here/library" | tr '\n' ' ')"
