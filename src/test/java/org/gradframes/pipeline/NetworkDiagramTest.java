package org.gradframes.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.layout.Direction;
import org.gradframes.layout.EdgePath;
import org.gradframes.layout.Layout;
import org.gradframes.layout.NodeBox;
import org.gradframes.layout.Point;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The network view draws a network diagram, in either direction and with any engine: layers in columns (rows),
 * each centred, straight edges whose arrows touch their targets, and each label centred on its own edge, nearer it
 * than any other, clear of every box, every other label and every other edge.
 */
class NetworkDiagramTest {
  static Stream<Arguments> networks() {
    List<Arguments> all = new ArrayList<>();
    for (String file : List.of("bench/teaching/net-221.grad", "bench/teaching/net-232.grad",
        "bench/teaching/net-3442.grad", "samples/network.grad")) {
      for (Direction d : Direction.values()) {
        all.add(Arguments.of(file, d));
      }
    }
    return all.stream();
  }

  /** A drawing turned so that layers run left to right: in TB, x and y swap. */
  private record Turned(Graph graph, List<NodeBox> boxes, List<EdgePath> edges, double height) {
    static Turned of(Rendering r, Direction d) {
      Layout l = r.drawing().layout();
      boolean tb = d == Direction.TB;
      List<NodeBox> boxes = l.nodes().stream().map(b -> tb ? new NodeBox(b.node(), b.centerY(), b.centerX(),
          b.height(), b.width()) : b).toList();
      List<EdgePath> edges = l.edges().stream().map(p -> tb ? new EdgePath(p.edge(),
          p.spline().stream().map(Turned::turn).toList(), turn(p.tip()), p.label() == null ? null
          : new NodeBox(p.edge(), p.label().centerY(), p.label().centerX(), p.label().height(),
              p.label().width())) : p).toList();
      return new Turned(r.program().graph(), boxes, edges, tb ? l.width() : l.height());
    }

    private static Point turn(Point p) {
      return new Point(p.y(), p.x());
    }

    boolean drawn(int node) {
      return boxes.get(node).width() > 0;
    }
  }

  @ParameterizedTest
  @MethodSource("networks")
  void layersAreCentredColumnsJoinedByStraightEdgesWithTheirLabelsOnThem(String file, Direction d)
      throws IOException {
    Rendering r = new Gradframes(RenderOptions.builder().view(View.NETWORK).direction(d).formats("svg").build())
        .render(file, Files.readString(Path.of(file)));
    Turned t = Turned.of(r, d);
    String at = file + " " + d;
    columnsInOrder(t, at);
    for (Edge e : t.graph().edges()) {
      if (t.drawn(e.from()) && t.drawn(e.to())) {
        straightIntoItsTarget(t, e, at);
        labelOnItsOwnEdge(t, e, at);
      }
    }
  }

  @org.junit.jupiter.api.Test
  void theEngineDoesNotChangeANetworkDiagram() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(org.gradframes.layout.LayoutEngines.named("dot").available(),
        "dot is installed");
    String file = "bench/teaching/net-232.grad";
    List<Layout> layouts = new ArrayList<>();
    for (String engine : List.of("elk", "dot")) {
      layouts.add(new Gradframes(RenderOptions.builder().view(View.NETWORK).engine(engine).build())
          .render(file, Files.readString(Path.of(file))).drawing().layout());
    }
    assertEquals(layouts.get(0), layouts.get(1));
  }

  /** Every drawn edge runs rightwards; neurons of a layer share a column; each column is centred. */
  private static void columnsInOrder(Turned t, String at) {
    int[] layer = new int[t.graph().size()];
    for (Edge e : t.graph().edges()) {
      if (t.drawn(e.from()) && t.drawn(e.to())) {
        NodeBox from = t.boxes().get(e.from());
        NodeBox to = t.boxes().get(e.to());
        assertTrue(from.left() + from.width() < to.left(), at + ": edge " + e + " runs rightwards");
        layer[e.to()] = Math.max(layer[e.to()], layer[e.from()] + 1);
      }
    }
    for (int a = 0; a < layer.length; a++) {
      for (int b = 0; b < layer.length; b++) {
        if (t.drawn(a) && t.drawn(b) && !t.graph().inputs(a).isEmpty() && !t.graph().inputs(b).isEmpty()) {
          NodeBox p = t.boxes().get(a);
          NodeBox q = t.boxes().get(b);
          if (layer[a] == layer[b]) {
            assertEquals(p.centerX(), q.centerX(), 0.01, at + ": one layer, one column");
          } else if (layer[a] < layer[b]) {
            assertTrue(p.left() + p.width() < q.left(), at + ": layer " + layer[a] + " left of " + layer[b]);
          }
        }
      }
    }
    java.util.Map<Long, double[]> columns = new java.util.TreeMap<>();
    for (int i = 0; i < layer.length; i++) {
      if (t.drawn(i)) {
        NodeBox b = t.boxes().get(i);
        double[] c = columns.computeIfAbsent(Math.round(b.centerX() * 100), k -> new double[] {1e18, -1e18});
        c[0] = Math.min(c[0], b.top());
        c[1] = Math.max(c[1], b.top() + b.height());
      }
    }
    for (double[] c : columns.values()) {
      assertEquals(t.height() / 2, (c[0] + c[1]) / 2, 0.5, at + ": a column is centred");
    }
  }

  private static void straightIntoItsTarget(Turned t, Edge e, String at) {
    EdgePath p = t.edges().get(e.index());
    Point a = p.spline().get(0);
    for (Point q : p.spline()) {
      assertTrue(distance(q, a, p.tip()) < 0.01, at + ": edge " + e + " is straight");
    }
    NodeBox to = t.boxes().get(e.to());
    assertEquals(to.left(), p.tip().x(), 0.01, at + ": the arrow of " + e + " touches its target");
    assertTrue(p.tip().y() > to.top() && p.tip().y() < to.top() + to.height(), at + ": tip on the box's side");
    NodeBox from = t.boxes().get(e.from());
    assertEquals(from.left() + from.width(), a.x(), 0.01, at + ": edge " + e + " leaves its source's side");
  }

  private static void labelOnItsOwnEdge(Turned t, Edge e, String at) {
    NodeBox label = t.edges().get(e.index()).label();
    if (label == null) {
      return;
    }
    Point c = new Point(label.centerX(), label.centerY());
    double own = distance(c, t.edges().get(e.index()).spline().get(0), t.edges().get(e.index()).tip());
    assertTrue(own <= 2, at + ": label of " + e + " is " + own + " pt off its edge");
    for (EdgePath other : t.edges()) {
      Edge o = t.graph().edges().get(other.edge());
      if (o.index() == e.index() || !t.drawn(o.from()) || !t.drawn(o.to())) {
        continue;
      }
      double d = distance(c, other.spline().get(0), other.tip());
      assertTrue(d > own, at + ": label of " + e + " is nearer edge " + o);
      assertTrue(!crosses(label, other.spline().get(0), other.tip()), at + ": edge " + o + " runs through the"
          + " label of " + e);
      if (other.label() != null) {
        // 10 pt apart: nearer, two labels on nearly parallel edges read as one stack.
        NodeBox around = new NodeBox(label.node(), label.centerX(), label.centerY(), label.width() + 19.9,
            label.height() + 19.9);
        assertTrue(!overlap(around, other.label()), at + ": labels of " + e + " and " + o + " are not 10 pt apart");
      }
    }
    for (int n = 0; n < t.boxes().size(); n++) {
      assertTrue(!t.drawn(n) || !overlap(label, t.boxes().get(n)), at + ": label of " + e + " on box " + n);
    }
  }

  /** The distance from {@code p} to the segment from {@code a} to {@code b}. */
  private static double distance(Point p, Point a, Point b) {
    double dx = b.x() - a.x();
    double dy = b.y() - a.y();
    double len = dx * dx + dy * dy;
    double s = len == 0 ? 0 : Math.max(0, Math.min(1, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / len));
    return Math.hypot(p.x() - a.x() - s * dx, p.y() - a.y() - s * dy);
  }

  private static boolean overlap(NodeBox a, NodeBox b) {
    return a.left() < b.left() + b.width() && b.left() < a.left() + a.width() && a.top() < b.top() + b.height()
        && b.top() < a.top() + a.height();
  }

  /** Whether the segment from {@code a} to {@code b} passes through box {@code r}, sampled every half point. */
  private static boolean crosses(NodeBox r, Point a, Point b) {
    int steps = (int) Math.ceil(a.distance(b) * 2) + 1;
    for (int i = 0; i <= steps; i++) {
      double s = (double) i / steps;
      double x = a.x() + (b.x() - a.x()) * s;
      double y = a.y() + (b.y() - a.y()) * s;
      if (x > r.left() && x < r.left() + r.width() && y > r.top() && y < r.top() + r.height()) {
        return true;
      }
    }
    return false;
  }
}
