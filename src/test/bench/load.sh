#!/usr/bin/env bash
# HTTP load benchmark (not a test): POST /api/v1/ask beside a trivial endpoint (GET /health) of the same
# server, in the same run, with wrk (Debian package 'wrk'). Prints both throughputs and their ratio.
# Usage: src/test/bench/load.sh            (builds the jar if needed; THREADS, CONN, DURATION, PORT override)
set -euo pipefail
cd "$(dirname "$0")/../../.."
THREADS=${THREADS:-2}; CONN=${CONN:-32}; DURATION=${DURATION:-10s}; PORT=${PORT:-7099}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }
[ -f target/sciatica-chat.jar ] || mvn -q -DskipTests package
work=$(mktemp -d)
cp -r corpus "$work/corpus"
java -Xmx512m -jar target/sciatica-chat.jar --port "$PORT" --corpus "$work/corpus" --index "$work/index" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do curl -sf "localhost:$PORT/health" > /dev/null && break; sleep 0.1; done

run() { wrk -t"$THREADS" -c"$CONN" -d"$DURATION" --latency "$@"; }
rps() { awk '/Requests\/sec/ {print $2}'; }
p50() { awk '/^ +50%/ {print $2}'; }

run -d5s -s src/test/bench/ask.lua "http://localhost:$PORT/api/v1/ask" > /dev/null   # warm-up
run -d5s "http://localhost:$PORT/health" > /dev/null
trivial=$(run "http://localhost:$PORT/health")
ask=$(run -s src/test/bench/ask.lua "http://localhost:$PORT/api/v1/ask")
t=$(echo "$trivial" | rps); a=$(echo "$ask" | rps)
echo "wrk -t$THREADS -c$CONN -d$DURATION, server and wrk on the same $(nproc)-core machine"
echo "GET  /health      : $t requests/s (median latency $(echo "$trivial" | p50))"
echo "POST /api/v1/ask  : $a requests/s (median latency $(echo "$ask" | p50)), every question new to the embedding cache"
awk -v a="$a" -v t="$t" 'BEGIN { printf "ratio ask / trivial: %.3f\n", a / t }'
