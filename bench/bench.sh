#!/usr/bin/env bash
# Times the real jar on the samples and prints Markdown tables (run from the repository's root):
#   bash bench/bench.sh [RUNS]
# Needs: java, Graphviz's dot (for the per-frame baseline and the dot engine), python3, bc.
# Each figure is the best of RUNS runs (default 3). Stage times come from --timings; "run" is the whole
# command, JVM start included.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
JAR=target/gradframes.jar
[ -f "$JAR" ] || mvn -B -q -DskipTests package
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

wall() {  # wall time in seconds of running "$@"
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null 2> "$WORK/stderr"
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

min() { echo "if ($1 < $2) $1 else $2" | bc -l; }

stage() {  # the seconds of a stage in the last --timings line: stage "layout"
  grep -o "$1 [0-9.]* s" "$WORK/stderr" | tail -1 | grep -o '[0-9.]*' | tail -1
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(dot -V 2>&1)"
echo
echo "| program | frames | layout | all SVG frames | SVG run | all PNG frames, 1920×1080 | PNG frames/s | per-frame \`dot -Tsvg\` | per-frame dot ÷ our SVG frames | ÷ our whole SVG run |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for sample in samples/chain-rule.grad samples/advanced.grad samples/one-neuron.grad samples/sigmoid.grad samples/network.grad; do
  name=$(basename "$sample" .grad)
  layout=999; svg=999; run=999; png=999; dots=999
  java -jar "$JAR" "$sample" -o "$WORK/t" -f json --view ops --rankdir LR --edge-labels none --caption none --force > /dev/null
  python3 bench/frame_dots.py "$WORK/t/$name/trace.json" "$WORK/dots-$name"
  n=$(ls "$WORK/dots-$name" | wc -l)
  for _ in $(seq "$RUNS"); do
    t=$(wall java -jar "$JAR" "$sample" -o "$WORK/s" -f svg --view ops --rankdir LR --force --timings)
    run=$(min "$t" "$run"); svg=$(min "$(stage frames)" "$svg"); layout=$(min "$(stage layout)" "$layout")
    wall java -jar "$JAR" "$sample" -o "$WORK/p" -f png --view ops --rankdir LR --canvas 16:9 --force --timings > /dev/null
    png=$(min "$(stage frames)" "$png")
    t=$(wall bash -c "for f in $WORK/dots-$name/*.dot; do dot -Tsvg \"\$f\" -o \"\${f%.dot}.svg\"; done")
    dots=$(min "$t" "$dots")
  done
  printf "| %s | %d | %.3f s | %.3f s | %.2f s | %.2f s | %.0f | %.2f s | %.1f× | %.1f× |\n" "$name" "$n" "$layout" \
    "$svg" "$run" "$png" "$(echo "$n / $png" | bc -l)" "$dots" "$(echo "$dots / $svg" | bc -l)" \
    "$(echo "$dots / $run" | bc -l)"
done
echo
echo "| one small sample end to end (chain-rule: svg, png, json) | time |"
echo "| --- | --- |"
best=999; for _ in $(seq "$RUNS"); do best=$(min "$(wall java -jar "$JAR" samples/chain-rule.grad -o "$WORK/u" --engine dot --force)" "$best"); done
printf "| with \`dot\` installed (\`--engine dot\`) | %.2f s |\n" "$best"
best=999; for _ in $(seq "$RUNS"); do best=$(min "$(wall java -jar "$JAR" samples/chain-rule.grad -o "$WORK/v" --engine elk --force)" "$best"); done
printf "| ELK, pure Java (\`--engine elk\`, the default) | %.2f s |\n" "$best"
