#!/usr/bin/env bash
# Start-up of one small figure, side by side: `java -jar target/gradframes.jar` against the launcher `bin/gradframes`
# (its class-data archive warm, and cold: the run that makes it), for `-f svg`, one figure to standard output and the
# default formats (svg, png, json); then the JVM flags the launcher chose against their alternatives, and the
# network sample, where a JIT limited to C1 could lose. Run from anywhere, after mvn -B -q package -DskipTests:
#   bash bench/startup.sh [RUNS] [quick]   quick: the side-by-side tables only (no cold archive, no flags)
#   OLD_JAR=/tmp/before.jar bash bench/startup.sh   adds `java -jar` of another build (before a change) to the tables
# Each line: best and median wall time of RUNS runs (default 7), the median CPU time (user + system: less moved by
# other work on the machine than wall time) and the median peak resident memory. The variants
# of a table take turns run by run, so that a change of load on a shared machine falls on all of them alike.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-7}
JAR=target/gradframes.jar
[ -f "$JAR" ] || { echo "no $JAR: mvn -B -q package -DskipTests first" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
SMALL=samples/chain-rule.grad

archive() { ls -t target/gradframes-*.jsa 2>/dev/null | head -1; }
bin/gradframes --version >/dev/null  # the archive, made (if the jar is newer) before the warm runs
CDS=$(archive)
# The launcher's flags for a render, as it passes them (read from the script, so these tables follow it).
FLAGS="$(sed -n "s/^flags='\(.*\)'$/\1/p" bin/gradframes) $(sed -n 's/^  \*) flags="$flags \(.*\)" ;;$/\1/p' bin/gradframes)"

# run NAME COMMAND...: one timed run into a fresh output folder ({OUT} in COMMAND); appends "SECONDS KB USER SYS"
# to NAME.times.
run() {
  local name=$1; shift
  local out="$WORK/out-$RANDOM$RANDOM"
  local args=()
  for a in "$@"; do args+=("${a//\{OUT\}/$out}"); done
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/time" "${args[@]}" > "$WORK/stdout" 2> "$WORK/stderr" \
    || { echo "failed: ${args[*]}" >&2; cat "$WORK/stderr" >&2; exit 1; }
  cat "$WORK/time" >> "$WORK/$name.times"
  rm -rf "$out"
}

# table TITLE NAME=COMMAND...: RUNS rounds of every variant in turn, then one row per variant.
table() {
  local title=$1; shift
  local names=() commands=()
  for spec in "$@"; do names+=("${spec%%=*}"); commands+=("${spec#*=}"); done
  rm -f "$WORK"/v*.times
  for _ in $(seq "$RUNS"); do
    for i in "${!names[@]}"; do
      [ "${names[$i]}" = cold ] && rm -f target/gradframes-*.jsa
      set -f  # a command is a list of words, and x*x no file pattern
      # shellcheck disable=SC2086
      run "v$i" ${commands[$i]}
      set +f
    done
  done
  echo
  echo "| $title | best | median | median CPU (user + sys) | median peak RSS |"
  echo "| --- | --- | --- | --- | --- |"
  for i in "${!names[@]}"; do
    local f="$WORK/v$i.times" n
    n=$(wc -l < "$f")
    printf '| %s | %.2f s | %.2f s | %.2f s | %d MB |\n' "${names[$i]}" "$(sort -n "$f" | sed -n 1p | cut -d' ' -f1)" \
      "$(sort -n "$f" | sed -n "$(( (n + 1) / 2 ))p" | cut -d' ' -f1)" \
      "$(awk '{print $3 + $4}' "$f" | sort -n | sed -n "$(( (n + 1) / 2 ))p")" \
      "$(( $(sort -n -k2 "$f" | sed -n "$(( (n + 1) / 2 ))p" | cut -d' ' -f2) / 1024 ))"
  done
  echo
  echo "(load average after this table: $(cut -d' ' -f1-3 /proc/loadavg))"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $RUNS runs each; archive $(du -m "$CDS" | cut -f1) MB"
echo "launcher flags: $FLAGS"

table "-f svg of $SMALL" \
  ${OLD_JAR:+"java -jar, $OLD_JAR=java -jar $OLD_JAR $SMALL -q -f svg -o {OUT}"} \
  "java -jar=java -jar $JAR $SMALL -q -f svg -o {OUT}" \
  "bin/gradframes=bin/gradframes $SMALL -q -f svg -o {OUT}"
table "one figure to standard output (-e 'x = 3; y = x * x' -f svg --frame last -o -)" \
  "java -jar=java -jar $JAR -e x=3;y=x*x -f svg --frame last -o -" \
  "bin/gradframes=bin/gradframes -e x=3;y=x*x -f svg --frame last -o -"
table "default formats (svg,png,json) of $SMALL" \
  ${OLD_JAR:+"java -jar, $OLD_JAR=java -jar $OLD_JAR $SMALL -q -o {OUT}"} \
  "java -jar=java -jar $JAR $SMALL -q -o {OUT}" \
  "bin/gradframes=bin/gradframes $SMALL -q -o {OUT}"
[ "${2:-}" = quick ] && { echo; echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"; exit 0; }
table "-f svg of $SMALL, archive cold (the run makes it) and warm" \
  "cold=bin/gradframes $SMALL -q -f svg -o {OUT}" \
  "warm=bin/gradframes $SMALL -q -f svg -o {OUT}"
CDS=$(archive)

# The flags one at a time, with the archive: what each is worth for the small figure and for the network sample.
G1=${FLAGS/-XX:+UseSerialGC/}
ALLJIT=${FLAGS/-XX:TieredStopAtLevel=1/}
RELOCATED=${FLAGS/-XX:ArchiveRelocationMode=0/}
for sample in "$SMALL" samples/network.grad; do
  table "flags, -f svg of $sample (all with the archive)" \
    "the launcher's=java $FLAGS -XX:SharedArchiveFile=$CDS -jar $JAR $sample -q -f svg -o {OUT}" \
    "G1 instead of the serial GC=java $G1 -XX:SharedArchiveFile=$CDS -jar $JAR $sample -q -f svg -o {OUT}" \
    "C2 too (TieredStopAtLevel left out)=java $ALLJIT -XX:SharedArchiveFile=$CDS -jar $JAR $sample -q -f svg -o {OUT}" \
    "archive relocated (the JVM's default)=java $RELOCATED -XX:SharedArchiveFile=$CDS -jar $JAR $sample -q -f svg -o {OUT}" \
    "checksums checked every run=java $FLAGS -XX:+VerifySharedSpaces -XX:SharedArchiveFile=$CDS -jar $JAR $sample -q -f svg -o {OUT}"
done
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
