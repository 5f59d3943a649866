package org.gradframes.render.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gradframes.expr.Parser;
import org.gradframes.expr.Source;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.GraphBuilder;
import org.gradframes.graph.Node;
import org.junit.jupiter.api.Test;

/** Which nodes and edges lie on the paths from highlighted variables to the output, in the ops view. */
class HighlightTest {
  /** x feeds y along two paths (through a and b); z only through b; w is used by nothing the output needs. */
  private static final String DIAMOND = "x = 2\nz = 3\na = x * 2\nb = x + z\nw = z * 5\ny = a * b\n";

  private static Graph graph(String text) {
    return GraphBuilder.build(Parser.parse(new Source("test.grad", text)));
  }

  /** The names (or ids) of the nodes not dimmed. */
  private static Set<String> lit(Graph graph, Highlight h) {
    Set<String> lit = new TreeSet<>();
    for (Node node : graph.nodes()) {
      if (!h.dimNode(node.index())) {
        lit.add(node.id());
      }
    }
    return lit;
  }

  /** The edges not dimmed, as {@code from>to}. */
  private static Set<String> litEdges(Graph graph, Highlight h) {
    Set<String> lit = new TreeSet<>();
    for (Edge e : graph.edges()) {
      if (!h.dimEdge(e.index())) {
        lit.add(graph.node(e.from()).id() + ">" + graph.node(e.to()).id());
      }
    }
    return lit;
  }

  @Test
  void bothBranchesOfADiamondAreOnThePath() {
    Graph g = graph(DIAMOND);
    Highlight h = Highlight.of(g, Shown.all(g), List.of("x"));
    assertEquals(Set.of("x", "a", "b", "y"), lit(g, h));
    assertEquals(Set.of("x>a", "x>b", "a>y", "b>y"), litEdges(g, h));
  }

  @Test
  void aBranchTheOutputDoesNotUseStaysDimmed() {
    Graph g = graph(DIAMOND);
    Highlight h = Highlight.of(g, Shown.all(g), List.of("z"));
    assertEquals(Set.of("z", "b", "y"), lit(g, h), "w depends on z but the output does not depend on w");
    assertEquals(Set.of("z>b", "b>y"), litEdges(g, h));
  }

  @Test
  void severalNamesJoinTheirPaths() {
    Graph g = graph(DIAMOND);
    Highlight h = Highlight.of(g, Shown.all(g), List.of("a", "z"));
    assertEquals(Set.of("z", "a", "b", "y"), lit(g, h));
  }

  @Test
  void noNamesDimNothing() {
    Graph g = graph(DIAMOND);
    Highlight h = Highlight.of(g, Shown.all(g), List.of());
    for (Node node : g.nodes()) {
      assertFalse(h.dimNode(node.index()));
    }
  }

  @Test
  void aVectorsNameTakesAllItsElementsAndAnElementOnlyItself() {
    Graph g = graph("x = [1.2, -0.5]\nW = [[0.1, 0.2], [0.3, 0.4]]\nh = W @ x\nloss = sum(h)\n");
    Set<String> names = new TreeSet<>();
    g.nodes().forEach(n -> names.add(n.id()));
    Highlight whole = Highlight.of(g, Shown.all(g), List.of("x"));
    Highlight one = Highlight.of(g, Shown.all(g), List.of("x[2]"));
    Set<String> wholeLit = lit(g, whole);
    Set<String> oneLit = lit(g, one);
    assertTrue(wholeLit.contains("x[1]") && wholeLit.contains("x[2]"), "lit: " + wholeLit + " of " + names);
    assertFalse(oneLit.contains("x[1]"), "lit: " + oneLit);
    assertTrue(oneLit.contains("x[2]") && oneLit.contains("loss"), "lit: " + oneLit);
    assertFalse(wholeLit.contains("W[1,1]") || oneLit.contains("W[2,1]"), "the weights feed the path, they are not"
        + " on it: " + wholeLit);
  }

  @Test
  void aWeightTheViewHidesLightsTheEdgeThatCarriesIt() {
    Graph g = graph("w = 0.5\nx = 2\nh = w * x\ny = h * 3\n");
    int w = index(g, "w");
    int x = index(g, "x");
    boolean[] nodes = new boolean[g.size()];
    java.util.Arrays.fill(nodes, true);
    nodes[w] = false;
    boolean[] edges = new boolean[g.edges().size()];
    java.util.Map<Integer, Integer> weights = new java.util.TreeMap<>();
    for (Edge e : g.edges()) {
      edges[e.index()] = e.from() != w;
      if (e.from() == x) {
        weights.put(e.index(), w);
      }
    }
    // As the network view draws a neuron: w is not a node, its value sits on the edge x → h.
    Shown shown = new Shown(nodes, edges, Set.of(index(g, "h")), weights, java.util.Map.of(), 8);
    Highlight h = Highlight.of(g, shown, List.of("w"));
    assertTrue(litEdges(g, h).contains("x>h"), "the edge carrying w: " + litEdges(g, h));
    assertTrue(h.dimNode(x), "x is not on w's path");
    assertFalse(h.dimNode(index(g, "h")) || h.dimNode(index(g, "y")));
  }

  private static int index(Graph g, String name) {
    return g.nodes().stream().filter(n -> name.equals(n.name())).findFirst().orElseThrow().index();
  }
}
