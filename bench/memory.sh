#!/usr/bin/env bash
# Renders N generated programs (default 1000) in one run under -Xmx512m and reports the heap left after each
# garbage collection at the start, middle and end of the run: flat means no leak per program.
#   bash bench/memory.sh [N] [ENGINE]      (ENGINE: elk (default) or dot)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
ENGINE=${2:-elk}
JAR=target/gradframes.jar
[ -f "$JAR" ] || mvn -B -q -DskipTests package
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/in"
for i in $(seq 1 "$N"); do
  printf 'x = 0.%d\nw = %d.5\nb = -0.%d\nh = tanh(w * x + b)\ny = sigmoid(h * w) * h\n' "$i" "$((i % 7))" "$((i % 13))" \
    > "$WORK/in/p$i.grad"
done
/usr/bin/time -f "%e s wall, %M KB peak RSS" java -Xmx512m -Xlog:gc:file="$WORK/gc.log" -jar "$JAR" "$WORK/in" \
  -o "$WORK/out" -f svg,json --engine "$ENGINE" --quiet 2> "$WORK/time.txt" || { cat "$WORK/time.txt"; exit 1; }
echo "programs: $N, engine: $ENGINE, $(tail -1 "$WORK/time.txt")"
# Heap after collection, e.g. "Pause Young (Normal) (G1 Evacuation Pause) 120M->35M(512M)"
grep -o '[0-9]*M->[0-9]*M' "$WORK/gc.log" | sed 's/.*->//; s/M//' > "$WORK/after.txt"
count=$(wc -l < "$WORK/after.txt")
echo "collections: $count"
for q in 10 25 50 75 100; do
  line=$(( (count * q + 99) / 100 ))
  [ "$line" -ge 1 ] || line=1
  echo "heap after collection at ${q}% of the run: $(sed -n "${line}p" "$WORK/after.txt") MB"
done
echo "largest heap after a collection: $(sort -n "$WORK/after.txt" | tail -1) MB"
