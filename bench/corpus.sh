#!/usr/bin/env bash
# The readability of every sample and teaching program at default options, as Markdown: nodes, the view the
# automatic choice takes, the PNG size and the smallest text of any frame, then the worst, median and best
# smallest text of the programs of up to 40 nodes. Then the geometric contract over every way of drawing them
# (about 500 drawings). Run from the repository's root:   bash bench/corpus.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/gradframes.jar
[ -f "$JAR" ] || mvn -B -q -DskipTests package
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo
java -jar "$JAR" samples/*.grad bench/teaching/*.grad -o "$WORK/out" -f json -q --force || true
python3 - "$WORK/out" <<'PY'
import json, os, statistics, sys
out = sys.argv[1]
rows = []
for name in sorted(os.listdir(out)):
    trace = json.load(open(os.path.join(out, name, 'trace.json')))
    ops = trace['opsNodes'] if 'opsNodes' in trace else None
    px = min(f['smallestTextPx'] for f in trace['frames'])
    c = trace['canvas']
    rows.append((name, trace['view'], c['pngWidth'], c['pngHeight'], px))
print('| program | view taken | PNG | smallest text |')
print('| --- | --- | --- | --- |')
for name, view, w, h, px in rows:
    print(f'| {name} | {view} | {w}×{h} | {px:.1f} px |')
small = [r for r in rows if not r[0].startswith('network')]
values = sorted(r[4] for r in small)
print()
print(f'{len(small)} programs of the corpus (the two 486-node network samples aside): smallest text worst '
      f'{values[0]:.1f} px ({min(small, key=lambda r: r[4])[0]}), median {statistics.median(values):.1f} px, '
      f'best {values[-1]:.1f} px ({max(small, key=lambda r: r[4])[0]}); '
      f'{sum(1 for v in values if v < 18)} under 18 px.')
PY
echo
mvn -B -q test -Dtest=GeometryContractTest -Dgeometry.all=true -Dgeometry.census=true -Dsurefire.failIfNoSpecifiedTests=false 2>/dev/null \
  | grep "geometry census" || echo "geometry census: see target/surefire-reports"
