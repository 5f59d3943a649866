#!/usr/bin/env bash
# Times the real jar on the samples and prints a Markdown table (run from the repository's root):
#   bash bench/bench.sh [RUNS]
# Needs: java, Graphviz's dot (for the per-frame baseline and the dot engine), python3.
# Each figure is the best of RUNS runs (default 3) of the whole command, JVM start included.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
JAR=target/gradframes.jar
[ -f "$JAR" ] || mvn -B -q -DskipTests package
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

best() {  # best wall time in seconds of running "$@" RUNS times
  local best=999999
  for _ in $(seq "$RUNS"); do
    local start end t
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc -l)
    best=$(echo "if ($t < $best) $t else $best" | bc -l)
  done
  printf "%.2f" "$best"
}

frames_of() {  # number of frames of a sample
  java -jar "$JAR" "$1" -o "$WORK/count" -f json --force > /dev/null
  python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['frames']))" "$WORK/count/$(basename "$1" .grad)/trace.json"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(dot -V 2>&1)"
echo
echo "| program | frames | layout + trace (-f json) | all SVG frames | all PNG frames 1080p | PNG frames/s | per-frame dot -Tsvg | SVG speed-up |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for sample in samples/chain-rule.grad samples/advanced.grad samples/one-neuron.grad samples/sigmoid.grad samples/network.grad; do
  name=$(basename "$sample" .grad)
  n=$(frames_of "$sample")
  json=$(best java -jar "$JAR" "$sample" -o "$WORK/j" -f json --force)
  svg=$(best java -jar "$JAR" "$sample" -o "$WORK/s" -f svg --force)
  png=$(best java -jar "$JAR" "$sample" -o "$WORK/p" -f png --canvas 16:9 --force)
  java -jar "$JAR" "$sample" -o "$WORK/t" -f json --edge-labels none --caption none --force > /dev/null
  python3 bench/frame_dots.py "$WORK/t/$name/trace.json" "$WORK/dots-$name"
  dots=$(best bash -c "for f in $WORK/dots-$name/*.dot; do dot -Tsvg \"\$f\" -o \"\${f%.dot}.svg\"; done")
  # The frames' own share: the SVG run minus the layout-and-trace run (start-up, parse and layout are in both).
  paint=$(echo "$svg - $json" | bc -l)
  ratio=$(echo "$dots / ($svg)" | bc -l)
  fps=$(echo "$n / ($png - $json)" | bc -l)
  printf "| %s | %d | %.2f s | %.2f s | %.2f s | %.0f | %.2f s | %.1f× (%.0f× on painting alone) |\n" \
    "$name" "$n" "$json" "$svg" "$png" "$fps" "$dots" "$ratio" "$(echo "$dots / ($paint + 0.001)" | bc -l)"
done
echo
echo "| start-up: one small sample end to end (chain-rule, svg+png+json) | time |"
echo "| --- | --- |"
echo "| with dot installed (--engine dot) | $(best java -jar "$JAR" samples/chain-rule.grad -o "$WORK/u" --engine dot --force) s |"
echo "| embedded engine (--engine embedded) | $(best java -jar "$JAR" samples/chain-rule.grad -o "$WORK/v" --engine embedded --force) s |"
