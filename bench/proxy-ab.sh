#!/usr/bin/env bash
# Interleaved A/B of the non-streamed latency `parapet serve` adds to a chat
# completion: two builds of parapet (OLD, NEW: git revisions) behind the
# same fake upstream, short rounds that alternate which build goes first,
# the direct p50 measured in each round. On a shared, noisy machine this
# compares two builds far better than two runs of proxy-overhead.sh.
#
# Usage: OLD=<rev> [NEW=<rev>, default the working tree] [ROUNDS=12] [DUR=2s] bench/proxy-ab.sh
# Prints, per round, the direct p50 and the p50 each build adds (µs), then
# the medians and how often NEW added less. Only loopback addresses.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${OLD:?set OLD to a git revision}"
ROUNDS=${ROUNDS:-12}
DUR=${DUR:-2s}
UP=127.0.0.1:18401
PA=127.0.0.1:18402
PB=127.0.0.1:18403

# shellcheck source=bench/lib.sh
. bench/lib.sh
bench_cleanup_extra() {
	git worktree remove --force "$work/old" 2>/dev/null || true
	if [ -n "${NEW:-}" ]; then git worktree remove --force "$work/new" 2>/dev/null || true; fi
}

echo "building $OLD and ${NEW:-the working tree} ..." >&2
git worktree add -q "$work/old" "$OLD"
(cd "$work/old" && go build -o "$work/parapet-old" ./cmd/parapet)
if [ -n "${NEW:-}" ]; then
	git worktree add -q "$work/new" "$NEW"
	(cd "$work/new" && go build -o "$work/parapet-new" ./cmd/parapet)
else
	go build -o "$work/parapet-new" ./cmd/parapet
fi
go build -o "$work/fakeupstream" ./bench/fakeupstream
go build -o "$work/load" ./bench/load

"$work/fakeupstream" -addr "$UP" >/dev/null &
pids+=($!)
"$work/parapet-old" serve --addr "$PA" --upstream "fake=http://$UP/v1" --log-level error &
pids+=($!)
"$work/parapet-new" serve --addr "$PB" --upstream "fake=http://$UP/v1" --log-level error &
pids+=($!)
wait_ready "http://$UP/v1/models"
wait_ready "http://$PA/health/ready"
wait_ready "http://$PB/health/ready"

small_chat "$work/chat.json"
run() { "$work/load" -url "http://$1/v1/chat/completions" -body "$work/chat.json" -c 1 -d "$DUR" -json | p50; }

printf '%-6s %10s %12s %12s\n' round direct_us old_added new_added
olds=() news=()
for r in $(seq 1 "$ROUNDS"); do
	d=$(run "$UP")
	if [ $((r % 2)) -eq 0 ]; then o=$(run "$PA"); n=$(run "$PB"); else n=$(run "$PB"); o=$(run "$PA"); fi
	oa=$(echo "$o - $d" | bc -l); na=$(echo "$n - $d" | bc -l)
	olds+=("$oa"); news+=("$na")
	printf '%-6s %10.0f %12.0f %12.0f\n' "$r" "$d" "$oa" "$na"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
lower=0
for i in "${!olds[@]}"; do
	if (( $(echo "${news[$i]} < ${olds[$i]}" | bc -l) )); then lower=$((lower + 1)); fi
done
printf 'median added: old %.0f us, new %.0f us; new added less in %d of %d rounds\n' \
	"$(median "${olds[@]}")" "$(median "${news[@]}")" "$lower" "$ROUNDS"
