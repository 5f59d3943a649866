package org.gradframes.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.gradframes.expr.Parser;
import org.gradframes.expr.Source;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.GraphBuilder;
import org.gradframes.graph.Node;
import org.junit.jupiter.api.Test;

class WalkthroughTest {
  private static final String ONE_NEURON = "x = 2.1\ny = 4\nw = 1\nb = 0\nyhat = w * x + b\nloss = (yhat - y)^2\n";
  private static final String ADVANCED =
      "x1 = -7\nx2 = 2\nx3 = 2\nx4 = -1\nu1 = x1 + x2\nu2 = x3 * x4\nu3 = u1 * u2\nu4 = u2^2\ny = u3 * u4\n";

  private static Graph graph(String text) {
    return GraphBuilder.build(Parser.parse(new Source("t", text)));
  }

  private static int index(Graph graph, String name) {
    return graph.nodes().stream().filter(n -> name.equals(n.name())).findFirst().orElseThrow().index();
  }

  @Test
  void oneNeuronUpdateMatchesTheArticle() {
    Graph g = graph(ONE_NEURON);
    Walkthrough walk = Walkthrough.of(g, new Walkthrough.Options(false, false,
        new Walkthrough.Training(0.01, Set.of("w", "b"), 1)));
    Walkthrough.Epoch epoch = walk.epochs().get(0);
    assertEquals(3.61, epoch.outputBefore(), 1e-12);
    assertEquals(1.0798, epoch.updates().get(0).after(), 1e-12);
    assertEquals(0.038, epoch.updates().get(1).after(), 1e-12);
    double yhat = 1.0798 * 2.1 + 0.038;
    assertEquals((yhat - 4) * (yhat - 4), epoch.outputAfter(), 1e-12);
    assertEquals(2.87, epoch.outputAfter(), 0.005, "the article's 2.87");
    List<Snapshot> frames = walk.frames();
    assertEquals(FrameKind.UPDATE, frames.get(frames.size() - 2).kind());
    Snapshot last = frames.get(frames.size() - 1);
    assertEquals(FrameKind.FORWARD, last.kind());
    assertEquals(epoch.outputAfter(), last.value(g.output()), 0);
  }

  @Test
  void aValueWithNoRealNumberPassesNoFiniteGradient() {
    Graph g = graph("x = -2\ny = log(x) * 3\n");
    double[] grads = BackwardPass.run(g, ForwardPass.evaluate(g)).gradients();
    assertTrue(Double.isNaN(grads[index(g, "x")]), "log(-2) has no slope, so x's gradient is NaN, not -1.5");
  }

  @Test
  void epochsLowerTheLossAndEachHasItsFrames() {
    Graph g = graph(ONE_NEURON);
    Walkthrough walk = Walkthrough.of(g, new Walkthrough.Options(false, false,
        new Walkthrough.Training(0.01, Set.of("w", "b"), 3)));
    assertEquals(3, walk.epochs().size());
    int perEpoch = 1 + 1 + walk.pass().steps().size() + 1;
    assertEquals(3 * perEpoch + 1, walk.frames().size());
    double previous = Double.POSITIVE_INFINITY;
    for (Walkthrough.Epoch e : walk.epochs()) {
      assertTrue(e.outputAfter() < e.outputBefore());
      assertTrue(e.outputBefore() < previous);
      previous = e.outputBefore();
    }
    assertEquals(walk.epochs().get(0).outputAfter(), walk.epochs().get(1).outputBefore(), 1e-12);
  }

  @Test
  void forwardStepsShowOneEvaluationPerOperation() {
    Graph g = graph(ADVANCED);
    Walkthrough walk = Walkthrough.of(g, new Walkthrough.Options(true, false, null));
    long operations = g.nodes().stream().filter(n -> n instanceof Node.Operation).count();
    List<Snapshot> frames = walk.frames();
    assertEquals(FrameKind.INPUTS, frames.get(0).kind());
    assertEquals(1 + operations + 1 + walk.pass().steps().size(), frames.size());
    Snapshot first = frames.get(1);
    assertEquals(FrameKind.EVALUATE, first.kind());
    assertEquals(index(g, "u1"), first.evaluated());
    assertTrue(first.valueKnown(index(g, "u1")));
    assertTrue(!first.valueKnown(index(g, "y")), "later nodes are not computed yet");
  }

  /** Level stepping of the advanced example, worked out by hand: y; u3 and u4; u1 and u2. */
  @Test
  void levelStepsTakeOnlyCompleteGradients() {
    Graph g = graph(ADVANCED);
    List<List<String>> frames = checkLevelSteps(ADVANCED);
    assertEquals(List.of(List.of("y"), List.of("u3", "u4"), List.of("u1", "u2")), frames);
    Snapshot last = lastBackwardFrame(Walkthrough.of(g, new Walkthrough.Options(false, true, null)));
    // The notebook's gradients, and u2's sum of both its paths: -20 + -40.
    assertEquals(-8, last.gradient(index(g, "x1")), 1e-12);
    assertEquals(-8, last.gradient(index(g, "x2")), 1e-12);
    assertEquals(60, last.gradient(index(g, "x3")), 1e-12);
    assertEquals(-120, last.gradient(index(g, "x4")), 1e-12);
    assertEquals(-60, last.gradient(index(g, "u2")), 1e-12);
  }

  @Test
  void levelsFollowTheLongestPathNotTheShortest() {
    // a feeds y directly (distance 1), c (distance 2) and b (distance 3): it is on level 3, after b, whose
    // contribution is the last one a gets.
    String text = "x = 0.5\na = sin(x)\nb = a * 3\nc = b + a\ny = c * a\n";
    assertEquals(List.of(List.of("y"), List.of("c"), List.of("b"), List.of("a")), checkLevelSteps(text));
    // a's first consumer p is one step from y, its second q four: a is on level 4, not 2.
    text = "x = 0.5\na = sin(x)\np = a * 2\nq = a + 1\nr = q * 3\ns = r - 1\ny = s * p\n";
    assertEquals(List.of(List.of("y"), List.of("p", "s"), List.of("r"), List.of("q"), List.of("a")),
        checkLevelSteps(text));
  }

  @Test
  void levelStepsOfSamplesAndGeneratedProgramsTakeOnlyCompleteGradients() throws IOException {
    for (String sample : List.of("advanced", "chain-rule", "network", "one-neuron", "sigmoid", "sin-square")) {
      checkLevelSteps(Files.readString(Path.of("samples", sample + ".grad")));
    }
    RandomPrograms programs = new RandomPrograms(new Random(20260417L));
    int checked = 0;
    for (int i = 0; i < 300; i++) {
      RandomPrograms.Generated program = programs.next();
      checked += checkLevelStepsAndCount(program.text());
    }
    assertTrue(checked >= 300, "only " + checked + " gradients were compared with finite differences");
  }

  private static Snapshot lastBackwardFrame(Walkthrough walk) {
    List<Snapshot> backward = walk.frames().stream().filter(f -> f.kind() == FrameKind.BACKWARD).toList();
    return backward.get(backward.size() - 1);
  }

  /** {@link #checkLevelStepsAndCount}, returning the ids of the nodes stepping in each backward frame. */
  private static List<List<String>> checkLevelSteps(String text) {
    List<List<String>> ids = new ArrayList<>();
    check(text, ids);
    return ids;
  }

  private static int checkLevelStepsAndCount(String text) {
    return check(text, new ArrayList<>());
  }

  /**
   * Walks through {@code text} by level and checks the frames against what this test works out from the graph's
   * nodes and edges alone: which nodes reach the output, how many contributions each node gets (one per edge to a
   * consumer that reaches the output, none for constants), each node's longest distance from the output, and the
   * gradients, by finite differences. Returns how many input gradients were compared with finite differences.
   */
  private static int check(String text, List<List<String>> ids) {
    Graph g = graph(text);
    int n = g.size();
    int output = g.output();
    List<Edge> edges = g.edges();

    // Which nodes the output depends on: a search from the output along edges, backwards.
    boolean[] reaches = new boolean[n];
    Deque<Integer> todo = new ArrayDeque<>(List.of(output));
    reaches[output] = true;
    while (!todo.isEmpty()) {
      int to = todo.pop();
      for (Edge e : edges) {
        if (e.to() == to && !reaches[e.from()]) {
          reaches[e.from()] = true;
          todo.push(e.from());
        }
      }
    }
    boolean[] constant = new boolean[n];
    for (Node node : g.nodes()) {
      constant[node.index()] = node instanceof Node.Constant;
    }
    // How many contributions each node gets in all, and which nodes take a step.
    int[] expected = new int[n];
    boolean[] steps = new boolean[n];
    for (Edge e : edges) {
      if (reaches[e.to()] && !constant[e.from()]) {
        expected[e.from()]++;
        steps[e.to()] = true;
      }
    }
    // The longest distance from each node to the output, over consumers that reach it.
    int[] distance = new int[n];
    Arrays.fill(distance, -1);
    for (int i = 0; i < n; i++) {
      if (reaches[i]) {
        longestDistance(i, output, edges, reaches, distance);
      }
    }
    int deepest = -1;
    for (int i = 0; i < n; i++) {
      if (steps[i]) {
        deepest = Math.max(deepest, distance[i]);
      }
    }

    Walkthrough walk = Walkthrough.of(g, new Walkthrough.Options(false, true, null));
    List<Snapshot> frames = walk.frames();
    List<Integer> backward = new ArrayList<>();
    for (int f = 0; f < frames.size(); f++) {
      if (frames.get(f).kind() == FrameKind.BACKWARD) {
        backward.add(f);
      }
    }
    assertEquals(deepest + 1, backward.size(), "one backward frame per level\n" + text);

    int[] received = new int[n];
    double[] sums = new double[n];
    sums[output] = 1;
    Set<Integer> stepped = new HashSet<>();
    for (int level = 0; level < backward.size(); level++) {
      int f = backward.get(level);
      Snapshot frame = frames.get(f);
      Snapshot before = frames.get(f - 1);
      String where = "level " + level + "\n" + text;
      Set<Integer> onLevel = new TreeSet<>();
      for (int i = 0; i < n; i++) {
        if (steps[i] && distance[i] == level) {
          onLevel.add(i);
        }
      }
      Set<Integer> stepping = new TreeSet<>();
      frame.steps().forEach(s -> stepping.add(s.node()));
      assertEquals(onLevel, stepping, "the nodes at distance " + level + " from the output step together\n" + text);
      assertEquals(frame.steps().size(), stepping.size(), "a node steps once in a frame\n" + text);
      ids.add(stepping.stream().map(i -> g.node(i).id()).sorted().toList());

      // Every stepping node has had all its contributions before the frame: counted here from earlier frames'
      // contributions, and as the previous frame shows it.
      for (BackwardStep s : frame.steps()) {
        int node = s.node();
        assertTrue(stepped.add(node), g.node(node).id() + " steps twice\n" + text);
        assertEquals(expected[node], received[node], g.node(node).id() + " has all its contributions, " + where);
        assertEquals(expected[node], before.received(node), g.node(node).id() + " shows them all, " + where);
        assertClose(sums[node], s.gradient(), g.node(node).id() + "'s step uses the sum it received, " + where);
        assertEquals(NodeState.ACTIVE, frame.nodeState(node), where);
      }
      // Its contributions go along each of its edges from inputs that are not constants, once.
      for (BackwardStep s : frame.steps()) {
        Set<Integer> sent = new TreeSet<>();
        Set<Integer> due = new TreeSet<>();
        for (Edge e : edges) {
          if (e.to() == s.node() && !constant[e.from()]) {
            due.add(e.index());
          }
        }
        for (Contribution c : s.contributions()) {
          assertEquals(s.node(), c.edge().to(), where);
          assertTrue(sent.add(c.edge().index()), "one contribution per edge, " + where);
          assertEquals(s.gradient(), c.upstream(), 0, where);
          assertClose(c.upstream() * c.local(), c.amount(), where);
          received[c.edge().from()]++;
          sums[c.edge().from()] += c.amount();
        }
        assertEquals(due, sent, g.node(s.node()).id() + " sends along every edge from a non-constant, " + where);
      }
    }
    assertEquals(stepped.size(), (int) java.util.stream.IntStream.range(0, n).filter(i -> steps[i]).count(),
        "every node that takes a step takes it\n" + text);
    for (int i = 0; i < n; i++) {
      assertEquals(expected[i], received[i], g.node(i).id() + " got all its contributions\n" + text);
    }

    // The gradients at the end: the sums worked out here, and finite differences of the forward pass.
    Snapshot last = frames.get(backward.isEmpty() ? frames.size() - 1 : backward.get(backward.size() - 1));
    int compared = 0;
    for (Node node : g.nodes()) {
      if (!constant[node.index()]) {
        assertClose(sums[node.index()], last.gradient(node.index()), node.id() + "\n" + text);
      }
      if (node instanceof Node.Input input && FiniteDifferences.settled(g, input)) {
        double difference = FiniteDifferences.derivative(g, input);
        assertTrue(FiniteDifferences.agree(difference, last.gradient(input.index())), "d/d" + input.name()
            + ": finite difference " + difference + ", frames " + last.gradient(input.index()) + "\n" + text);
        compared++;
      }
    }
    return compared;
  }

  private static int longestDistance(int node, int output, List<Edge> edges, boolean[] reaches, int[] distance) {
    if (distance[node] >= 0) {
      return distance[node];
    }
    int longest = node == output ? 0 : -1;
    for (Edge e : edges) {
      if (e.from() == node && reaches[e.to()]) {
        longest = Math.max(longest, longestDistance(e.to(), output, edges, reaches, distance) + 1);
      }
    }
    distance[node] = longest;
    return longest;
  }

  private static void assertClose(double expected, double actual, String message) {
    assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), message);
  }
}
