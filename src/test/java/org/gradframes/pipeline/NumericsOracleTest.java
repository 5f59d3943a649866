package org.gradframes.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.obermuhlner.math.big.BigDecimalMath;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;
import org.junit.jupiter.api.Test;

/**
 * Every operation's value and gradient at extreme magnitudes (±1e3, ±1e300, subnormals, exact ties, the edges of
 * exp's range) against an independent oracle: the exact formula in BigDecimal with 60 digits or more (big-math's
 * exp, log, trigonometry and powers). A gradient that is NaN or ∞ where the exact one is finite is a failure, and so
 * is one off by more than 1e-12 relative or a few rounding errors of the quantities that cancel in it; a value that
 * truly overflows must come with a located warning. The compact and the expanded ({@code --expand}) forms must give
 * the same numbers.
 */
class NumericsOracleTest {
  private static final MathContext MC = new MathContext(60);
  private static final BigDecimal MAX = new BigDecimal(Double.MAX_VALUE);
  private static final double[] EXTREMES = {0, 4.9e-324, 1e-310, 2.2250738585072014e-308, 1e-8, 0.5, 1, 2, 20, 40,
      400, 709, 710, 746, 1000, 1e300, Double.MAX_VALUE};

  /** The exact value and slope of a function of one argument at x, or null where it has no real value. */
  private record Exact(BigDecimal value, BigDecimal slope) {}

  private static List<Double> signed() {
    List<Double> xs = new ArrayList<>();
    for (double x : EXTREMES) {
      xs.add(x);
      if (x != 0) {
        xs.add(-x);
      }
    }
    return xs;
  }

  private static MathContext digitsFor(BigDecimal x) {
    // Reducing a huge argument modulo 2π needs as many more digits as the argument has before its point.
    return new MathContext(60 + Math.max(0, x.precision() - x.scale()));
  }

  private static BigDecimal exp(BigDecimal x) {
    return BigDecimalMath.exp(x, MC);
  }

  /** exp(x) where it is of any use in double: below −1e4 it is 0 to every digit a double has. */
  private static BigDecimal expOrZero(BigDecimal x) {
    return x.compareTo(BigDecimal.valueOf(-10_000)) < 0 ? BigDecimal.ZERO : exp(x);
  }

  private static Exact exact(String f, double v) {
    BigDecimal x = new BigDecimal(v);
    BigDecimal one = BigDecimal.ONE;
    switch (f) {
      case "exp": {
        if (v > 1000) {
          return new Exact(MAX.multiply(BigDecimal.TEN), MAX.multiply(BigDecimal.TEN));
        }
        BigDecimal e = expOrZero(x);
        return new Exact(e, e);
      }
      case "log":
        return v <= 0 ? null : new Exact(BigDecimalMath.log(x, MC), one.divide(x, MC));
      case "sqrt": {
        if (v <= 0) {
          return null;
        }
        BigDecimal s = x.sqrt(MC);
        return new Exact(s, one.divide(s.multiply(BigDecimal.valueOf(2)), MC));
      }
      case "sin":
        return new Exact(BigDecimalMath.sin(x, digitsFor(x)), BigDecimalMath.cos(x, digitsFor(x)));
      case "cos":
        return new Exact(BigDecimalMath.cos(x, digitsFor(x)), BigDecimalMath.sin(x, digitsFor(x)).negate());
      case "tanh": {
        // tanh x = sign(x) (1 − t) / (1 + t), t = exp(−2|x|); its slope 4t / (1 + t)².
        BigDecimal t = expOrZero(x.abs().multiply(BigDecimal.valueOf(-2)));
        BigDecimal th = Math.abs(v) < 20 ? BigDecimalMath.tanh(x.abs(), MC) : one.subtract(t).divide(one.add(t), MC);
        BigDecimal slope = t.multiply(BigDecimal.valueOf(4)).divide(one.add(t).pow(2), MC);
        return new Exact(v < 0 ? th.negate() : th, slope);
      }
      case "sigmoid": {
        // σ(x) = 1 / (1 + exp(−x)), its slope exp(−x) / (1 + exp(−x))², written with t = exp(−|x|).
        BigDecimal t = expOrZero(x.abs().negate());
        BigDecimal s = v >= 0 ? one.divide(one.add(t), MC) : t.divide(one.add(t), MC);
        return new Exact(s, t.divide(one.add(t).pow(2), MC));
      }
      default:
        throw new IllegalArgumentException(f);
    }
  }

  private static String literal(double v) {
    return Double.toString(v).toLowerCase(Locale.ROOT);
  }

  private static int node(Graph graph, String name) {
    for (Node n : graph.nodes()) {
      if (name.equals(n.name())) {
        return n.index();
      }
    }
    throw new AssertionError("no node " + name);
  }

  private static CompiledProgram compile(String text, boolean expand) {
    return new Gradframes(RenderOptions.builder().view(View.OPS).expand(expand).build()).compile("oracle.grad", text);
  }

  /**
   * Whether {@code computed} agrees with {@code exact}: both beyond double's range the same way, or both finite and
   * within 1e-12 relative or {@code scale} absolute (the rounding of the quantities that cancel in it).
   */
  private static String disagreement(String what, double computed, BigDecimal exact, double scale) {
    if (Double.isInfinite(exact.doubleValue())) {
      return Double.isInfinite(computed) || Double.isNaN(computed) ? null
          : what + ": exact value overflows, computed " + computed;
    }
    double e = exact.doubleValue();
    if (!Double.isFinite(computed)) {
      return what + ": exact " + e + " is finite, computed " + computed;
    }
    double error = Math.abs(computed - e);
    return error <= 1e-12 * Math.abs(e) || error <= scale ? null : what + ": exact " + e + ", computed " + computed;
  }

  private static void check(List<String> failures, String f, double v, boolean expand) {
    Exact exact = exact(f, v);
    if (exact == null) {
      return;
    }
    String text = "x = " + literal(v) + "\ny = " + f + "(x)\n";
    CompiledProgram p = compile(text, expand);
    int x = node(p.graph(), "x");
    int y = node(p.graph(), "y");
    double value = p.values()[y];
    // A slope computed from the function's own value is as exact as that value: a few of its rounding errors.
    double scale = 4 * Math.ulp(Math.max(1.0, Math.abs(value)));
    String where = (expand ? "--expand " : "") + f + "(" + v + ")";
    // An expanded form subtracts quantities near 1 (1 − exp(−2x)): it is exact to a few of their rounding errors.
    String d1 = disagreement(where + " value", value, exact.value(), expand ? 4 * Math.ulp(1.0) : Double.MIN_VALUE);
    String d2 = disagreement(where + " slope", p.gradients()[x], exact.slope(), scale);
    if (d1 != null) {
      failures.add(d1);
    }
    if (d2 != null) {
      failures.add(d2);
    }
    if (Double.isInfinite(exact.value().doubleValue()) && p.warnings().stream().noneMatch(w -> w.position().line() == 2)) {
      failures.add(where + ": the value overflows and no warning says so at line 2");
    }
  }

  private static void assertNone(List<String> failures) {
    assertTrue(failures.isEmpty(), () -> failures.size() + " disagree with the oracle:\n"
        + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
  }

  @Test
  void everyFunctionOfOneArgumentAtExtremeMagnitudes() {
    List<String> failures = new ArrayList<>();
    for (String f : List.of("exp", "log", "sqrt", "sin", "cos", "tanh", "sigmoid")) {
      for (double v : signed()) {
        check(failures, f, v, false);
      }
    }
    assertNone(failures);
  }

  @Test
  void expandedFunctionsGiveTheNumbersOfTheCompactOnes() {
    List<String> failures = new ArrayList<>();
    for (String f : List.of("tanh", "sigmoid")) {
      for (double v : signed()) {
        check(failures, f, v, true);
      }
    }
    assertNone(failures);
  }

  /** The exact results of one binary operation at (a, b): its value and its slopes in a and in b. */
  private static List<BigDecimal> binary(String op, double av, double bv) {
    BigDecimal a = new BigDecimal(av);
    BigDecimal b = new BigDecimal(bv);
    BigDecimal half = new BigDecimal("0.5");
    return switch (op) {
      case "+" -> List.of(a.add(b), BigDecimal.ONE, BigDecimal.ONE);
      case "-" -> List.of(a.subtract(b), BigDecimal.ONE, BigDecimal.ONE.negate());
      case "*" -> List.of(a.multiply(b), b, a);
      case "/" -> bv == 0 ? null
          : List.of(a.divide(b, MC), BigDecimal.ONE.divide(b, MC), a.divide(b, MC).divide(b, MC).negate());
      case "max" -> List.of(a.max(b), av > bv ? BigDecimal.ONE : av < bv ? BigDecimal.ZERO : half,
          bv > av ? BigDecimal.ONE : bv < av ? BigDecimal.ZERO : half);
      case "min" -> List.of(a.min(b), av < bv ? BigDecimal.ONE : av > bv ? BigDecimal.ZERO : half,
          bv < av ? BigDecimal.ONE : bv > av ? BigDecimal.ZERO : half);
      default -> throw new IllegalArgumentException(op);
    };
  }

  @Test
  void everyOperationOfTwoArgumentsAtExtremeMagnitudesAndTies() {
    List<String> failures = new ArrayList<>();
    for (String op : List.of("+", "-", "*", "/", "max", "min")) {
      for (double a : signed()) {
        for (double b : signed()) {
          List<BigDecimal> exact = binary(op, a, b);
          if (exact == null) {
            continue;
          }
          String call = op.length() > 1 ? op + "(a, b)" : "a " + op + " b";
          CompiledProgram p = compile("a = " + literal(a) + "\nb = " + literal(b) + "\ny = " + call + "\n", false);
          String where = call + " at a = " + a + ", b = " + b;
          Function<Integer, Double> grad = i -> p.gradients()[i];
          double value = p.values()[node(p.graph(), "y")];
          for (String d : new String[] {
              disagreement(where + " value", value, exact.get(0), Double.MIN_VALUE),
              disagreement(where + " ∂a", grad.apply(node(p.graph(), "a")), exact.get(1), Double.MIN_VALUE),
              disagreement(where + " ∂b", grad.apply(node(p.graph(), "b")), exact.get(2), Double.MIN_VALUE)}) {
            if (d != null) {
              failures.add(d);
            }
          }
        }
      }
    }
    assertNone(failures);
  }

  /** softmax of two logits a and 0, exactly: p₁ = 1 / (1 + exp(−a)), written with t = exp(−|a|). */
  private static BigDecimal p1(double a) {
    BigDecimal t = expOrZero(new BigDecimal(Math.abs(a)).negate());
    BigDecimal one = BigDecimal.ONE;
    return a >= 0 ? one.divide(one.add(t), MC) : t.divide(one.add(t), MC);
  }

  @Test
  void softmaxIsExactForLogitsFarApartAndPastTheRangeOfExp() {
    List<String> failures = new ArrayList<>();
    for (double a : new double[] {356, 400, 709, 710, 1000, 1e300, -356, -1000, -1e300, 0, 1e-300}) {
      BigDecimal p1 = p1(a);
      // loss = −log p₂: ∂loss/∂x₁ = p₁, ∂loss/∂x₂ = −p₁.
      CompiledProgram ce = compile("x = [" + literal(a) + ", 0]\np = softmax(x)\nloss = -log(p[2])\n", false);
      String where = "-log(softmax([" + a + ", 0])[2])";
      BigDecimal p2 = BigDecimal.ONE.subtract(p1);
      if (p2.compareTo(new BigDecimal("1e-300")) > 0) {
        add(failures, disagreement(where + " ∂x[1]", ce.gradients()[node(ce.graph(), "x[1]")], p1, 4e-16));
        add(failures, disagreement(where + " ∂x[2]", ce.gradients()[node(ce.graph(), "x[2]")], p1.negate(), 4e-16));
      }
      // y = softmax(x)[1]: its values, and ∂y/∂x₁ = p₁ p₂, ∂y/∂x₂ = −p₁ p₂.
      CompiledProgram s = compile("x = [" + literal(a) + ", 0]\np = softmax(x)\ny = p[1]\n", false);
      where = "softmax([" + a + ", 0])[1]";
      add(failures, disagreement(where + " value", s.values()[node(s.graph(), "y")], p1, 4e-16));
      BigDecimal slope = p1.multiply(p2, MC);
      add(failures, disagreement(where + " ∂x[1]", s.gradients()[node(s.graph(), "x[1]")], slope, 4e-16));
      add(failures, disagreement(where + " ∂x[2]", s.gradients()[node(s.graph(), "x[2]")], slope.negate(), 4e-16));
      // The softmax itself (line 2) never overflows; that a program leaves an element unused is its own affair.
      for (Warning w : java.util.stream.Stream.concat(s.warnings().stream(), ce.warnings().stream()).toList()) {
        if (w.position().line() == 2 && !w.message().contains("does not affect the output")) {
          failures.add(where + ": the built-in softmax warns: " + w);
        }
      }
    }
    assertNone(failures);
  }

  private static void add(List<String> failures, String disagreement) {
    if (disagreement != null) {
      failures.add(disagreement);
    }
  }
}
