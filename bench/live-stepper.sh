#!/usr/bin/env bash
# The live HTML stepper of samples/network.grad: the page's size with live inputs on and off, and how long the page
# takes to follow an edit (window.gradframes.set, timed with performance.now in headless Chromium, including the
# layout it forces), in the default network view and in the ops view (316 frames, every operation a node).
# Run from the project folder after `mvn -B -DskipTests package`:  bench/live-stepper.sh
set -euo pipefail
jar=target/gradframes.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
edits=${EDITS:-21}
for view in network ops; do
  java -jar "$jar" samples/network.grad -f html --view "$view" -q -o "$work/on-$view" 2>/dev/null || true
  java -jar "$jar" samples/network.grad -f html --view "$view" --live off -q -o "$work/off-$view" 2>/dev/null || true
  page="$work/on-$view/network/network.html"
  on=$(stat -c %s "$page")
  off=$(stat -c %s "$work/off-$view/network/network.html")
  # A copy of the page that times its own edits once it has loaded and writes the times into the page.
  timed="$work/timed-$view.html"
  sed 's#</body>#<script>\
(function () {\
  var g = window.gradframes, names = Object.keys(g.values().inputs), times = [];\
  g.go(g.count - 1);\
  for (var k = 0; k < '"$edits"'; k++) {\
    var name = names[k % names.length], before = g.values().inputs[name], t = performance.now();\
    g.set(name, before * 1.5 + 0.1);\
    void document.body.offsetHeight;\
    times.push(performance.now() - t);\
  }\
  times.sort(function (a, b) { return a - b; });\
  var out = document.createElement("pre");\
  out.id = "bench";\
  out.textContent = "median " + times[times.length >> 1].toFixed(1) + " ms, max " + times[times.length - 1].toFixed(1) + " ms";\
  document.body.appendChild(out);\
})();\
</script></body>#' "$page" > "$timed"
  result=$(chromium --headless --no-sandbox --disable-gpu --window-size=1280,800 --virtual-time-budget=20000 \
    --dump-dom "file://$timed" 2>/dev/null | grep -o '<pre id="bench">[^<]*' | sed 's/<pre id="bench">//')
  printf '%-8s live on %8.2f MB, live off %8.2f MB, an edit on the last frame: %s (%s edits)\n' "$view" \
    "$(echo "$on / 1000000" | bc -l)" "$(echo "$off / 1000000" | bc -l)" "${result:-not measured}" "$edits"
  # Stepping through every frame forward and back, on the live page and on the page without live inputs.
  for kind in on off; do
    sed 's#</body>#<script>(function () { var g = window.gradframes, t = performance.now(), i;\
for (i = 0; i < g.count; i++) { g.go(i); } for (i = g.count - 1; i >= 0; i--) { g.go(i); }\
var out = document.createElement("pre"); out.id = "bench"; out.textContent = Math.round(performance.now() - t) + " ms";\
document.body.appendChild(out); })();</script></body>#' "$work/$kind-$view/network/network.html" > "$work/walk.html"
    walk=$(chromium --headless --no-sandbox --disable-gpu --window-size=1280,800 --virtual-time-budget=60000 \
      --dump-dom "file://$work/walk.html" 2>/dev/null | grep -o '<pre id="bench">[^<]*' | sed 's/<pre id="bench">//')
    printf '%-8s live %-3s every frame forward and back: %s\n' "$view" "$kind" "${walk:-not measured}"
  done
done
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(chromium --version 2>/dev/null | head -1)"
