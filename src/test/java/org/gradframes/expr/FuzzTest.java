package org.gradframes.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gradframes.autodiff.Walkthrough;
import org.gradframes.graph.Graph;
import org.gradframes.graph.GraphBuilder;

/**
 * Random and mutated programs through the whole compiler and the backward pass: none may end in anything but a
 * result or a {@link SourceException} that points into the text. 100,000 inputs in all, half of the programs
 * written with vectors and matrices.
 */
class FuzzTest {
  private static final String ALPHABET = "xyzuw1234567890.e+-*/^()[]@=#_ \t\n\r$!?,;{}\"'<>é∂σ−×·÷";
  private static final List<String> FUNCTIONS =
      List.of("sin", "cos", "tan", "exp", "log", "ln", "sqrt", "tanh", "sigmoid", "relu", "abs");
  private static final List<String> PAIRS = List.of("max", "min", "pow");

  /** Compiles and runs {@code text}; returns the error, or null when it compiled. */
  static SourceException compile(String text) {
    try {
      Graph graph = GraphBuilder.build(Parser.parse(new Source("fuzz", text)));
      Walkthrough.of(graph, new Walkthrough.Options(true, false, null));
      return null;
    } catch (SourceException e) {
      Source source = new Source("fuzz", text);
      int lines = (int) text.lines().count();
      Position p = e.position();
      assertTrue(p.line() <= Math.max(1, lines + 1), "line " + p + " past the end of " + show(text));
      int length = source.line(p.line()).codePointCount(0, source.line(p.line()).length());
      assertTrue(p.column() <= length + 1, "column " + p + " past its line in " + show(text));
      assertTrue(!e.getMessage().isBlank());
      return e;
    }
  }

  private static String show(String text) {
    return "'" + text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "'";
  }

  @Property(tries = 40_000)
  void anyTextCompilesOrFailsAtAPlaceInIt(@ForAll("texts") String text) {
    compile(text);
  }

  @Property(tries = 40_000)
  void mutatedProgramsCompileOrFailAtAPlaceInThem(@ForAll("mutants") String text) {
    compile(text);
  }

  @Property(tries = 20_000)
  void aStrayCharacterIsReportedWhereItIs(@ForAll("programs") String program, @ForAll("strays") char stray,
      @ForAll("fractions") double where) {
    int at = (int) (where * program.length());
    while (at > 0 && program.charAt(at - 1) == '#') {
      at--;
    }
    int lineStart = program.lastIndexOf('\n', at - 1) + 1;
    if (program.substring(lineStart, at).contains("#")) {
      return;
    }
    String text = program.substring(0, at) + stray + program.substring(at);
    SourceException e = compile(text);
    assertTrue(e != null, "accepted " + show(text));
    int line = (int) program.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    assertEquals(new Position(line, at - lineStart + 1), e.position(), show(text) + ": " + e.getMessage());
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(60);
  }

  @Provide
  Arbitrary<String> programs() {
    return Arbitraries.oneOf(scalarPrograms(), vectorPrograms());
  }

  /** Programs of vectors of three elements, a 2×3 matrix and a scalar, ending in a scalar. */
  Arbitrary<String> vectorPrograms() {
    Arbitrary<String> scalar = Arbitraries.of("c", "2", "0.5", "b[1, 2]", "a[3]", "sum(a)", "(b @ a)[2]");
    Arbitrary<String> vector = Arbitraries.recursive(
        () -> Arbitraries.of("a", "b[2]", "[c, 1, -c]", "softmax(a)", "[0.5, -1, 2]"),
        inner -> Arbitraries.oneOf(
            Combinators.combine(inner, Arbitraries.of(" + ", " - ", " * ", " / ", " ** ", " − ", " × "), inner)
                .as((l, op, r) -> "(" + l + op + r + ")"),
            Combinators.combine(inner, Arbitraries.of(" * ", " + ", " / "), scalar).as((l, op, r) -> l + op + r),
            Combinators.combine(Arbitraries.of(FUNCTIONS), inner).as((f, x) -> f + "(" + x + ")"),
            Combinators.combine(Arbitraries.of(PAIRS), inner, scalar).as((f, x, y) -> f + "(" + x + ", " + y + ")"),
            inner.map(x -> "softmax(" + x + ")"),
            inner.map(x -> "-" + x)),
        1, 4);
    Arbitrary<String> reduce = Combinators.combine(Arbitraries.of("sum(%s)", "mean(%s)", "dot(a, %s)", "v @ %s",
        "(b @ %s)[1]", "(%s)[2]"), vector).as(String::format);
    return Combinators.combine(vector, reduce, Arbitraries.of("", "# a comment\n"), Arbitraries.of("\n", "; "))
        .as((v, r, comment, end) -> "a = [0.5, -1, 2]" + end + "b = [[1, 2, 3],\n  [-0.5, 0.25, 1]]\nc = 1.5\n"
            + comment + "v = " + v + end + "y = " + r + " * c\n");
  }

  Arbitrary<String> scalarPrograms() {
    Arbitrary<String> expression = Arbitraries.recursive(
        () -> Arbitraries.oneOf(Arbitraries.of("a", "b", "c"), Arbitraries.integers().between(0, 9).map(String::valueOf)),
        inner -> Arbitraries.oneOf(
            Combinators.combine(inner, Arbitraries.of(" + ", " - ", " * ", " / ", "^", " ** ", " − ", " × ", "·"),
                inner).as((l, op, r) -> "(" + l + op + r + ")"),
            Combinators.combine(Arbitraries.of(FUNCTIONS), inner).as((f, x) -> f + "(" + x + ")"),
            Combinators.combine(Arbitraries.of(PAIRS), inner, inner).as((f, x, y) -> f + "(" + x + ", " + y + ")"),
            inner.map(x -> "-" + x)),
        1, 4);
    return Combinators.combine(expression, expression, Arbitraries.of("", "# a comment\n"), Arbitraries.of("\n", "; "))
        .as((e1, e2, comment, end) -> "a = 0.5" + end + "b = -2\n" + comment + "c = " + e1 + end + "y = " + e2
            + " * c\n");
  }

  @Provide
  Arbitrary<String> mutants() {
    return Combinators.combine(programs(), Arbitraries.doubles().between(0, 1), Arbitraries.of(ALPHABET.chars()
        .mapToObj(c -> String.valueOf((char) c)).toList()), Arbitraries.of("insert", "delete", "replace"))
        .as((program, where, c, how) -> {
          int at = (int) (where * (program.length() - 1));
          return switch (how) {
            case "insert" -> program.substring(0, at) + c + program.substring(at);
            case "delete" -> program.substring(0, at) + program.substring(at + 1);
            default -> program.substring(0, at) + c + program.substring(at + 1);
          };
        });
  }

  @Provide
  Arbitrary<Character> strays() {
    return Arbitraries.of('$', '!', '?', '{', '"', '\'');
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.doubles().between(0, 1);
  }
}
