#!/usr/bin/env bash
# Decision latency with decision logs on (a file sink and a Kafka sink)
# against logs off, at concurrency 8, on a 2 KB prompt with the default
# bundle. Runs BenchmarkDecideWithSinks COUNT times (interleaved by the
# benchmark's own order) and prints the median latency of each and the
# overhead. The Kafka broker is in-process (kfake), so its CPU is charged
# to the sinks: a remote broker costs the decision service less.
#
#   bash bench/logs-overhead.sh            # COUNT=6 BENCHTIME=3s
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-6}
BENCHTIME=${BENCHTIME:-3s}
out=$(mktemp)
go test -run '^$' -bench 'BenchmarkDecideWithSinks|BenchmarkPipelineEvent' -benchtime "$BENCHTIME" -count "$COUNT" ./connectors/logs/ | tee "$out"
awk '
/BenchmarkDecideWithSinks\/sinks=/ {
	split($1, a, "="); mode = a[2]; sub(/-[0-9]+$/, "", mode)
	for (i = 2; i < NF; i++) {
		if ($(i+1) == "latency-us") lat[mode] = lat[mode] " " $i
		if ($(i+1) == "cpu-us/op") cpu[mode] = cpu[mode] " " $i
	}
}
function median(s,   n, v, i, j, t) {
	n = split(s, v, " ")
	for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
	return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}
END {
	off = median(lat["off"]); on = median(lat["file+kafka"])
	printf "\nmedian latency at concurrency 8: sinks off %.0f us, file+kafka %.0f us, overhead %+.1f%%\n", off, on, (on / off - 1) * 100
	off = median(cpu["off"]); on = median(cpu["file+kafka"])
	printf "median CPU per decision:         sinks off %.0f us, file+kafka %.0f us, overhead %+.1f%%\n", off, on, (on / off - 1) * 100
}' "$out"
rm -f "$out"
