#!/bin/sh
# Measures --watch and the pandoc filter's server path (after mvn -DskipTests package):
#  1. --watch: from a save of samples/chain-rule.grad (-f svg,html) to the "rendered" line, five saves;
#  2. a page of six different fences built by the pandoc filter with an empty cache: through the command line
#     (a JVM a fence), then through a render server that is already running (no JVM a fence).
# Usage: bench/watch-and-filter.sh
set -eu
cd "$(dirname "$0")/.."
JAR=$(pwd)/target/gradframes.jar
WORK=$(mktemp -d)
PORT=${PORT:-18902}
trap 'kill $WATCH $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
WATCH=; SERVER=
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"

cp samples/chain-rule.grad "$WORK/lecture.grad"
java -jar "$JAR" --watch -f svg,html -o "$WORK/out" "$WORK/lecture.grad" >/dev/null 2>"$WORK/watch.log" &
WATCH=$!
until grep -q "watching" "$WORK/watch.log"; do sleep 0.05; done
for i in 1 2 3 4 5; do
  before=$(grep -c "^rendered" "$WORK/watch.log" || true)
  start=$(date +%s%N)
  sed -i "s/^x1 = .*/x1 = $i/" "$WORK/lecture.grad"
  until [ "$(grep -c "^rendered" "$WORK/watch.log" || true)" -gt "$before" ]; do sleep 0.01; done
  echo "save $i -> rendered line: $(( ($(date +%s%N) - start) / 1000000 )) ms ($(grep "^rendered" "$WORK/watch.log" | tail -1))"
done
kill $WATCH; wait $WATCH 2>/dev/null || true; WATCH=

for i in 1 2 3 4 5 6; do printf '```grad\nx = %s; y = x * x + %s\n```\n\n' "$i" "$i"; done > "$WORK/page.md"
start=$(date +%s%N)
(cd "$WORK" && GRADFRAMES_JAR=$JAR GRADFRAMES_CACHE=cli-cache pandoc page.md \
  --lua-filter "$OLDPWD/integrations/pandoc/gradframes.lua" -o cli.html)
echo "6 fences, command line: $(( ($(date +%s%N) - start) / 1000000 )) ms"
java -jar "$JAR" serve --port "$PORT" 2>"$WORK/serve.log" &
SERVER=$!
for i in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done
start=$(date +%s%N)
(cd "$WORK" && GRADFRAMES_JAR=$JAR GRADFRAMES_SERVER=http://127.0.0.1:$PORT GRADFRAMES_CACHE=server-cache pandoc \
  page.md --lua-filter "$OLDPWD/integrations/pandoc/gradframes.lua" -o server.html)
echo "6 fences, render server: $(( ($(date +%s%N) - start) / 1000000 )) ms"
cmp -s "$WORK/cli.html" "$WORK/server.html" && echo "the two pages are the same bytes" || echo "THE PAGES DIFFER"
