// Numbers as render/text/NumberText writes them, character for character: the double's exact decimal expansion
// (with BigInt), rounded half-even to a number of significant digits, trailing zeros dropped, scientific notation
// only from 1e7 and below 1e-4 where it is shorter, U+2212 for the minus sign.
function numberText(value, digits) {
  if (digits < 0 && isFinite(value)) { return fixedText(value, -1 - digits); }
  if (value !== value) { return "NaN"; }
  if (value === Infinity) { return "\u221e"; }
  if (value === -Infinity) { return "\u2212\u221e"; }
  if (Math.abs(value) < 1e-12) { return "0"; }
  if (value === Math.round(value) && Math.abs(value) < Math.pow(10, Math.min(digits, 15))) {
    return String(value).replace("-", "\u2212");
  }
  var exact = exactDecimal(Math.abs(value)), d = exact.digits, scale = exact.scale;
  if (d.length > digits) {
    var keep = BigInt(d.slice(0, digits)), rest = d.slice(digits), half = "5" + "0".repeat(rest.length - 1);
    var up = rest > half || rest === half && keep % BigInt(2) === BigInt(1);
    scale -= rest.length;
    d = (up ? keep + BigInt(1) : keep).toString();
  }
  var stripped = d.replace(/0+$/, "");
  scale -= d.length - stripped.length;
  d = stripped;
  var exponent = d.length - scale - 1, sign = value < 0 ? "-" : "";
  var plain = sign + plainDecimal(d, scale);
  var scientific = sign + d.charAt(0) + (d.length > 1 ? "." + d.slice(1) : "") + "e" + exponent;
  var ordinary = exponent >= -4 && exponent < 7;
  return (ordinary || scientific.length >= plain.length ? plain : scientific).replace(/-/g, "\u2212");
}
// A positive finite double as its exact decimal digits and scale: value = digits × 10^-scale.
function exactDecimal(x) {
  var view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  var bits = view.getBigUint64(0), biased = Number(bits >> BigInt(52));
  var mantissa = bits & ((BigInt(1) << BigInt(52)) - BigInt(1)), e = biased === 0 ? -1074 : biased - 1075;
  if (biased !== 0) { mantissa |= BigInt(1) << BigInt(52); }
  if (e >= 0) { return { digits: (mantissa << BigInt(e)).toString(), scale: 0 }; }
  return { digits: (mantissa * BigInt(5) ** BigInt(-e)).toString(), scale: -e };
}
function plainDecimal(d, scale) {
  if (scale <= 0) { return d + "0".repeat(-scale); }
  if (d.length > scale) { return d.slice(0, d.length - scale) + "." + d.slice(d.length - scale); }
  return "0." + "0".repeat(scale - d.length) + d;
}
// --decimals N: exactly N digits after the point, rounded half-even from the exact decimal expansion, scientific
// (N decimals in the mantissa) from 1e15; as NumberText.fixed.
function fixedText(value, decimals) {
  if (Math.abs(value) < 1e-12) { value = 0; }
  var negative = value < 0, exact = value === 0 ? { digits: "0", scale: 0 } : exactDecimal(Math.abs(value));
  var text;
  if (Math.abs(value) >= 1e15) {
    var exponent = exact.digits.length - exact.scale - 1;
    var m = roundedTo(exact.digits, exact.scale + exponent, decimals);
    if (m.length > decimals + 1) {
      m = roundedTo(m, decimals + 1, decimals);
      exponent++;
    }
    text = plainDecimal(m, decimals) + "e" + exponent;
  } else {
    text = plainDecimal(roundedTo(exact.digits, exact.scale, decimals), decimals);
  }
  return (negative && /[1-9]/.test(text.split("e")[0]) ? "\u2212" : "") + text;
}
// The digits of digits × 10^-scale rounded half-even to the given scale, as digits at that scale.
function roundedTo(digits, scale, to) {
  if (scale <= to) { return digits + "0".repeat(to - scale); }
  var cut = scale - to, keep = digits.length > cut ? BigInt(digits.slice(0, digits.length - cut)) : BigInt(0);
  var rest = digits.length > cut ? digits.slice(digits.length - cut) : "0".repeat(cut - digits.length) + digits;
  var half = "5" + "0".repeat(rest.length - 1);
  var up = rest > half || rest === half && keep % BigInt(2) === BigInt(1);
  return (up ? keep + BigInt(1) : keep).toString();
}
