package org.gradframes.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gradframes.expr.Parser;
import org.gradframes.expr.Position;
import org.gradframes.expr.Source;
import org.gradframes.expr.SourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraphBuilderTest {

  private static Graph build(String text) {
    return GraphBuilder.build(Parser.parse(new Source("test.grad", text)));
  }

  private static List<String> ids(Graph graph) {
    return graph.nodes().stream().map(Node::id).toList();
  }

  private static Node node(Graph graph, String id) {
    return graph.nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
  }

  private static <E extends SourceException> void assertError(Class<E> type, String source, String message,
      int line, int column) {
    E e = assertThrows(type, () -> build(source));
    assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
    assertEquals(new Position(line, column), e.position(), () -> "message was: " + e.getMessage());
  }

  @Test
  void eachNamedVariableIsOneNode() {
    Graph graph = build("x1 = -7\nx2 = 2\nx3 = 2\nx4 = -1\nu1 = x1 + x2\nu2 = x3 * x4\nu3 = u1 * u2\n"
        + "u4 = u2^2\ny = u3 * u4");
    assertEquals(List.of("x1", "x2", "x3", "x4", "u1", "u2", "u3", "u4-1", "u4", "y"), ids(graph));
    assertEquals(graph.size(), new HashSet<>(ids(graph)).size());
  }

  @Test
  void numberStatementIsAnInputLeaf() {
    Graph graph = build("x = -7\ny = x");
    Node.Input x = assertInstanceOf(Node.Input.class, graph.node(0));
    assertEquals("x", x.name());
    assertEquals(-7.0, x.value());
    assertTrue(graph.inputs(0).isEmpty());
  }

  @Test
  void eachOperationIsOneNodeAndTheTopOneCarriesTheName() {
    Graph graph = build("a = 1\nb = 2\ny = sin(a * b) + -a");
    assertEquals(List.of("a", "b", "y-1", "y-2", "y-3", "y"), ids(graph));
    List<Op> ops = graph.nodes().stream()
        .filter(n -> n instanceof Node.Operation).map(n -> ((Node.Operation) n).op()).toList();
    assertEquals(List.of(Op.MULTIPLY, Op.SIN, Op.NEGATE, Op.ADD), ops);
    assertEquals("y", graph.node(5).name());
    assertNull(graph.node(2).name());
  }

  @Test
  void constantsAreLeavesOnePerOccurrence() {
    Graph graph = build("x = 1\ny = x * 2 + 2");
    List<Node> constants = graph.nodes().stream().filter(n -> n instanceof Node.Constant).toList();
    assertEquals(2, constants.size());
    for (Node c : constants) {
      assertEquals(2.0, ((Node.Constant) c).value());
      assertTrue(graph.inputs(c.index()).isEmpty());
      assertEquals(1, graph.consumers(c.index()).size());
    }
  }

  @Test
  void negatedNumberInsideAnExpressionIsOneConstant() {
    Graph graph = build("x = 1\ny = x * -2.5");
    Node.Constant c = assertInstanceOf(Node.Constant.class, node(graph, "y-1"));
    assertEquals(-2.5, c.value());
    assertEquals("-2.5", c.text());
    assertEquals(3, graph.size());
  }

  @Test
  void negatedVariableIsANegateOperation() {
    Graph graph = build("x = 1\ny = -x");
    Node.Operation y = assertInstanceOf(Node.Operation.class, node(graph, "y"));
    assertEquals(Op.NEGATE, y.op());
    assertEquals(List.of(0), y.inputs());
  }

  @Test
  void copyOfAVariableIsAnIdentityOperation() {
    Graph graph = build("x = 1\ny = x");
    Node.Operation y = assertInstanceOf(Node.Operation.class, graph.node(1));
    assertEquals(Op.IDENTITY, y.op());
    assertEquals("y", y.name());
    assertEquals(List.of(0), y.inputs());
  }

  @Test
  void squareUsesOneNodeTwiceWithTwoEdges() {
    Graph graph = build("x = 3\ny = x*x");
    assertEquals(2, graph.size());
    List<Edge> out = graph.consumers(0);
    assertEquals(2, out.size());
    assertEquals(List.of(1, 1), out.stream().map(Edge::to).toList());
    assertEquals(List.of(0, 1), out.stream().map(Edge::argument).toList());
    assertEquals(out, graph.inputs(1));
  }

  @Test
  void variableWithSeveralConsumersIsStillOneNode() {
    Graph graph = build("u = 2\na = u + 1\nb = u * 3\ny = a * b");
    assertEquals(List.of("a", "b"), graph.consumers(0).stream().map(e -> graph.node(e.to()).id()).toList());
    assertEquals(1, ids(graph).stream().filter("u"::equals).count());
  }

  @Test
  void edgesAreNumberedInOrderAndPointForward() {
    Graph graph = build("x = 1\nu = x + 2\ny = u * x");
    for (int i = 0; i < graph.edges().size(); i++) {
      Edge e = graph.edges().get(i);
      assertEquals(i, e.index());
      assertTrue(e.from() < e.to());
    }
  }

  @Test
  void lastStatementIsTheOutput() {
    Graph graph = build("x = 1\ny = x + 1\nz = x * 2");
    assertEquals("z", graph.node(graph.output()).id());
  }

  @Test
  void nodeOutsideTheOutputsAncestorsDoesNotReachIt() {
    Graph graph = build("a = 1\nb = 2\nc = b * 3\ny = a * 2");
    boolean[] reaches = graph.reachesOutput();
    assertTrue(reaches[graph.output()]);
    assertTrue(reaches[node(graph, "a").index()]);
    assertFalse(reaches[node(graph, "b").index()]);
    assertFalse(reaches[node(graph, "c").index()]);
  }

  @Test
  void undefinedNameIsReportedWhereItIsUsed() {
    assertError(UndefinedNameException.class, "a = 1\ny = a + b * 2", "'b' is not defined.", 2, 9);
  }

  @Test
  void nameUsedBeforeItsDefinitionSaysWhereItIsDefined() {
    assertError(UndefinedNameException.class, "a = 1\nb = a * y\ny = 3", "'y' is defined on line 3, after this use",
        2, 9);
    assertError(UndefinedNameException.class, "x = 2 * w; w = 1", "'w' is defined on line 1, after this use", 1, 9);
  }

  @Test
  void misspeltNameGetsTheNearestDefinedOne() {
    assertError(UndefinedNameException.class, "x1 = 1\nx2 = 2\nweight = 3\ny = wieght * x3",
        "'wieght' is not defined; did you mean 'weight'?", 4, 5);
    assertError(UndefinedNameException.class, "x1 = 1\nx2 = 2\ny = x1 * x3", "'x3' is not defined; did you mean 'x1'?",
        3, 10);
  }

  @Test
  void maxAndMinAreNodesOfTwoInputs() {
    Graph graph = build("a = 1\nb = 2\nm = max(a, b) + min(b, 3) * pow(a, 2)");
    List<Op> ops = graph.nodes().stream().filter(n -> n instanceof Node.Operation)
        .map(n -> ((Node.Operation) n).op()).toList();
    assertEquals(List.of(Op.MAX, Op.MIN, Op.POWER, Op.MULTIPLY, Op.ADD), ops);
    Node max = graph.node(2);
    assertEquals(List.of(0, 1), max.inputs());
    assertEquals("max", Op.MAX.key());
  }

  @Test
  void outputCanBeAnyNamedVariable() {
    org.gradframes.expr.Program program = Parser.parse(new Source("t", "x = 2\nu = x * x\ny = u + 1"));
    Graph graph = GraphBuilder.build(program, false, "u");
    assertEquals("u", graph.node(graph.output()).id());
    assertEquals("u", GraphBuilder.statements(program, "u").node(GraphBuilder.statements(program, "u").output())
        .id());
    assertEquals("y", graph.node(GraphBuilder.build(program, false, null).output()).id());
    assertThrows(IllegalArgumentException.class, () -> GraphBuilder.build(program, false, "q"));
  }

  @Test
  void statementUsingItsOwnNameIsToldSo() {
    assertError(UndefinedNameException.class, "x = x + 1", "A statement cannot use its own name.", 1, 5);
  }

  @Test
  void duplicateNameIsReportedAtTheSecondDefinition() {
    assertError(DuplicateNameException.class, "x = 1\ny = x\n  x = 2", "'x' is already defined at 1:1.", 3, 3);
  }

  @Test
  void unnamedIdsRestartForEachStatement() {
    Graph graph = build("a = 1\ny = a - 1\nz = (a - 1) * 2");
    assertEquals(List.of("a", "y-1", "y", "z-1", "z-2", "z-3", "z"), ids(graph));
  }

  @Test
  void unnamedIdsAreTheSameEveryBuild() {
    String text = "a = 1\nb = 2\ny = exp(a * b - 1) / (b + 3)";
    assertEquals(ids(build(text)), ids(build(text)));
    assertEquals(List.of("a", "b", "y-1", "y-2", "y-3", "y-4", "y-5", "y-6", "y"), ids(build(text)));
  }

  @Test
  void unnamedIdOfAStatementDoesNotDependOnEarlierStatements() {
    List<String> alone = ids(build("x = 1\ny = x - 1")).subList(1, 3);
    List<String> withMore = ids(build("x = 1\nq = x * 5 + x / 2\ny = x - 1"));
    assertEquals(alone, withMore.subList(withMore.size() - 2, withMore.size()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"advanced", "chain-rule", "one-neuron", "sigmoid", "sin-square"})
  void sourceOrderIsATopologicalOrder(String sample) throws IOException {
    Graph graph = GraphBuilder.build(Parser.parse(new Source(sample,
        Files.readString(Path.of("samples", sample + ".grad")))));
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < graph.size(); i++) {
      Node node = graph.node(i);
      assertEquals(i, node.index());
      for (Edge e : graph.inputs(i)) {
        assertTrue(seen.contains(e.from()), () -> node.id() + " uses a later node");
      }
      seen.add(i);
    }
  }

  @Test
  void builtGraphCannotBeChanged() {
    Graph graph = build("x = 1\ny = x * x");
    assertThrows(UnsupportedOperationException.class, () -> graph.nodes().clear());
    assertThrows(UnsupportedOperationException.class, () -> graph.edges().clear());
    assertThrows(UnsupportedOperationException.class, () -> graph.consumers(0).clear());
    assertThrows(UnsupportedOperationException.class, () -> graph.inputs(1).clear());
  }

  /** How many nodes of {@code graph} perform each operation, in the order of {@link Op}; inputs and constants apart. */
  private static String census(Graph graph) {
    java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
    for (Node node : graph.nodes()) {
      String kind = node instanceof Node.Operation op ? op.op().key() : node instanceof Node.Input ? "input"
          : "constant";
      counts.merge(kind, 1, Integer::sum);
    }
    return counts.toString();
  }

  @Test
  void aSoftmaxOfThreeIsDrawnWithItsShiftItsThreeExponentialsAndOneSum() {
    Graph graph = build("z = [2, 1, 0.1]\np = softmax(z)\nloss = -log(p[1]) - log(p[2]) - log(p[3])");
    assertEquals("{add=2, divide=3, exp=3, input=3, log=3, max=2, negate=1, subtract=5}", census(graph));
    assertEquals(22, graph.size(), "was 30: twelve exponentials and three sums of them");
    assertEquals(List.of("p_exp[1]", "p_exp[2]", "p_exp[3]", "p_sum"), ids(graph).stream()
        .filter(id -> id.matches("p_(exp\\[\\d]|sum)")).toList());
    for (int i = 1; i <= 3; i++) {
      Node p = node(graph, "p[" + i + "]");
      assertEquals(List.of(node(graph, "p_exp[" + i + "]").index(), node(graph, "p_sum").index()), p.inputs());
    }
  }

  @Test
  void aMeanEveryElementUsesIsDrawnAsOneSumOverTheCount() {
    Graph graph = build("v = [1, 2, 4]\nc = v - mean(v)\nloss = sum(c * c)");
    assertEquals("{add=4, constant=1, divide=1, input=3, multiply=3, subtract=3}", census(graph));
    assertEquals(15, graph.size(), "was 23: the mean's sum and division for each element");
    int mean = node(graph, "c_mean").index();
    for (int i = 1; i <= 3; i++) {
      assertTrue(node(graph, "c[" + i + "]").inputs().contains(mean));
    }
  }
}
