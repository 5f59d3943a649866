var count = data.captions.length, ids = data.ids, looks = data.looks, steps = data.steps;
var $ = function (id) { return document.getElementById(id); };
var figure = $("gradframes"), frame = figure.querySelector(".frame"), svg = frame.querySelector("svg");
var caption = $("caption"), counter = $("counter"), slider = $("slider"), play = $("play");
var details = $("details"), zoomText = $("zoom");
var frameTitle = $("gf-frame-title"), frameDesc = $("gf-frame-desc");
var holder = document.createElementNS("http://www.w3.org/2000/svg", "g");
var shown = ids.map(function () { return 0; });
var elements = ids.map(function (id) { return [$("gf-" + id)]; });
var undo = [], current = 0, timer = null, selected = null;
(function () {
  var at = shown.slice();
  steps.forEach(function (step) {
    var before = [];
    for (var k = 0; k < step.length; k += 2) { before.push(at[step[k]]); at[step[k]] = step[k + 1]; }
    undo.push(before);
  });
})();
function element(g, look) {
  if (!elements[g][look]) {
    holder.innerHTML = looks[g][look - 1];
    elements[g][look] = holder.firstElementChild;
  }
  return elements[g][look];
}
function go(i) {
  i = Math.max(0, Math.min(count - 1, Math.floor(Number(i)) || 0));
  var want = {}, f, k;
  for (f = current + 1; f <= i; f++) {
    for (k = 0; k < steps[f].length; k += 2) { want[steps[f][k]] = steps[f][k + 1]; }
  }
  for (f = current; f > i; f--) {
    for (k = 0; k < steps[f].length; k += 2) { want[steps[f][k]] = undo[f][k / 2]; }
  }
  Object.keys(want).forEach(function (key) {
    var g = Number(key);
    if (shown[g] !== want[g]) {
      elements[g][shown[g]].replaceWith(element(g, want[g]));
      shown[g] = want[g];
    }
  });
  current = i;
  frame.dataset.index = String(i);
  var text = data.captions[i];
  frameTitle.textContent = data.titles[i] === null ? text.split("\n")[0] : data.titles[i];
  frameDesc.textContent = data.descriptions[i] === null ? text : data.descriptions[i];
  caption.textContent = text;
  counter.textContent = (i + 1) + " / " + count;
  slider.value = String(i);
  if (selected !== null) { describe(); }
  if (highlight) { highlight.refresh(); }
  if (linked || i !== 0) { link(i); }
}
var linked = false;
function link(i) {
  linked = true;
  try {
    history.replaceState(null, "", "#step=" + (i + 1));
  } catch (e) {
    // a sandboxed frame may not change its address; the stepper works the same without it
  }
}
function linkedStep() {
  var m = /^#step=([0-9]+)$/.exec(location.hash);
  return m ? Number(m[1]) - 1 : null;
}
function stop() {
  if (timer !== null) { clearInterval(timer); timer = null; }
  play.textContent = "Play";
}
function toggle() {
  if (timer !== null) { stop(); return; }
  if (current === count - 1) { go(0); }
  play.textContent = "Pause";
  timer = setInterval(function () {
    if (current === count - 1) { stop(); } else { go(current + 1); }
  }, delay);
}
var full = { x: data.fit[0], y: data.fit[1], w: data.fit[2], h: data.fit[3] }, view = full;
// the caption band is as tall as the longest caption, up to three lines, so that the picture keeps its size
caption.style.minHeight = (1.3 * Math.min(3, Math.max.apply(null, data.captions.map(function (text) {
  return text.split("\n").length;
})))) + "em";
function show(x, y, w) {
  w = Math.max(full.w / 64, Math.min(full.w, w));
  var h = w * full.h / full.w;
  x = Math.max(full.x, Math.min(full.x + full.w - w, x));
  y = Math.max(full.y, Math.min(full.y + full.h - h, y));
  view = { x: x, y: y, w: w, h: h };
  svg.setAttribute("viewBox", [x, y, w, h].map(function (n) { return Math.round(n * 100) / 100; }).join(" "));
  figure.classList.toggle("zoomed", w < full.w);
  zoomText.textContent = Math.round(full.w / w * 100) + "%";
}
function zoom(factor, at) {
  at = at || { x: view.x + view.w / 2, y: view.y + view.h / 2 };
  var w = Math.max(full.w / 64, Math.min(full.w, view.w / factor)), k = w / view.w;
  show(at.x - (at.x - view.x) * k, at.y - (at.y - view.y) * k, w);
}
function fit() { show(full.x, full.y, full.w); }
function point(e) {
  return new DOMPoint(e.clientX, e.clientY).matrixTransform(svg.getScreenCTM().inverse());
}
function perPixel() { return 1 / svg.getScreenCTM().a; }
svg.addEventListener("wheel", function (e) {
  var scale = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
  if (e.ctrlKey || e.metaKey) {
    zoom(Math.exp(-e.deltaY * scale * 0.002), point(e));
  } else if (view.w < full.w) {
    show(view.x + e.deltaX * scale * perPixel(), view.y + e.deltaY * scale * perPixel(), view.w);
  } else {
    return;
  }
  e.preventDefault();
}, { passive: false });
var drag = null, dragged = false;
svg.addEventListener("pointerdown", function (e) {
  if (e.button !== 0) { return; }
  drag = { id: e.pointerId, x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, s: perPixel() };
  dragged = false;
});
svg.addEventListener("pointermove", function (e) {
  if (drag === null || e.pointerId !== drag.id) { return; }
  var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
  if (!dragged && Math.abs(dx) + Math.abs(dy) < 4) { return; }
  if (!dragged) { dragged = true; svg.setPointerCapture(e.pointerId); figure.classList.add("dragging"); }
  show(drag.vx - dx * drag.s, drag.vy - dy * drag.s, view.w);
});
function release(e) {
  if (drag !== null && e.pointerId === drag.id) { drag = null; figure.classList.remove("dragging"); }
}
svg.addEventListener("pointerup", release);
svg.addEventListener("pointercancel", release);
function describe() {
  var g = $(selected), title = g && g.querySelector("title"), desc = g && g.querySelector("desc");
  if (!g) { close(); return; }
  $("details-title").textContent = title ? title.textContent : g.id;
  $("details-formula").textContent = desc ? desc.textContent : "";
  $("details-formula").hidden = !desc;
  var step = g.classList.contains("node") && g.classList.contains("active");
  $("details-step").textContent = step ? data.captions[current] : "";
  $("details-step").hidden = !step;
  details.hidden = false;
}
function close() { selected = null; details.hidden = true; }
svg.addEventListener("click", function (e) {
  if (dragged) { dragged = false; return; }
  var g = e.target.closest ? e.target.closest("g.node:not(.legend), g.edge:not(.legend)") : null;
  if (g) { selected = g.id; describe(); } else { close(); }
});
$("details-close").addEventListener("click", close);
$("first").addEventListener("click", function () { stop(); go(0); });
$("prev").addEventListener("click", function () { stop(); go(current - 1); });
$("next").addEventListener("click", function () { stop(); go(current + 1); });
$("last").addEventListener("click", function () { stop(); go(count - 1); });
$("zoom-in").addEventListener("click", function () { zoom(1.25); });
$("zoom-out").addEventListener("click", function () { zoom(0.8); });
$("fit").addEventListener("click", fit);
play.addEventListener("click", toggle);
slider.addEventListener("input", function () { stop(); go(Number(slider.value)); });
document.addEventListener("keydown", function (e) {
  if (e.ctrlKey || e.metaKey || e.altKey) { return; }
  if (e.target === slider && (e.key === "ArrowLeft" || e.key === "ArrowRight")) { return; }
  if (e.target.tagName === "BUTTON" && e.key === " ") { return; }
  var keys = { ArrowRight: 1, ArrowLeft: -1 };
  if (e.key in keys) { stop(); go(current + keys[e.key]); }
  else if (e.key === "Home") { stop(); go(0); }
  else if (e.key === "End") { stop(); go(count - 1); }
  else if (e.key === " ") { toggle(); }
  else if (e.key === "+" || e.key === "=") { zoom(1.25); }
  else if (e.key === "-" || e.key === "_") { zoom(0.8); }
  else if (e.key === "0") { fit(); }
  else if (e.key === "Escape" && !details.hidden) { close(); }
  else { return; }
  e.preventDefault();
});
window.addEventListener("hashchange", function () {
  var step = linkedStep();
  if (step !== null && step !== current) { stop(); go(step); }
});
// --- Highlight: a click on a node (or Enter on a focused one) draws its paths to the output emphasised and
// everything else dimmed, with the dimmed paints of the frames' own stylesheet (class "dim"); a second click on it,
// or Escape, brings back the frames as they were made (with --highlight, its own dimming).
var highlight = (function () {
  var down = {}, up = {}, chosen = null, made = {};
  paths.links.forEach(function (l) {
    (down[l[0]] = down[l[0]] || []).push(l);
    (up[l[1]] = up[l[1]] || []).push(l);
  });
  function reach(start, next, end) {
    var seen = {}, stack = [start];
    seen[start] = true;
    while (stack.length) {
      (next[stack.pop()] || []).forEach(function (l) {
        if (!seen[l[end]]) { seen[l[end]] = true; stack.push(l[end]); }
      });
    }
    return seen;
  }
  var feeds = reach(paths.output, up, 0);
  function groups() { return svg.querySelectorAll("g.node:not(.legend), g.edge:not(.legend)"); }
  // The dimming each group was made with; a group keeps it in every look, so only a click changes it.
  Array.prototype.forEach.call(groups(), function (g) { made[g.id] = g.classList.contains("dim"); });
  var dirty = false;
  function on() {
    var from = reach(chosen, down, 1), path = {};
    Object.keys(from).forEach(function (id) { if (feeds[id]) { path[id] = true; } });
    paths.links.forEach(function (l) { if (path[l[0]] && path[l[1]]) { path[l[2]] = true; } });
    return path;
  }
  function paint(g, path) {
    if (g.id && made.hasOwnProperty(g.id)) {
      g.classList.toggle("dim", path === null ? made[g.id] : !path[g.id.slice(3)]);
    }
  }
  // After a click, and after every step while a node is chosen: the groups shown take its highlight. Clearing it
  // gives every group, shown or kept for later steps, its own dimming back, so that stepping costs nothing more.
  function refresh() {
    if (chosen === null && !dirty) { return; }
    var path = chosen === null ? null : on();
    Array.prototype.forEach.call(groups(), function (g) { paint(g, path); });
    if (chosen === null) {
      elements.forEach(function (looks) { looks.forEach(function (g) { if (g) { paint(g, null); } }); });
    }
    dirty = chosen !== null;
    figure.dataset.highlight = chosen === null ? "" : chosen;
  }
  function toggle(id) {
    chosen = chosen === id ? null : id;
    refresh();
  }
  svg.addEventListener("click", function (e) {
    var g = e.target.closest ? e.target.closest("g.node:not(.legend)") : null;
    if (!dragged && g) { toggle(g.id.slice(3)); }
  }, true);
  document.addEventListener("keydown", function (e) {
    var g = e.target.closest ? e.target.closest("g.node:not(.legend)") : null;
    if (e.key === "Enter" && g) { toggle(g.id.slice(3)); e.preventDefault(); }
    else if (e.key === "Escape" && chosen !== null) { chosen = null; refresh(); }
  });
  refresh();
  return { refresh: refresh, toggle: toggle, chosen: function () { return chosen; } };
})();
// --- end of highlight ---------------------------------------------------------------------------------------
fit();
if (linkedStep() !== null) { go(linkedStep()); }
window.gradframes = { count: count, index: function () { return current; }, go: go };
