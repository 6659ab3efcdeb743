#!/usr/bin/env bash
# What the proxy adds to a model call, on loopback: the same requests sent
# straight to the fake upstream (bench/fakeupstream) and through
# `parapet serve --upstream`, with the embedded default policy deciding the
# prompt and the response.
#
#   non-streamed: added p50 latency of a chat completion (bench/load, one
#                 worker, then eight)
#   streamed:     time to the first chunk and to the first content text,
#                 and content throughput (bench/streamload) over the whole
#                 stream and while streaming (first content to last, so
#                 the time to first token is not counted twice), against an
#                 upstream that streams a 240-word answer one word per
#                 chunk, paced (DELAY, like a model) and unpaced; then
#                 unpaced again with longer answers (LONG_WORDS), where the
#                 fixed costs of a stream (the prompt decision, the first
#                 and the last response decisions) weigh less
#
# Usage: bench/proxy-overhead.sh        (DUR=10s N=200 DELAY=5ms WORDS=240
#                                      LONG_WORDS="1000 4000" by default;
#                                      LONG_WORDS= skips the longer answers)
#        BUNDLE=bench/allow-all bench/proxy-overhead.sh
#                                      (the proxy's own cost: a policy that
#                                      allows everything, no evaluation of
#                                      the default library)
# Only loopback addresses are used; everything started is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

DUR=${DUR:-10s}
N=${N:-200}
DELAY=${DELAY:-5ms}
WORDS=${WORDS:-240}
LONG_WORDS=${LONG_WORDS-1000 4000}
BUNDLE=${BUNDLE:-}
bundle_flag=()
if [ -n "$BUNDLE" ]; then bundle_flag=(--bundle "$BUNDLE"); fi
UP_ADDR=127.0.0.1:18301
UP_PACED_ADDR=127.0.0.1:18302
PX_ADDR=127.0.0.1:18303
PX_PACED_ADDR=127.0.0.1:18304

# shellcheck source=bench/lib.sh
. bench/lib.sh

echo "building parapet, the fake upstream and the load tools ..." >&2
go build -o "$work/parapet" ./cmd/parapet
go build -o "$work/fakeupstream" ./bench/fakeupstream
go build -o "$work/load" ./bench/load
go build -o "$work/streamload" ./bench/streamload

"$work/fakeupstream" -addr "$UP_ADDR" >/dev/null &
pids+=($!)
"$work/fakeupstream" -addr "$UP_PACED_ADDR" -delay "$DELAY" >/dev/null &
pids+=($!)
"$work/parapet" serve "${bundle_flag[@]}" --addr "$PX_ADDR" --upstream "fake=http://$UP_ADDR/v1" --log-level error &
pids+=($!)
"$work/parapet" serve "${bundle_flag[@]}" --addr "$PX_PACED_ADDR" --upstream "fake=http://$UP_PACED_ADDR/v1" --log-level error &
pids+=($!)
wait_ready "http://$UP_ADDR/v1/models"
wait_ready "http://$UP_PACED_ADDR/v1/models"
wait_ready "http://$PX_ADDR/health/ready"
wait_ready "http://$PX_PACED_ADDR/health/ready"

small_chat "$work/chat.json"
cat >"$work/stream.json" <<JSON
{"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"Summarise our returns policy.\nscenario=bench=$WORDS"}]}
JSON


echo
echo "== non-streamed chat completion: added p50 latency"
printf '%-12s %12s %12s %12s\n' workers direct_us proxy_us added_us
for c in 1 8; do
	d=$("$work/load" -url "http://$UP_ADDR/v1/chat/completions" -body "$work/chat.json" -c "$c" -d "$DUR" -json | p50)
	p=$("$work/load" -url "http://$PX_ADDR/v1/chat/completions" -body "$work/chat.json" -c "$c" -d "$DUR" -json | p50)
	printf '%-12s %12.0f %12.0f %12.0f\n' "$c" "$d" "$p" "$(echo "$p - $d" | bc -l)"
done

stream_row() { # label direct_url proxy_url [body]
	body=${4:-$work/stream.json}
	d=$("$work/streamload" -url "$2" -body "$body" -n "$N" -json)
	p=$("$work/streamload" -url "$3" -body "$body" -n "$N" -json)
	dfc=$(echo "$d" | field first_chunk_p50_us); pfc=$(echo "$p" | field first_chunk_p50_us)
	dft=$(echo "$d" | field first_content_p50_us); pft=$(echo "$p" | field first_content_p50_us)
	dbs=$(echo "$d" | field content_bytes_per_s_p50); pbs=$(echo "$p" | field content_bytes_per_s_p50)
	dss=$(echo "$d" | field streaming_bytes_per_s_p50); pss=$(echo "$p" | field streaming_bytes_per_s_p50)
	printf '%-10s %-22s %10.0f %10.0f %10.0f\n' "$1" "first chunk (us)" "$dfc" "$pfc" "$(echo "$pfc - $dfc" | bc -l)"
	printf '%-10s %-22s %10.0f %10.0f %10.0f\n' "$1" "first content (us)" "$dft" "$pft" "$(echo "$pft - $dft" | bc -l)"
	printf '%-10s %-22s %10.0f %10.0f %10.2fx\n' "$1" "throughput (B/s)" "$dbs" "$pbs" "$(echo "$pbs / $dbs" | bc -l)"
	printf '%-10s %-22s %10.0f %10.0f %10.2fx\n' "$1" "while streaming (B/s)" "$dss" "$pss" "$(echo "$pss / $dss" | bc -l)"
}

echo
echo "== streamed chat completion, $WORDS words, one per chunk (p50 of $N streams)"
printf '%-10s %-22s %10s %10s %10s\n' upstream measure direct proxy added
stream_row "paced $DELAY" "http://$UP_PACED_ADDR/v1/chat/completions" "http://$PX_PACED_ADDR/v1/chat/completions"
stream_row "unpaced" "http://$UP_ADDR/v1/chat/completions" "http://$PX_ADDR/v1/chat/completions"

for w in $LONG_WORDS; do
	cat >"$work/stream-$w.json" <<JSON
{"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"Summarise our returns policy.\nscenario=bench=$w"}]}
JSON
	echo
	echo "== streamed chat completion, $w words, one per chunk, unpaced (p50 of $N streams)"
	printf '%-10s %-22s %10s %10s %10s\n' upstream measure direct proxy added
	stream_row "unpaced" "http://$UP_ADDR/v1/chat/completions" "http://$PX_ADDR/v1/chat/completions" "$work/stream-$w.json"
done
