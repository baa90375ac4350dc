#!/usr/bin/env bash
# Issue 29's Monday morning: 60 000 projects in 150 districts on PostgreSQL, two instances of the
# server on the one database, 500 simulated people of mixed roles opening the dashboard, the
# list, a project and the reports (pages and API) for two minutes. Reports throughput, p50, p95,
# p99, errors (there must be none) and each instance's memory.
#
#   Benchmarks/monday-morning.sh POSTGRES_URL [BINARY]
#
# POSTGRES_URL names an empty (or previously loaded) database, e.g.
# postgres://ballast:ballast@127.0.0.1:55432/monday?sslmode=disable. BINARY defaults to
# .build-release/release/ballast. Tunables: DISTRICTS (150), PROJECTS (400 per district),
# USERS (500), DURATION (120 seconds), PORTS ("8201 8202"), THINK_MIN_MS and THINK_MAX_MS (each
# person reads a page 2 000 to 8 000 ms before the next; both 0: no pause, the saturation run). Needs wrk (Debian: apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
URL=${1:?"usage: $0 POSTGRES_URL [BINARY]"}
B=${2:-.build-release/release/ballast}
DISTRICTS=${DISTRICTS:-150}; PROJECTS=${PROJECTS:-400}; USERS=${USERS:-500}; DURATION=${DURATION:-120}
PORTS=${PORTS:-"8201 8202"}
WORK=$(mktemp -d)
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 2; }

echo "== data and sessions: $DISTRICTS districts × $PROJECTS projects, $USERS people"
"$B" bench monday --districts "$DISTRICTS" --projects "$PROJECTS" --users "$USERS" --sessions "$WORK/sessions.txt" --database "$URL" \
  | grep -vE "^\[|loaded district" || true

echo "== two instances"
PIDS=()
for port in $PORTS; do
  "$B" serve --port "$port" --database "$URL" --log warning >"$WORK/server-$port.log" 2>&1 &
  PIDS+=($!)
done
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT
for port in $PORTS; do
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 1; done
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$WORK/server-$port.log"; exit 1; }
done

# Memory: each instance's resident set, sampled every two seconds while the load runs.
( while true; do for p in "${PIDS[@]}"; do echo "$p $(ps -o rss= -p "$p" 2>/dev/null || echo 0)"; done; sleep 2; done ) >"$WORK/rss.txt" &
SAMPLER=$!

NPORTS=$(echo $PORTS | wc -w)
PER=$(( USERS / NPORTS ))
echo "== load: $USERS connections ($PER per instance), $DURATION s"
LOADS=()
for port in $PORTS; do
  SESSIONS="$WORK/sessions.txt" THINK_MIN_MS=${THINK_MIN_MS:-2000} THINK_MAX_MS=${THINK_MAX_MS:-8000} wrk -t1 -c"$PER" -d"${DURATION}s" --timeout 10s -s Benchmarks/monday-morning.lua \
    "http://127.0.0.1:$port" >"$WORK/wrk-$port.txt" 2>&1 &
  LOADS+=($!)
done
wait "${LOADS[@]}" || true
kill $SAMPLER 2>/dev/null || true

echo "== results"
TOTAL=0; ERR=0
for port in $PORTS; do
  line=$(grep "^RESULT" "$WORK/wrk-$port.txt" || true)
  [ -n "$line" ] || { cat "$WORK/wrk-$port.txt"; exit 1; }
  echo "instance :$port  ${line#RESULT }"
  req=$(echo "$line" | sed -E 's/.*requests=([0-9]+).*/\1/'); TOTAL=$((TOTAL + req))
  e=$(echo "$line" | sed -E 's/.*non200=([0-9]+) connect=([0-9]+) read=([0-9]+) write=([0-9]+) timeout=([0-9]+).*/\1 \2 \3 \4 \5/')
  for x in $e; do ERR=$((ERR + x)); done
done
echo "all: $TOTAL requests in $DURATION s = $((TOTAL / DURATION)) req/s; errors (non-200, connect, read, write, timeout): $ERR"
for p in "${PIDS[@]}"; do
  max=$(awk -v p="$p" '$1 == p { if ($2 > m) m = $2 } END { print m + 0 }' "$WORK/rss.txt")
  echo "instance pid $p: peak resident memory $((max / 1024)) MB"
done
for port in $PORTS; do
  n5=$(grep -c '" 5[0-9][0-9] \| 500 \|Fatal' "$WORK/server-$port.log" || true)
  echo "instance :$port log lines naming a 5xx or a fatal error: $n5"
done
[ "$ERR" -eq 0 ]
