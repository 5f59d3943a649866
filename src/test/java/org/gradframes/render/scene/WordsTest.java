package org.gradframes.render.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradframes.autodiff.FrameKind;
import org.gradframes.autodiff.Snapshot;
import org.gradframes.autodiff.Walkthrough;
import org.gradframes.expr.Parser;
import org.gradframes.expr.Source;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.GraphBuilder;
import org.gradframes.render.text.RichText;
import org.gradframes.render.theme.Theme;
import org.junit.jupiter.api.Test;

/** What the captions, the edge labels and the node headers say: always something true, never only a number. */
class WordsTest {
  private static Graph ops(String text) {
    return GraphBuilder.build(Parser.parse(new Source("t", text)));
  }

  private static Graph statements(String text) {
    return GraphBuilder.statements(Parser.parse(new Source("t", text)));
  }

  private static Walkthrough walk(Graph graph) {
    return Walkthrough.of(graph, new Walkthrough.Options(false, false, null));
  }

  private static String captions(Graph graph) {
    StringBuilder all = new StringBuilder();
    for (List<String> lines : Captions.of(graph, walk(graph), 5)) {
      all.append(Captions.plain(lines)).append('\n');
    }
    return all.toString();
  }

  @Test
  void aSquareSaysEachPathsPartialAndTheirSumWithoutTheSeedAsAFactor() {
    String captions = captions(ops("f = 3\nL = f * f\n"));
    assertTrue(captions.contains("∂L⁽¹⁾/∂f = f = 3\n∂L⁽²⁾/∂f = f = 3\n∂L/∂f = ∂L⁽¹⁾/∂f + ∂L⁽²⁾/∂f = 3 + 3 = 6"),
        captions);
    assertFalse(captions.contains("∂L/∂L ·"), "no step multiplies by ∂L/∂L: " + captions);
    assertTrue(captions.contains("Backward pass, starting at L: ∂L/∂L = 1, since L changes one for one with itself"),
        captions);
  }

  @Test
  void aStepBelowTheOutputMarksTheLocalPartialOfEachParallelEdge() {
    String captions = captions(ops("f = 3\nu = f * f\nL = 2 * u\n"));
    assertTrue(captions.contains("∂L⁽¹⁾/∂f = ∂L/∂u · ∂u⁽¹⁾/∂f = 2 · 3 = 6"), captions);
  }

  private static List<String> edgeLabels(Graph graph, EdgeLabelMode mode) {
    Walkthrough walk = walk(graph);
    EdgeLabels labels = new EdgeLabels(graph, walk.frames(), mode, Theme.load("light"), 5, Shown.all(graph));
    Snapshot last = walk.frames().get(walk.frames().size() - 1);
    assertEquals(FrameKind.BACKWARD, last.kind());
    return graph.edges().stream().map(e -> labels.text(e, last)).filter(t -> t != null).map(RichText::plain)
        .toList();
  }

  @Test
  void everyEdgeLabelNamesItsPartialEvenWhereTheFormulaIsTooLong() {
    Graph graph = statements("t1 = 1\ns1 = 0.3\nt2 = -1\ns2 = 0.8\n"
        + "loss = (max(0, 1 - t1 * s1) + max(0, 1 - t2 * s2)) / 2\n");
    List<String> labels = edgeLabels(graph, EdgeLabelMode.LOCAL);
    assertEquals(6, labels.size());
    for (String label : labels) {
      assertTrue(label.startsWith("∂"), "was a bare number such as −0.3: " + label);
    }
    assertTrue(labels.contains("∂max(0, 1 − t₁·s₁)/∂t₁ = −0.3"), labels.toString());
    for (String label : edgeLabels(graph, EdgeLabelMode.FLOW)) {
      assertTrue(label.startsWith("∂loss"), "a flow names the contribution it carries: " + label);
    }
  }

  @Test
  void anEdgeLabelTooLongWritesItsUnnamedOperationsByTheirShapeNotAsABareNumber() {
    List<String> labels = edgeLabels(ops("z1 = 1\nz2 = 2\nm = max(z1, z2)\n"
        + "lse = m + log(exp(z1 - m) + exp(z2 - m))\n"), EdgeLabelMode.LOCAL);
    assertTrue(labels.contains("∂log(…)/∂(… + …) = 0.73106"), labels.toString());
    for (String label : labels) {
      assertTrue(label.startsWith("∂") && label.contains(" = "), "the partial's name and its value: " + label);
    }
  }

  @Test
  void noTwoEdgesShareABriefLabelAndNoneReadsAsTheSameOnBothSides() {
    List<String> labels = edgeLabels(ops("yhat1 = 2.5\ny1 = 3\nyhat2 = 0\ny2 = -0.5\nyhat3 = 2.1\ny3 = 2\n"
        + "loss = (abs(yhat1 - y1) + abs(yhat2 - y2) + abs(yhat3 - y3)) / 3\n"), EdgeLabelMode.LOCAL);
    java.util.Set<String> names = new java.util.HashSet<>();
    for (String label : labels) {
      String name = label.substring(0, label.indexOf(" = "));
      assertTrue(names.add(name), "two edges are labelled " + name + ": " + labels);
      int slash = name.indexOf("/∂");
      assertTrue(!name.substring(1, slash).equals(name.substring(slash + 2)), "reads as ∂X/∂X: " + name);
    }
  }

  @Test
  void theEdgesOfASquareSayWhichPathTheyAre() {
    assertEquals(List.of("∂L⁽¹⁾/∂f = f = 3", "∂L⁽²⁾/∂f = f = 3"), edgeLabels(ops("f = 3\nL = f * f\n"),
        EdgeLabelMode.LOCAL), "not ∂L/∂f = 3 twice beside a total ∂L/∂f of 6");
  }

  @Test
  void aLongHeaderKeepsItsOperationsAndALongUnnamedNodeShowsItsTag() {
    String long1 = "max(0, 1 - targetOne * scoreOne)";
    String long2 = "max(0, 1 - targetTwo * scoreTwo)";
    Graph graph = statements("targetOne = 1\nscoreOne = 0.3\ntargetTwo = -1\nscoreTwo = 0.8\n"
        + "hingeLossOfBoth = (" + long1 + " + " + long2 + ") / 2\n");
    Walkthrough walk = walk(graph);
    NodeLabels labels = new NodeLabels(graph, walk.frames(), Theme.load("light"), 5, Shown.all(graph));
    String header = RichText.plain(labels.lines(graph.output(), walk.frames().get(0)).get(0).text());
    assertEquals("hingeLossOfBoth = (max(…) + max(…)) / 2", header, "was cut to hingeLossOfBoth = (max(0, 1 − t…");
    Graph lse = statements("z1 = 1\nz2 = 2\nz3 = 0.5\nz4 = -1\nm = max(max(z1, z2), max(z3, z4))\n"
        + "lse = m + log(exp(z1 - m) + exp(z2 - m) + exp(z3 - m) + exp(z4 - m))\n");
    Walkthrough lseWalk = walk(lse);
    NodeLabels lseLabels = new NodeLabels(lse, lseWalk.frames(), Theme.load("light"), 5, Shown.all(lse));
    int log = lse.inputs(lse.output()).get(1).from();
    String logHeader = RichText.plain(lseLabels.lines(log, lseWalk.frames().get(0)).get(0).text());
    assertTrue(logHeader.startsWith("[log] = log("), "the box of [log] says it is [log]: " + logHeader);
    assertEquals("lse = m + [log]", RichText.plain(lseLabels.lines(lse.output(), lseWalk.frames().get(0)).get(0)
        .text()));
    assertNotNull(lseLabels.size(log));
  }
}
