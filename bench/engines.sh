#!/usr/bin/env bash
# The figures of the pure-Java layout engine, on a machine where Graphviz is hidden from the PATH
# (run from the repository's root):  bash bench/engines.sh [RUNS]
# Each time is the best of RUNS runs (default 3); memory is the peak resident set of that command.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
JAR=target/gradframes.jar
[ -f "$JAR" ] || mvn -B -q -DskipTests package
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# A PATH without Graphviz: every program of the PATH's folders but dot and its kin.
mkdir "$WORK/bin"
IFS=: read -ra folders <<< "$PATH"
for folder in "${folders[@]}"; do
  for f in "$folder"/*; do
    name=$(basename "$f")
    case "$name" in dot|neato|twopi|circo|fdp|sfdp|osage|patchwork) continue ;; esac
    [ -e "$WORK/bin/$name" ] || ln -s "$f" "$WORK/bin/$name" 2>/dev/null || true
  done
done
export PATH="$WORK/bin"
command -v dot >/dev/null && { echo "dot is still on the PATH"; exit 1; }

best() {  # best wall time and its peak memory of "$@" over RUNS runs: prints "SECONDS MEGABYTES"
  local bt=999 bm=0
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" > /dev/null 2> "$WORK/err"
    read -r t m < "$WORK/time"
    if (( $(echo "$t < $bt" | bc -l) )); then bt=$t; bm=$((m / 1024)); fi
  done
  echo "$bt $bm"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), no Graphviz"
echo
echo "| figure | measured |"
echo "| --- | --- |"
read -r t m <<< "$(best java -jar "$JAR" samples/chain-rule.grad -o "$WORK/a" --force -q)"
echo "| one small sample end to end (chain-rule: svg, png, json) | $t s, $m MB |"
layout=999
for _ in $(seq "$RUNS"); do
  java -jar "$JAR" samples/network.grad -o "$WORK/b" -f json --view ops --rankdir LR --force --timings 2> "$WORK/err" > /dev/null
  l=$(grep -o "layout [0-9.]* s" "$WORK/err" | grep -o "[0-9.]*" | head -1)
  if (( $(echo "$l < $layout" | bc -l) )); then layout=$l; fi
done
echo "| network sample layout (486 nodes, in its own JVM, from --timings) | $layout s |"
read -r t m <<< "$(best java -jar "$JAR" samples/*.grad -o "$WORK/c" --force -q)"
echo "| the README's first command, \`java -jar target/gradframes.jar samples/*.grad -o frames\` | $t s, $m MB |"
read -r t m <<< "$(best java -Xmx256m -jar "$JAR" samples/network.grad -f svg,png,json -o "$WORK/d" --force -q)"
echo "| network sample, svg,png,json, \`-Xmx256m\` | $t s, $m MB |"
echo "| fat jar | $(( $(stat -c %s "$JAR") / 1024 / 1024 )) MB |"
