#!/bin/sh
# Load test of `gradframes serve` on loopback: small SVG figures with 1, 4 and 16 clients (throughput, p50/p99),
# the server's resident memory, and what hostile bodies get. Bounded: 40 requests a client, a minute at most a level.
# Usage: bench/serve-load.sh [REQUESTS_PER_CLIENT]   (after mvn -DskipTests package)
#        GRADFRAMES=bin/gradframes bench/serve-load.sh   runs the server through the launcher
set -eu
cd "$(dirname "$0")/.."
PORT=${PORT:-18901}
# shellcheck disable=SC2086 # GRADFRAMES is a command and its arguments
${GRADFRAMES:-java -jar target/gradframes.jar} serve --port "$PORT" 2>/tmp/gradframes-serve-load.log &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for i in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "server RSS at start: $(ps -o rss= -p $SERVER) KB"
timeout 600 java bench/ServeLoad.java "$PORT" "${1:-40}"
echo "server RSS after: $(ps -o rss= -p $SERVER) KB"
start=$(date +%s%N); kill -TERM $SERVER; wait $SERVER || true
echo "stop on SIGTERM: $(( ($(date +%s%N) - start) / 1000000 )) ms; log lines: $(grep -c ' ms$' /tmp/gradframes-serve-load.log)"
