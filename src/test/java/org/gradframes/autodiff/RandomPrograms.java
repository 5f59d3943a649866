package org.gradframes.autodiff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes random .grad programs over every operator and function. While it writes, it works out the value of each
 * subexpression with plain {@link Math}, and picks only operations whose argument is safely inside their domain and
 * away from kinks (log and sqrt of at least 0.2, divisors and negative-power bases of size at least 0.3, relu and
 * abs of size at least 0.1, tan where |cos| is at least 0.5, exp below 3, max and min of arguments at least 0.1 apart,
 * pow of a base of at least 0.3) and keeps every value within
 * 100, so that central differences are meaningful.
 */
public final class RandomPrograms {
  /** A generated program, the names of its inputs and the output value worked out while writing it. */
  public record Generated(String text, List<String> inputs, double value) {}

  private record Term(String text, double value) {}

  /** A subexpression whose value is too large or not finite; the whole program is written again. */
  private static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Rejected() {
      super(null, null, false, false);
    }
  }

  private static final String[] CONSTANTS = {"2", "0.5", "3", "1.5", "1e-1"};
  private static final int[] EXPONENTS = {2, 3, -1, -2, 1};
  private static final double LIMIT = 100;

  private final Random random;
  private final Map<String, Double> env = new LinkedHashMap<>();

  public RandomPrograms(Random random) {
    this.random = random;
  }

  /** Returns a program of 1 to 3 inputs, 0 to 3 intermediate statements and an output. */
  public Generated next() {
    while (true) {
      try {
        return attempt();
      } catch (Rejected e) {
        env.clear();
      }
    }
  }

  private Generated attempt() {
    StringBuilder text = new StringBuilder();
    List<String> inputs = new ArrayList<>();
    int inputCount = 1 + random.nextInt(3);
    for (int i = 1; i <= inputCount; i++) {
      String literal = String.format(Locale.ROOT, "%.3f", -2 + 4 * random.nextDouble());
      define(text, "x" + i, new Term(literal, Double.parseDouble(literal)));
      inputs.add("x" + i);
    }
    int intermediate = random.nextInt(4);
    for (int i = 1; i <= intermediate; i++) {
      define(text, "v" + i, statement(1 + random.nextInt(3)));
    }
    Term out = statement(2 + random.nextInt(2));
    define(text, "out", out);
    env.clear();
    return new Generated(text.toString(), inputs, out.value());
  }

  /** The right side of a statement; it uses at least one variable, so that it is never an input. */
  private Term statement(int depth) {
    Term term = term(depth);
    if (!env.keySet().stream().anyMatch(name -> term.text().matches(".*\\b" + name + "\\b.*"))) {
      throw new Rejected();
    }
    return term;
  }

  private void define(StringBuilder text, String name, Term term) {
    text.append(name).append(" = ").append(term.text()).append('\n');
    env.put(name, term.value());
  }

  private Term term(int depth) {
    if (depth == 0 || random.nextDouble() < 0.2) {
      return leaf();
    }
    double kind = random.nextDouble();
    Term term;
    if (kind < 0.45) {
      term = binary(term(depth - 1), term(depth - 1));
    } else if (kind < 0.55) {
      Term a = term(depth - 1);
      term = new Term("(-" + a.text() + ")", -a.value());
    } else if (kind < 0.65) {
      term = power(term(depth - 1));
    } else if (kind < 0.75) {
      term = twoArguments(term(depth - 1), term(depth - 1));
    } else {
      term = function(term(depth - 1));
    }
    if (!Double.isFinite(term.value()) || Math.abs(term.value()) > LIMIT) {
      throw new Rejected();
    }
    return term;
  }

  private Term leaf() {
    if (random.nextDouble() < 0.8) {
      List<String> names = new ArrayList<>(env.keySet());
      // Favour the latest definitions, so that statements chain into each other.
      int from = random.nextBoolean() ? Math.max(0, names.size() - 2) : 0;
      String name = names.get(from + random.nextInt(names.size() - from));
      return new Term(name, env.get(name));
    }
    String constant = CONSTANTS[random.nextInt(CONSTANTS.length)];
    return new Term(constant, Double.parseDouble(constant));
  }

  private Term binary(Term a, Term b) {
    char op = "+-*/".charAt(random.nextInt(4));
    if (op == '/' && Math.abs(b.value()) < 0.3) {
      op = '*';
    }
    double value = switch (op) {
      case '+' -> a.value() + b.value();
      case '-' -> a.value() - b.value();
      case '*' -> a.value() * b.value();
      default -> a.value() / b.value();
    };
    return new Term("(" + a.text() + " " + op + " " + b.text() + ")", value);
  }

  private Term power(Term base) {
    int n = EXPONENTS[random.nextInt(EXPONENTS.length)];
    if (n < 0 && Math.abs(base.value()) < 0.3) {
      n = 2;
    }
    return new Term("(" + base.text() + ")^" + n, Math.pow(base.value(), n));
  }

  /** max or min of arguments at least 0.1 apart (away from the tie), or pow of a base of at least 0.3. */
  private Term twoArguments(Term a, Term b) {
    List<String> fits = new ArrayList<>();
    if (Math.abs(a.value() - b.value()) >= 0.1) {
      fits.add("max");
      fits.add("min");
    }
    if (a.value() >= 0.3 && Math.abs(b.value()) <= 3) {
      fits.add("pow");
    }
    if (fits.isEmpty()) {
      return binary(a, b);
    }
    String f = fits.get(random.nextInt(fits.size()));
    double value = switch (f) {
      case "max" -> Math.max(a.value(), b.value());
      case "min" -> Math.min(a.value(), b.value());
      default -> Math.pow(a.value(), b.value());
    };
    return new Term(f + "(" + a.text() + ", " + b.text() + ")", value);
  }

  private Term function(Term a) {
    double x = a.value();
    List<String> fits = new ArrayList<>(List.of("sin", "cos", "tanh", "sigmoid"));
    if (x < 3) {
      fits.add("exp");
    }
    if (x > 0.2) {
      fits.add("log");
      fits.add("sqrt");
    }
    if (Math.abs(Math.cos(x)) > 0.5) {
      fits.add("tan");
    }
    if (Math.abs(x) > 0.1) {
      fits.add("relu");
      fits.add("abs");
    }
    String f = fits.get(random.nextInt(fits.size()));
    double value = switch (f) {
      case "sin" -> Math.sin(x);
      case "cos" -> Math.cos(x);
      case "tanh" -> Math.tanh(x);
      case "sigmoid" -> 1 / (1 + Math.exp(-x));
      case "exp" -> Math.exp(x);
      case "log" -> Math.log(x);
      case "sqrt" -> Math.sqrt(x);
      case "tan" -> Math.tan(x);
      case "relu" -> Math.max(x, 0);
      default -> Math.abs(x);
    };
    return new Term(f + "(" + a.text() + ")", value);
  }
}
