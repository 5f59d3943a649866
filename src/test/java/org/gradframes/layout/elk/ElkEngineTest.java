package org.gradframes.layout.elk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gradframes.expr.Parser;
import org.gradframes.expr.Source;
import org.gradframes.graph.Graph;
import org.gradframes.graph.GraphBuilder;
import org.gradframes.layout.Direction;
import org.gradframes.layout.EdgePath;
import org.gradframes.layout.Layout;
import org.gradframes.layout.LayoutRequest;
import org.gradframes.layout.NodeBox;
import org.gradframes.layout.Size;
import org.gradframes.pipeline.Gradframes;
import org.gradframes.pipeline.RenderOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What the ELK engine promises: operands in argument order, labels clear of boxes and of each other, wrapping. */
class ElkEngineTest {
  private static Graph graph(String text) {
    return GraphBuilder.build(new Parser(new Source("t.grad", text), Parser.DEFAULT_MAX_DEPTH).program());
  }

  private static Layout layout(Graph graph, Direction direction, boolean labels, boolean wrap) {
    List<Size> nodes = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      nodes.add(new Size(60 + 7 * (i % 3), 40));
    }
    List<Size> edgeLabels = new ArrayList<>();
    for (int e = 0; e < graph.edges().size(); e++) {
      edgeLabels.add(labels ? new Size(70, 18) : null);
    }
    return new ElkEngine().layout(new LayoutRequest(graph, nodes, edgeLabels, direction, wrap));
  }

  /** In {@code b = 2; a = 3; y = a / b} the dividend comes first although it is defined second. */
  @ParameterizedTest
  @EnumSource(Direction.class)
  void operandsKeepTheirArgumentOrder(Direction direction) {
    for (String op : List.of("/", "-", "*", "^")) {
      Graph graph = graph("b = 2\na = 3\ny = a " + op + " b\n");
      Layout layout = layout(graph, direction, true, false);
      NodeBox a = layout.nodes().get(1);
      NodeBox b = layout.nodes().get(0);
      if (direction == Direction.LR) {
        assertTrue(a.centerY() < b.centerY(), op + ": a above b");
      } else {
        assertTrue(a.centerX() < b.centerX(), op + ": a left of b");
      }
    }
  }

  static Stream<Path> programs() throws IOException {
    return Stream.concat(Files.list(Path.of("samples")), Files.list(Path.of("bench/teaching")))
        .filter(p -> p.toString().endsWith(".grad")).sorted();
  }

  /** Every label of every sample and teaching program, as the pipeline sizes them, is clear of boxes and labels. */
  @ParameterizedTest
  @MethodSource("programs")
  void labelsNeverCoverABoxOrAnotherLabel(Path program) throws IOException {
    for (Direction direction : Direction.values()) {
      RenderOptions options = RenderOptions.builder().engine("elk").direction(direction).build();
      Layout layout = new Gradframes(options).render(program.toString(), Files.readString(program)).drawing()
          .layout();
      List<NodeBox> labels = layout.edges().stream().map(EdgePath::label).filter(l -> l != null).toList();
      for (int i = 0; i < labels.size(); i++) {
        for (NodeBox node : layout.nodes()) {
          assertTrue(!overlap(labels.get(i), node), program + " " + direction + ": a label over a box");
        }
        for (int j = i + 1; j < labels.size(); j++) {
          assertTrue(!overlap(labels.get(i), labels.get(j)), program + " " + direction + ": two labels overlap");
        }
      }
      for (NodeBox node : layout.nodes()) {
        assertTrue(node.left() >= 0 && node.top() >= 0 && node.left() + node.width() <= layout.width() + 0.01
            && node.top() + node.height() <= layout.height() + 0.01, program + ": boxes inside the drawing");
      }
    }
  }

  private static boolean overlap(NodeBox a, NodeBox b) {
    return Math.abs(a.centerX() - b.centerX()) * 2 < a.width() + b.width() - 0.01
        && Math.abs(a.centerY() - b.centerY()) * 2 < a.height() + b.height() - 0.01;
  }

  /** A chain of 16 operations, much wider than high, wraps into rows that come closer to a slide's shape. */
  @Test
  void aLongChainWrapsTowardsSixteenByNine() {
    StringBuilder text = new StringBuilder("x0 = 1\n");
    for (int i = 1; i <= 16; i++) {
      text.append("x").append(i).append(" = sin(x").append(i - 1).append(")\n");
    }
    Graph graph = graph(text.toString());
    for (boolean labels : List.of(false, true)) {
      Layout straight = layout(graph, Direction.LR, labels, false);
      Layout wrapped = layout(graph, Direction.LR, labels, true);
      double ratio = straight.width() / straight.height();
      double wrappedRatio = wrapped.width() / wrapped.height();
      assertTrue(ratio > 10, "one row: " + ratio);
      assertTrue(wrappedRatio < ratio / 3, "wrapped: " + wrappedRatio + " against " + ratio);
      assertEquals(graph.size(), wrapped.nodes().size());
    }
  }

  /** Edge routes start at the source box and end, through the arrowhead's tip, on the target box's border. */
  @Test
  void edgesRunFromBoxToBox() {
    Graph graph = graph("x1 = 1\nx2 = 2\nu = x1 * x2\ny = u + x1\n");
    Layout layout = layout(graph, Direction.LR, true, false);
    for (EdgePath path : layout.edges()) {
      var edge = graph.edges().get(path.edge());
      NodeBox from = layout.nodes().get(edge.from());
      NodeBox to = layout.nodes().get(edge.to());
      assertEquals(from.left() + from.width(), path.spline().get(0).x(), 0.5, "leaves the source's right side");
      assertEquals(to.left(), path.tip().x(), 0.5, "the tip touches the target's left side");
      assertTrue(path.tip().x() - path.spline().get(path.spline().size() - 1).x() > 5, "room for an arrowhead");
    }
  }

  /** Nodes asked to be grouped are drawn inside their group's box, and nothing else is. */
  @Test
  void groupsAreCompoundNodesHoldingTheirMembers() {
    Graph graph = graph("a = 1\nb = 2\nc = 3\nu = a * b\nv = u + c\ny = v * a\n");
    List<Size> nodes = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      nodes.add(new Size(60, 40));
    }
    List<Size> labels = new ArrayList<>();
    for (int e = 0; e < graph.edges().size(); e++) {
      labels.add(new Size(50, 16));
    }
    List<List<Integer>> groups = List.of(List.of(0, 1), List.of(3, 4));
    Layout layout = new ElkEngine().layout(new LayoutRequest(graph, nodes, labels, Direction.LR, false, groups));
    assertEquals(2, layout.groups().size());
    for (int g = 0; g < groups.size(); g++) {
      NodeBox box = layout.groups().get(g);
      for (int n = 0; n < graph.size(); n++) {
        NodeBox node = layout.nodes().get(n);
        boolean inside = node.left() >= box.left() - 0.01 && node.top() >= box.top() - 0.01
            && node.left() + node.width() <= box.left() + box.width() + 0.01
            && node.top() + node.height() <= box.top() + box.height() + 0.01;
        assertEquals(groups.get(g).contains(n), inside, "node " + n + " and group " + g);
      }
    }
    assertTrue(!overlap(layout.groups().get(0), layout.groups().get(1)), "the groups' boxes are apart");
    for (EdgePath path : layout.edges()) {
      var edge = graph.edges().get(path.edge());
      NodeBox to = layout.nodes().get(edge.to());
      assertEquals(to.left(), path.tip().x(), 0.5, "every edge, inside a group or across one, ends on its target");
    }
  }
}
