#!/usr/bin/env bash
# HTTP load benchmark (not a test): POST /api/v1/ask beside a trivial endpoint (GET /health) of the same
# server, in the same run, with wrk (Debian package 'wrk'). Prints both throughputs and their ratio.
# Usage: src/test/bench/load.sh            (builds the jar if needed; THREADS, CONN, DURATION, PORT override)
set -euo pipefail
cd "$(dirname "$0")/../../.."
THREADS=${THREADS:-2}; CONN=${CONN:-32}; DURATION=${DURATION:-10s}; PORT=${PORT:-7099}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }
JAR=${JAR:-target/sciatica-chat.jar}
[ -f "$JAR" ] || mvn -q -DskipTests package
work=$(mktemp -d)
cp -r corpus "$work/corpus"
ASK_LIMIT_PER_MINUTE=0 java -Xmx512m -jar "$JAR" --port "$PORT" --corpus "$work/corpus" --index "$work/index" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do curl -sf "localhost:$PORT/health" > /dev/null && break; sleep 0.1; done

run() { wrk -t"$THREADS" -c"$CONN" -d"$DURATION" --latency "$@"; }
rps() { awk '/Requests\/sec/ {print $2}'; }
p50() { awk '/^ +50%/ {print $2}'; }

# warm-up: every path measured below, so the JIT has compiled them all before any is timed
run -d${WARMUP:-10s} -s src/test/bench/ask.lua "http://localhost:$PORT/api/v1/ask" > /dev/null
REPEAT=1 run -d${WARMUP:-10s} -s src/test/bench/ask.lua "http://localhost:$PORT/api/v1/ask" > /dev/null
run -d${WARMUP:-10s} "http://localhost:$PORT/health" > /dev/null
trivial=$(run "http://localhost:$PORT/health")
ask=$(run -s src/test/bench/ask.lua "http://localhost:$PORT/api/v1/ask")
repeated=$(REPEAT=1 run -s src/test/bench/ask.lua "http://localhost:$PORT/api/v1/ask")
t=$(echo "$trivial" | rps); a=$(echo "$ask" | rps); r=$(echo "$repeated" | rps)
echo "wrk -t$THREADS -c$CONN -d$DURATION, server and wrk on the same $(nproc)-core machine"
echo "GET  /health      : $t requests/s (median latency $(echo "$trivial" | p50))"
echo "POST /api/v1/ask  : $a requests/s (median latency $(echo "$ask" | p50)), every question new to the embedding cache"
echo "POST /api/v1/ask  : $r requests/s (median latency $(echo "$repeated" | p50)), the same 12 questions again and again"
awk -v a="$a" -v r="$r" -v t="$t" 'BEGIN { printf "ratio new questions / trivial: %.3f; repeated questions / trivial: %.3f\n", a / t, r / t }'
