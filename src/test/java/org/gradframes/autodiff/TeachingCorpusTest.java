package org.gradframes.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;
import org.gradframes.pipeline.CompiledProgram;
import org.gradframes.pipeline.Gradframes;
import org.gradframes.pipeline.RenderOptions;
import org.gradframes.pipeline.View;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The teaching corpus, {@code bench/teaching/}: at least 40 programs small enough for a slide (at most 40 nodes in
 * the ops view, the size the 18 px promise is for; the networks {@code net-*} drawn in the network view are larger),
 * free of warnings, and with every input's gradient equal to its central finite difference.
 * Where a program's source (a course's notes, a lecture, a book) prints its numbers, the numbers written here are
 * the source's, to the digits it prints.
 */
class TeachingCorpusTest {
  private static final Path CORPUS = Path.of("bench/teaching");
  private static final int LEAST_PROGRAMS = 40;
  private static final int MOST_NODES = 40;
  private static final Gradframes OPS = new Gradframes(RenderOptions.builder().view(View.OPS).strict(true).build());

  static Stream<Path> programs() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.filter(p -> p.toString().endsWith(".grad")).sorted().toList().stream();
    }
  }

  private static CompiledProgram compile(Path file) throws IOException {
    return OPS.compile(file.toString(), Files.readString(file));
  }

  /** A program's ops graph with its values and gradients, looked up by node id ({@code x}, {@code x[2]}). */
  private record Solved(Graph graph, double[] values, double[] gradients) {
    double value(String id) {
      return values[index(id)];
    }

    double gradient(String id) {
      return gradients[index(id)];
    }

    double output() {
      return values[graph.output()];
    }

    private int index(String id) {
      return graph.nodes().stream().filter(n -> n.id().equals(id)).mapToInt(Node::index).findFirst()
          .orElseThrow(() -> new AssertionError("no node " + id));
    }
  }

  private static Solved solve(String name) throws IOException {
    CompiledProgram program = compile(CORPUS.resolve(name + ".grad"));
    return new Solved(program.graph(), program.values(), program.gradients());
  }

  @Test
  void theCorpusHasAtLeastFortyProgramsOfAtMostFortyNodes() throws IOException {
    long small = 0;
    for (Path file : programs().toList()) {
      small += compile(file).graph().size() <= MOST_NODES ? 1 : 0;
    }
    assertTrue(small >= LEAST_PROGRAMS, small + " teaching programs of at most " + MOST_NODES + " nodes");
  }

  /** Each program opens with a comment that says what it is and where it comes from, is small and warns of nothing. */
  @ParameterizedTest
  @MethodSource("programs")
  void fitsASlideAndRaisesNoWarning(Path file) throws IOException {
    String text = Files.readString(file);
    assertTrue(text.startsWith("# "), file + " opens with a comment saying what it is");
    CompiledProgram program = compile(file); // strict: a warning is an exception
    assertTrue(program.warnings().isEmpty(), file + ": " + program.warnings());
    assertTrue(program.graph().size() <= MOST_NODES || file.getFileName().toString().startsWith("net-"),
        file + " has " + program.graph().size() + " nodes");
  }

  /**
   * Every input's gradient is the central finite difference of the forward pass; no input is left out, so every
   * program is away from the kinks of relu, abs, max and min, where a difference would not settle.
   */
  @ParameterizedTest
  @MethodSource("programs")
  void gradientsAreTheFiniteDifferences(Path file) throws IOException {
    CompiledProgram program = compile(file);
    Graph graph = program.graph();
    List<String> wrong = new ArrayList<>();
    for (Node node : graph.nodes()) {
      if (node instanceof Node.Input input) {
        double difference = FiniteDifferences.derivative(graph, input);
        double gradient = program.gradients()[input.index()];
        if (!FiniteDifferences.settled(graph, input)) {
          wrong.add(input.id() + ": the finite difference does not settle (a kink nearby?)");
        } else if (!FiniteDifferences.agree(difference, gradient)) {
          wrong.add(input.id() + ": finite difference " + difference + ", backward pass " + gradient);
        }
      }
    }
    assertTrue(wrong.isEmpty(), file + ":\n" + String.join("\n", wrong));
  }

  // The numbers the sources print.

  /** CS231n notes, Backpropagation, Intuitions: the circuit figure prints f = 0.73 and gradients to two digits. */
  @Test
  void cs231nSigmoidNeuron() throws IOException {
    Solved s = solve("cs231n-neuron");
    assertEquals(0.73, s.output(), 0.005);
    assertEquals(-0.20, s.gradient("w0"), 0.005);
    assertEquals(0.39, s.gradient("x0"), 0.005);
    assertEquals(-0.39, s.gradient("w1"), 0.005);
    assertEquals(-0.59, s.gradient("x1"), 0.005);
    assertEquals(0.20, s.gradient("w2"), 0.005);
  }

  /** CS231n notes: f(x, y, z) = (x + y) z at -2, 5, -4 is -12, with gradients -4, -4 and 3. */
  @Test
  void cs231nSimpleExpression() throws IOException {
    Solved s = solve("cs231n-xyz");
    assertEquals(-12, s.output(), 1e-12);
    assertEquals(3, s.value("q"), 1e-12);
    assertEquals(-4, s.gradient("x"), 1e-12);
    assertEquals(-4, s.gradient("y"), 1e-12);
    assertEquals(3, s.gradient("z"), 1e-12);
  }

  /** CS231n lecture 4, patterns in backward flow: the add gate distributes, max routes, multiply swaps. */
  @Test
  void cs231nGates() throws IOException {
    Solved s = solve("cs231n-gates");
    assertEquals(-20, s.output(), 1e-12);
    assertEquals(-8, s.gradient("x"), 1e-12);
    assertEquals(6, s.gradient("y"), 1e-12);
    assertEquals(2, s.gradient("z"), 1e-12);
    assertEquals(0, s.gradient("w"), 1e-12);
  }

  /** CS231n notes, Linear classification: the SVM loss with margin 10 is 8; lecture 3's cat image has 2.9. */
  @Test
  void cs231nHingeLosses() throws IOException {
    assertEquals(8, solve("cs231n-svm").output(), 1e-12);
    assertEquals(2.9, solve("cs231n-svm-cat").output(), 1e-9);
  }

  /**
   * CS231n notes: softmax of [-2.85, 0.86, 0.28] is [0.016, 0.631, 0.353] and the loss -ln(0.353) = 1.04. The
   * gradient of the cross-entropy in the scores is p minus the one-hot label, so it is those probabilities again,
   * to within 0.001: the notes divide exps already rounded to [0.058, 2.36, 1.32], and 0.058 / 3.74 = 0.0155.
   */
  @Test
  void cs231nSoftmaxCrossEntropyAndItsLogSumExp() throws IOException {
    for (String name : List.of("cs231n-softmax", "logsumexp")) {
      Solved s = solve(name);
      assertEquals(1.04, s.output(), 0.005, name);
      assertEquals(0.016, s.gradient("s[1]"), 0.001, name);
      assertEquals(0.631, s.gradient("s[2]"), 0.001, name);
      assertEquals(0.353 - 1, s.gradient("s[3]"), 0.001, name);
    }
  }

  /** Karpathy's Hacker's Guide, chapter 1: the neuron prints 0.8808 and the gradients to three digits. */
  @Test
  void hackersGuideNeuron() throws IOException {
    Solved s = solve("hackers-neuron");
    assertEquals(0.8808, s.output(), 0.00005);
    assertEquals(-0.105, s.gradient("a"), 0.0005);
    assertEquals(0.315, s.gradient("b"), 0.0005);
    assertEquals(0.105, s.gradient("c"), 0.0005);
    assertEquals(0.105, s.gradient("x"), 0.0005);
    assertEquals(0.210, s.gradient("y"), 0.0005);
  }

  /** The micrograd lecture: d = a*b + c = 4 with slopes -3, 2, 1, and L = -8 backpropagated by hand. */
  @Test
  void microgradFirstExamples() throws IOException {
    Solved abc = solve("micrograd-abc");
    assertEquals(4, abc.output(), 1e-12);
    assertEquals(-3, abc.gradient("a"), 1e-12);
    assertEquals(2, abc.gradient("b"), 1e-12);
    assertEquals(1, abc.gradient("c"), 1e-12);
    Solved l = solve("micrograd-L");
    assertEquals(-8, l.output(), 1e-12);
    assertEquals(-2, l.gradient("d"), 1e-12);
    assertEquals(4, l.gradient("f"), 1e-12);
    assertEquals(-2, l.gradient("c"), 1e-12);
    assertEquals(-2, l.gradient("e"), 1e-12);
    assertEquals(6, l.gradient("a"), 1e-12);
    assertEquals(-4, l.gradient("b"), 1e-12);
  }

  /** The micrograd lecture's neuron, with tanh and with tanh spelled out in exp: o = 0.7071 and the same grads. */
  @Test
  void microgradNeuron() throws IOException {
    for (String name : List.of("micrograd-neuron", "micrograd-tanh-exp")) {
      Solved s = solve(name);
      assertEquals(0.7071, s.output(), 0.00005, name);
      assertEquals(0.5, s.gradient("b"), 0.0001, name);
      assertEquals(-1.5, s.gradient("x1"), 0.0001, name);
      assertEquals(1.0, s.gradient("w1"), 0.0001, name);
      assertEquals(0.5, s.gradient("x2"), 0.0001, name);
      assertEquals(0.0, s.gradient("w2"), 0.0001, name);
    }
  }

  /** micrograd's README prints g = 24.7041, a.grad = 138.8338 and b.grad = 645.5773. */
  @Test
  void microgradReadme() throws IOException {
    Solved s = solve("micrograd-readme");
    assertEquals(24.7041, s.output(), 0.00005);
    assertEquals(138.8338, s.gradient("a"), 0.00005);
    assertEquals(645.5773, s.gradient("b"), 0.00005);
  }

  /** d2l.ai 2.5: y = 2 x.x for x = [0, 1, 2, 3] is 28 and its gradient is 4x; 2.4: f'(1) = 2 for 3x^2 - 4x. */
  @Test
  void d2lAutogradAndCalculus() throws IOException {
    Solved s = solve("d2l-autograd");
    assertEquals(28, s.output(), 1e-12);
    for (int i = 0; i < 4; i++) {
      assertEquals(4 * i, s.gradient("x[" + (i + 1) + "]"), 1e-12);
    }
    Solved f = solve("d2l-calculus");
    assertEquals(-1, f.output(), 1e-12);
    assertEquals(2, f.gradient("x"), 1e-12);
  }

  /** Goodfellow et al. 6.1: the XOR network outputs 0 for [1, 1]; 6.5.2: dz/dw = f'(y) f'(x) f'(w). */
  @Test
  void goodfellowXorAndChainRule() throws IOException {
    assertEquals(0, solve("goodfellow-xor").output(), 1e-12);
    Solved s = solve("goodfellow-chain");
    double w = 0.5;
    double x = Math.sin(w);
    double y = Math.sin(x);
    assertEquals(Math.sin(y), s.output(), 1e-12);
    assertEquals(Math.cos(y) * Math.cos(x) * Math.cos(w), s.gradient("w"), 1e-12);
  }

  /** Goodfellow et al. 3.10: softplus(0) = log 2 and its derivative is the sigmoid, 1/2 at 0. */
  @Test
  void softplusSlopeIsTheSigmoid() throws IOException {
    Solved s = solve("softplus");
    assertEquals(Math.log(2), s.output(), 1e-12);
    assertEquals(0.5, s.gradient("x"), 1e-12);
  }

  /** Hendrycks and Gimpel: the tanh form approximates x Phi(x), which is 0.841345 at x = 1, to within 0.001. */
  @Test
  void geluApproximatesXTimesTheNormalCdf() throws IOException {
    assertEquals(0.841345, solve("gelu").output(), 0.001);
  }

  /** Normalising makes the output blind to a shift of every input, so the inputs' gradients sum to zero. */
  @Test
  void normalisedInputsHaveGradientsThatSumToZero() throws IOException {
    for (String name : List.of("batchnorm", "layernorm")) {
      Solved s = solve(name);
      String v = name.equals("batchnorm") ? "x" : "h";
      double total = s.gradient(v + "[1]") + s.gradient(v + "[2]") + s.gradient(v + "[3]");
      assertEquals(0, total, 1e-9, name);
      assertTrue(Math.abs(s.gradient(v + "[1]")) > 0.01, name + " has gradients to speak of");
    }
  }
}
