// Live inputs: the page evaluates its graph again when the reader changes an input, with the operations of
// graph/Op.java and the pass orders of autodiff/ForwardPass and BackwardPass, and writes every number of a value,
// gradient or contribution (a <tspan data-q="slot">, a data-t template) as render/text/NumberText would.
var precision = live.precision;
function chosen(mine, other) { return mine > other ? 1 : mine < other ? 0 : 0.5; }
// Each operation's value and its slope in argument i, given its value y: graph/Op.java, line for line.
var ops = {
  add: [function (x) { return x[0] + x[1]; }, function () { return 1; }],
  subtract: [function (x) { return x[0] - x[1]; }, function (x, y, i) { return i === 0 ? 1 : -1; }],
  multiply: [function (x) { return x[0] * x[1]; }, function (x, y, i) { return x[1 - i]; }],
  divide: [function (x) { return x[0] / x[1]; },
    function (x, y, i) { return i === 0 ? 1 / x[1] : -(x[0] / x[1]) / x[1]; }],
  power: [function (x) { return Math.pow(x[0], x[1]); }, function (x, y, i) {
    return i === 0 ? (x[1] === 0 ? 0 : x[1] * Math.pow(x[0], x[1] - 1)) : y === 0 ? 0 : y * Math.log(x[0]);
  }],
  negate: [function (x) { return -x[0]; }, function () { return -1; }],
  identity: [function (x) { return x[0]; }, function () { return 1; }],
  sin: [function (x) { return Math.sin(x[0]); }, function (x) { return Math.cos(x[0]); }],
  cos: [function (x) { return Math.cos(x[0]); }, function (x) { return -Math.sin(x[0]); }],
  tan: [function (x) { return Math.tan(x[0]); }, function (x) { return 1 / (Math.cos(x[0]) * Math.cos(x[0])); }],
  exp: [function (x) { return Math.exp(x[0]); }, function (x, y) { return y; }],
  log: [function (x) { return Math.log(x[0]); }, function (x) { return 1 / x[0]; }],
  sqrt: [function (x) { return Math.sqrt(x[0]); }, function (x, y) { return 0.5 / y; }],
  tanh: [function (x) { return Math.tanh(x[0]); }, function (x, y) { return 1 - y * y; }],
  sigmoid: [function (x) {
    return x[0] >= 0 ? 1 / (1 + Math.exp(-x[0])) : Math.exp(x[0]) / (1 + Math.exp(x[0]));
  }, function (x, y) { return y * (1 - y); }],
  relu: [function (x) { return x[0] > 0 ? x[0] : 0; }, function (x) { return x[0] > 0 ? 1 : 0; }],
  abs: [function (x) { return Math.abs(x[0]); }, function (x) { return x[0] > 0 ? 1 : x[0] < 0 ? -1 : 0; }],
  max: [function (x) { return Math.max(x[0], x[1]); }, function (x, y, i) { return chosen(x[i], x[1 - i]); }],
  min: [function (x) { return Math.min(x[0], x[1]); }, function (x, y, i) { return chosen(x[1 - i], x[i]); }]
};
function slope(key, args, value, i) { return value !== value ? NaN : ops[key][1](args, value, i); }
// A statement's value and slopes: autodiff/StatementMath, reverse mode through its own expression.
function statementValue(expr, args, memo) {
  var v, k = expr[0];
  if (k === "#") { v = expr[1]; } else if (k === "$") { v = args[expr[1]]; }
  else if (k === "neg") { v = -statementValue(expr[1], args, memo); }
  else {
    var inner = [];
    for (var a = 1; a < expr.length; a++) { inner.push(statementValue(expr[a], args, memo)); }
    v = ops[k][0](inner);
  }
  memo.set(expr, v);
  return v;
}
function statementBack(expr, upstream, slopes, memo) {
  var k = expr[0];
  if (k === "$") { slopes[expr[1]] += upstream; return; }
  if (k === "#") { return; }
  if (k === "neg") { statementBack(expr[1], -upstream, slopes, memo); return; }
  var inner = [];
  for (var a = 1; a < expr.length; a++) { inner.push(memo.get(expr[a])); }
  for (var i = 0; i < inner.length; i++) {
    statementBack(expr[i + 1], upstream * slope(k, inner, memo.get(expr), i), slopes, memo);
  }
}
function argumentsOf(edges, values) {
  var args = [];
  for (var k = 0; k < edges.length; k += 3) { args[edges[k + 2]] = values[edges[k + 1]]; }
  return args;
}
function hasGradient(node) { return node[0] === 0 ? node[2] === 1 : node[0] !== 1; }
// The forward pass in source order, then the backward steps in the page's order, each gradient summed in the
// order its contributions arrive: the numbers of every frame.
function evaluate(graph, inputs) {
  var nodes = graph.nodes, values = [], n;
  for (n = 0; n < nodes.length; n++) {
    var node = nodes[n];
    if (node[0] === 0) { values.push(inputs.hasOwnProperty(node[3]) ? inputs[node[3]] : node[1]); }
    else if (node[0] === 1) { values.push(node[1]); }
    else if (node[0] === 2) { values.push(ops[node[1]][0](argumentsOf(node[2], values))); }
    else { values.push(statementValue(node[1], argumentsOf(node[2], values), new Map())); }
  }
  var gradients = values.map(function () { return 0; }), sums = values.map(function () { return []; });
  var upstream = {}, local = {}, amount = {};
  gradients[graph.output] = 1;
  graph.order.forEach(function (s) {
    var node = nodes[s], args = argumentsOf(node[2], values), slopes = null;
    if (node[0] === 3) {
      var memo = new Map(), value = statementValue(node[1], args, memo);
      slopes = args.map(function () { return value !== value ? NaN : 0; });
      if (value === value) { statementBack(node[1], 1, slopes, memo); }
    }
    for (var k = 0; k < node[2].length; k += 3) {
      var e = node[2][k], from = node[2][k + 1];
      if (!hasGradient(nodes[from])) { continue; }
      var l = slopes !== null ? slopes[node[2][k + 2]] : slope(node[1], args, values[s], node[2][k + 2]);
      upstream[e] = gradients[s];
      local[e] = l;
      amount[e] = gradients[s] * l;
      gradients[from] += amount[e];
      sums[from].push(gradients[from]);
    }
  });
  return { values: values, gradients: gradients, sums: sums, upstream: upstream, local: local, amount: amount };
}
// Until an input is first changed, the page shows the numbers it was written with and writes none of them again.
var inputs = {}, state = null, generation = 0, written = new Map(), edited = false;
// The number a slot names: v3 the value of node 3, g3.2 its gradient after two contributions, u5/l5/a5 the
// upstream gradient, local derivative and amount along edge 5; "(" before it writes a negative in parentheses.
function slotNumber(slot, numbers, output) {
  var factor = slot.charAt(0) === "(", name = factor ? slot.slice(1) : slot, kind = name.charAt(0), value;
  if (kind === "v") { value = numbers.values[Number(name.slice(1))]; }
  else if (kind === "g") {
    var parts = name.slice(1).split("."), node = Number(parts[0]), received = Number(parts[1]);
    value = received === 0 ? (node === output ? 1 : 0) : numbers.sums[node][received - 1];
  } else { value = numbers[{ u: "upstream", l: "local", a: "amount" }[kind]][Number(name.slice(1))]; }
  var text = written.get(value);
  if (text === undefined) {
    text = numberText(value, precision);
    written.set(value, text);
  }
  return factor && text.charAt(0) === "\u2212" ? "(" + text + ")" : text;
}
var marked = /\ue000([^\ue001]*)\ue001[^\ue002]*\ue002/g;
function filled(template, numbers, output) {
  if (template === null) { return null; }
  if (!edited) { return template.replace(marked, function (m) { return m.slice(m.indexOf("\ue001") + 1, -1); }); }
  return template.replace(marked, function (m, slot) { return slotNumber(slot, numbers, output); });
}
var templates = { captions: data.captions.slice(), titles: data.titles.slice(),
  descriptions: data.descriptions.slice() };
// Writes the numbers of one node or edge group again, then squeezes a text its box no longer holds.
function refresh(el) {
  if (!edited || el.gfGeneration === generation) { return; }
  el.gfGeneration = generation;
  var output = live.graph.output;
  el.querySelectorAll("[data-q]").forEach(function (t) {
    var text = slotNumber(t.getAttribute("data-q"), state, output);
    if (t.textContent !== text) {
      t.textContent = text;
      unfitted.add(t.closest("text"));
    }
  });
  el.querySelectorAll("[data-t]").forEach(function (t) {
    var text = filled(t.getAttribute("data-t"), state, output);
    if (t.textContent !== text) {
      t.textContent = text;
      var line = t.closest("text");
      if (line) { unfitted.add(line); }
    }
  });
}
// The texts whose numbers changed and that have not been measured since: a text as the page was written fits its
// box (the box was made for it), so stepping through the frames measures nothing until an input changes.
var unfitted = new Set();
function fitTexts() {
  var texts = [];
  unfitted.forEach(function (t) {
    if (t.isConnected || !t.hasAttribute("data-w")) {
      unfitted.delete(t);
      if (t.hasAttribute("data-w")) { texts.push(t); }
    }
  });
  if (texts.length === 0) { return; }
  texts.forEach(function (t) { t.removeAttribute("textLength"); t.removeAttribute("lengthAdjust"); });
  // The advance of the glyphs, or their ink where it reaches further (a minus sign's overhang).
  var widths = texts.map(function (t) { return Math.max(t.getComputedTextLength(), t.getBBox().width); });
  texts.forEach(function (t, k) {
    var room = Number(t.getAttribute("data-w"));
    if (widths[k] > room) {
      // A point short of the room: the last glyph's ink can reach past the advance it is squeezed to.
      t.setAttribute("textLength", String(room - 1));
      t.setAttribute("lengthAdjust", "spacingAndGlyphs");
    }
  });
}
var plainElement = element;
element = function (g, look) {
  var el = plainElement(g, look);
  refresh(el);
  return el;
};
// A frame's caption and title are written with the new numbers when it is shown, the frames' own texts too.
var captionsWritten = [];
function writeCaption(f) {
  if (f < 0 || f >= count || captionsWritten[f] === generation) { return; }
  captionsWritten[f] = generation;
  var output = live.graph.output;
  data.captions[f] = filled(templates.captions[f], state, output);
  data.titles[f] = filled(templates.titles[f], state, output);
  data.descriptions[f] = filled(templates.descriptions[f], state, output);
}
var plainGo = go;
go = function (i) {
  writeCaption(Math.max(0, Math.min(count - 1, Math.floor(Number(i)) || 0)));
  plainGo(i);
  fitTexts();
};
window.gradframes.go = go;
// The warnings of pipeline/Warnings.java, checked on every operation of the program with the new inputs.
function warnings(numbers) {
  var graph = live.checked || live.graph, out = [];
  var checked = live.checked === null ? numbers : evaluate(graph, inputs), v = checked.values;
  var words = live.valueWords, slopeWords = live.slopeWords;
  function text(template) { return filled(template, checked, graph.output); }
  function finite(x) { return isFinite(x); }
  graph.nodes.forEach(function (node, n) {
    if (live.fixed[n] !== null) { out.push(live.before[n] + live.fixed[n] + live.after[n]); }
    var inputsFinite = node[0] < 2 || node[2].every(function (x, k) { return k % 3 !== 1 || finite(v[x]); });
    if (!finite(v[n]) && inputsFinite) {
      var value = numberText(v[n], precision);
      out.push(live.before[n] + text(live.described[n]) + words[0] + value + words[1] + value + words[2]
          + live.after[n]);
    }
  });
  graph.order.forEach(function (s) {
    var node = graph.nodes[s];
    for (var k = 0; k < node[2].length; k += 3) {
      var e = node[2][k];
      if (!hasGradient(graph.nodes[node[2][k + 1]])) { continue; }
      if (!finite(checked.local[e]) && finite(v[s])) {
        out.push(live.before[s] + slopeWords[0] + text(live.described[s]) + slopeWords[1]
            + numberText(checked.local[e], precision) + slopeWords[2] + numberText(checked.amount[e], precision)
            + slopeWords[3] + live.after[s]);
      }
    }
  });
  return out;
}
var fields = {}, panel = $("live"), warningsShown = $("live-warnings");
// Recomputes every number with the inputs as they are now and shows the current frame again; the layout stays.
function recompute() {
  state = evaluate(live.graph, inputs);
  generation++;
  written = new Map();
  refresh(svg);
  go(current);
  var found = warnings(state);
  warningsShown.textContent = found.join("");
  warningsShown.hidden = found.length === 0;
}
function set(name, value) {
  if (!fields.hasOwnProperty(name)) { throw new Error("no input named " + name); }
  value = Number(value);
  if (!isFinite(value)) { return false; }
  inputs[name] = value;
  edited = true;
  fields[name].forEach(function (field) {
    if (Number(field.value) !== value) { field.value = String(value); }
  });
  recompute();
  return true;
}
function values() {
  var named = {};
  Object.keys(fields).forEach(function (name) { named[name] = inputs[name]; });
  return { inputs: named, values: state.values.slice(), gradients: state.gradients.slice() };
}
function reset() {
  live.graph.nodes.forEach(function (node) {
    if (node[0] === 0) {
      inputs[node[3]] = node[1];
      fields[node[3]].forEach(function (field) { field.value = String(node[1]); });
    }
  });
  recompute();
}
// One number field per input (a slider too where the program has few), elements of a vector or matrix grouped.
function buildPanel() {
  var list = $("live-inputs"), groups = {}, leaves = live.graph.nodes.filter(function (node) { return node[0] === 0; });
  var sliders = leaves.length <= 24;
  // Many inputs would take the picture's room: their panel starts closed, a click (or Enter) on Inputs opens it.
  panel.open = sliders;
  leaves.forEach(function (node) {
    var name = node[3], shown = node[4], bracket = name.indexOf("["), parent = list;
    inputs[name] = node[1];
    if (bracket > 0) {
      var base = name.slice(0, bracket);
      if (!groups[base]) {
        groups[base] = document.createElement("fieldset");
        var legend = document.createElement("legend");
        legend.textContent = shown.slice(0, shown.indexOf("["));
        groups[base].appendChild(legend);
        list.appendChild(groups[base]);
      }
      parent = groups[base];
    }
    var label = document.createElement("label"), field = document.createElement("input");
    label.className = "live-input";
    label.appendChild(document.createTextNode(bracket > 0 ? shown.slice(shown.indexOf("[")) : shown));
    field.type = "number";
    field.step = "any";
    field.dataset.input = name;
    field.value = String(node[1]);
    field.setAttribute("aria-label", "Input " + shown);
    field.addEventListener("input", function () {
      if (field.value !== "" && isFinite(Number(field.value))) { set(name, Number(field.value)); }
    });
    label.appendChild(field);
    fields[name] = [field];
    if (sliders && bracket < 0) {
      var range = document.createElement("input"), reach = 3 * (Math.abs(node[1]) || 1);
      range.type = "range";
      range.min = String(node[1] - reach);
      range.max = String(node[1] + reach);
      range.step = String(Math.pow(10, Math.floor(Math.log10(reach / 100))));
      range.value = String(node[1]);
      range.setAttribute("aria-label", "Input " + shown + ", slider");
      range.addEventListener("input", function () { set(name, Number(Number(range.value).toPrecision(12))); });
      label.appendChild(range);
      fields[name].push(range);
    }
    parent.appendChild(label);
  });
  // Keys typed into the inputs are the inputs' own, not the stepper's (0, −, arrows); elsewhere they step.
  panel.addEventListener("keydown", function (e) {
    if (e.target.tagName === "INPUT") { e.stopPropagation(); }
  });
  $("live-reset").addEventListener("click", reset);
}
buildPanel();
recompute();
window.gradframes.set = set;
window.gradframes.values = values;
window.gradframes.reset = reset;
