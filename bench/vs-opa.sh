#!/usr/bin/env bash
# Parapet against stock OPA, on the same bundle, under the same load tool,
# on loopback.
#
# Parapet gets the 2 KB request of engine/testdata/prompt-2k.json and does
# everything: decode, validate, casbin, all detectors, evaluation,
# redaction. OPA (`opa run --server`, default settings) gets the equivalent
# policy input with access and analysis precomputed (made by
# `parapet input`), so it only parses and evaluates. Both serve rego/.
#
# Usage: bench/vs-opa.sh            (DUR=10s CONCURRENCY="1 8 64" by default)
# Prints req/s, p50 and p99 side by side and Parapet/OPA ratios.
set -euo pipefail
cd "$(dirname "$0")/.."

DUR=${DUR:-10s}
CONCURRENCY=${CONCURRENCY:-"1 8 64"}
OPA_EXTRA_FLAGS=${OPA_EXTRA_FLAGS:-}
REQ=${REQ:-engine/testdata/prompt-2k.json}
PARAPET_ADDR=127.0.0.1:18282
OPA_ADDR=127.0.0.1:18181

# shellcheck source=bench/lib.sh
. bench/lib.sh

echo "building parapet, the load tool and opa v1.22.3 ..." >&2
go build -o "$work/parapet" ./cmd/parapet
go build -o "$work/load" ./bench/load
GOBIN="$work" go install github.com/open-policy-agent/opa@v1.22.3

"$work/parapet" input "$REQ" >"$work/input.json"
{ printf '{"input":'; cat "$work/input.json"; printf '}'; } >"$work/opa-body.json"

"$work/parapet" serve --addr "$PARAPET_ADDR" --log-level error &
pids+=($!)
# shellcheck disable=SC2086
"$work/opa" run --server --addr "$OPA_ADDR" --log-level error --ignore '*_test.rego' $OPA_EXTRA_FLAGS rego/ &
pids+=($!)
wait_ready "http://$PARAPET_ADDR/health/ready"
wait_ready "http://$OPA_ADDR/health"

# Both must answer the same decision before anything is timed.
p_effect=$(curl -fsS "http://$PARAPET_ADDR/v1/decide" -H 'Content-Type: application/json' --data-binary @"$REQ" | grep -o '"effect":"[a-z]*"' | head -1)
o_effect=$(curl -fsS "http://$OPA_ADDR/v1/data/parapet/main/decision" -H 'Content-Type: application/json' --data-binary @"$work/opa-body.json" | grep -o '"effect":"[a-z]*"' | head -1)
if [ "$p_effect" != "$o_effect" ]; then
	echo "parapet ($p_effect) and opa ($o_effect) disagree on the decision" >&2
	exit 1
fi
echo "both decide $p_effect; $(nproc) CPUs; ${DUR} per run" >&2

printf '%-6s %12s %12s %8s %10s %10s %10s %10s\n' conc parapet_rps opa_rps ratio p50_parapet p50_opa p99_parapet p99_opa
for c in $CONCURRENCY; do
	p=$("$work/load" -url "http://$PARAPET_ADDR/v1/decide" -body "$REQ" -c "$c" -d "$DUR" -json)
	o=$("$work/load" -url "http://$OPA_ADDR/v1/data/parapet/main/decision" -body "$work/opa-body.json" -c "$c" -d "$DUR" -json)
	prps=$(echo "$p" | field rps); orps=$(echo "$o" | field rps)
	printf '%-6s %12.0f %12.0f %8.2f %8.0fus %8.0fus %8.0fus %8.0fus\n' "$c" "$prps" "$orps" \
		"$(awk -v a="$prps" -v b="$orps" 'BEGIN{print a/b}')" "$(echo "$p" | field p50_us)" "$(echo "$o" | field p50_us)" "$(echo "$p" | field p99_us)" "$(echo "$o" | field p99_us)"
done
