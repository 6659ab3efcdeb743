# Shared by the bench/*.sh scripts (source it after `cd` to the repository
# root): a scratch directory ($work) removed on exit, the processes to stop
# on exit ($pids; a script may define bench_cleanup_extra for more),
# waiting for a server, and reading the load tools' JSON.
# shellcheck shell=bash

work=$(mktemp -d)
pids=()
bench_cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	if declare -F bench_cleanup_extra >/dev/null; then bench_cleanup_extra; fi
	rm -rf "$work"
}
trap bench_cleanup EXIT

# wait_ready URL: wait up to 20 s for URL to answer 2xx.
wait_ready() {
	for _ in $(seq 1 200); do
		if curl -fsS "$1" >/dev/null 2>&1; then return 0; fi
		sleep 0.1
	done
	echo "server at $1 did not start" >&2
	exit 1
}

# field NAME: a number field of the JSON on stdin (bench/load, bench/streamload).
field() { sed -n "s/.*\"$1\":\([0-9.e+]*\).*/\1/p"; }
p50() { field p50_us; }

# small_chat FILE: the small chat completion request of the proxy benchmarks.
small_chat() {
	cat >"$1" <<'JSON'
{"model":"gpt-4o","messages":[{"role":"system","content":"You are a helpful assistant for the returns desk."},{"role":"user","content":"Summarise our returns policy in three bullet points."}]}
JSON
}
