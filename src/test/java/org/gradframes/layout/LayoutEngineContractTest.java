package org.gradframes.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.gradframes.expr.Parser;
import org.gradframes.expr.Source;
import org.gradframes.graph.Graph;
import org.gradframes.graph.GraphBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every registered layout engine promises, whichever it is: for a few small graphs whose edges all carry
 * labels, in both directions, every node gets one box at least its size, every edge a route and every label a box
 * at least its size and near its edge, and no number is NaN or infinite. A new engine in
 * {@code META-INF/services} is held to this without a line here; an engine that cannot run here is skipped, saying
 * so. Engines that break the contract on purpose (one drops the labels, one puts them far from their edges, one
 * returns NaN) show that it catches them.
 */
class LayoutEngineContractTest {
  /** How far, in points, a label's box may be from its edge's route: on it or beside it (ELK leaves 2 pt, dot 0). */
  static final double NEAR = 8;
  static final List<String> PROGRAMS = List.of(
      "a = 2\nb = 3\nc = 1\ny = a * b + c\n",
      "x = 0.5\nw = 2\nu = x * w\ny = sin(u) + u\n",
      "a = 2\nb = 3\nd = a - b\ny = max(a, b) / d\n",
      "x = 1\nw1 = 0.5\nb1 = 0\nw2 = -1\nb2 = 0.1\nh = tanh(w1 * x + b1)\np = sigmoid(w2 * h + b2)\n"
          + "loss = -log(p)\n");

  static Stream<LayoutEngine> engines() {
    return LayoutEngines.all().stream();
  }

  private static Graph graph(String text) {
    return GraphBuilder.build(new Parser(new Source("t.grad", text), Parser.DEFAULT_MAX_DEPTH).program());
  }

  private static LayoutRequest request(Graph graph, Direction direction) {
    List<Size> nodes = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      nodes.add(new Size(50 + 9 * (i % 4), 30 + 4 * (i % 2)));
    }
    List<Size> labels = new ArrayList<>();
    for (int e = 0; e < graph.edges().size(); e++) {
      labels.add(new Size(40 + 6 * (e % 3), 14));
    }
    return new LayoutRequest(graph, nodes, labels, direction);
  }

  /** What {@code engine} does wrong with the contract's graphs, one line each; empty when it keeps the contract. */
  static List<String> breaches(LayoutEngine engine) {
    List<String> breaches = new ArrayList<>();
    for (String program : PROGRAMS) {
      for (Direction direction : Direction.values()) {
        LayoutRequest request = request(graph(program), direction);
        String where = engine.name() + " " + direction + " " + program.replace("\n", "; ") + ": ";
        check(request, engine.layout(request)).forEach(b -> breaches.add(where + b));
      }
    }
    return breaches;
  }

  static List<String> check(LayoutRequest request, Layout layout) {
    List<String> breaches = new ArrayList<>();
    if (!finite(layout.width()) || !finite(layout.height()) || layout.width() <= 0 || layout.height() <= 0) {
      breaches.add("canvas " + layout.width() + " x " + layout.height());
    }
    NodeBox[] boxes = new NodeBox[request.graph().size()];
    for (NodeBox box : layout.nodes()) {
      if (box.node() < 0 || box.node() >= boxes.length || boxes[box.node()] != null) {
        breaches.add("a box for node " + box.node() + ", which has one already or does not exist");
      } else {
        boxes[box.node()] = box;
        breaches.addAll(checkBox("node " + box.node(), box, request.nodes().get(box.node())));
      }
    }
    for (int n = 0; n < boxes.length; n++) {
      if (boxes[n] == null) {
        breaches.add("no box for node " + n);
      }
    }
    EdgePath[] paths = new EdgePath[request.graph().edges().size()];
    for (EdgePath path : layout.edges()) {
      if (path.edge() < 0 || path.edge() >= paths.length || paths[path.edge()] != null) {
        breaches.add("a route for edge " + path.edge() + ", which has one already or does not exist");
      } else {
        paths[path.edge()] = path;
      }
    }
    for (int e = 0; e < paths.length; e++) {
      breaches.addAll(checkEdge(e, paths[e], request.labels().get(e)));
    }
    return breaches;
  }

  private static List<String> checkBox(String what, NodeBox box, Size size) {
    if (!finite(box.centerX()) || !finite(box.centerY()) || !finite(box.width()) || !finite(box.height())) {
      return List.of(what + " at " + box);
    }
    if (box.width() < size.width() - 1 || box.height() < size.height() - 1) {
      return List.of(what + " is " + box.width() + " x " + box.height() + ", smaller than " + size);
    }
    return List.of();
  }

  private static List<String> checkEdge(int e, EdgePath path, Size label) {
    if (path == null) {
      return List.of("no route for edge " + e);
    }
    List<String> breaches = new ArrayList<>();
    for (Point p : path.spline()) {
      if (!finite(p.x()) || !finite(p.y())) {
        breaches.add("edge " + e + " runs through " + p);
      }
    }
    if (path.tip() != null && (!finite(path.tip().x()) || !finite(path.tip().y()))) {
      breaches.add("edge " + e + " ends at " + path.tip());
    }
    if (label == null) {
      return breaches;
    }
    if (path.label() == null) {
      breaches.add("no box for the label of edge " + e);
      return breaches;
    }
    breaches.addAll(checkBox("the label of edge " + e, path.label(), label));
    double distance = distance(path.label(), path);
    if (!(distance <= NEAR)) {
      breaches.add("the label of edge " + e + " is " + Math.round(distance) + " pt from its edge");
    }
    return breaches;
  }

  /** The distance from {@code box} to the nearest point of the route, 0 where the route crosses it. */
  static double distance(NodeBox box, EdgePath path) {
    List<Point> s = path.spline();
    double nearest = Double.POSITIVE_INFINITY;
    for (int k = 0; k + 3 < s.size(); k += 3) {
      for (int step = 0; step <= 32; step++) {
        Point p = bezier(s.get(k), s.get(k + 1), s.get(k + 2), s.get(k + 3), step / 32.0);
        double dx = Math.max(0, Math.abs(p.x() - box.centerX()) - box.width() / 2);
        double dy = Math.max(0, Math.abs(p.y() - box.centerY()) - box.height() / 2);
        nearest = Math.min(nearest, Math.hypot(dx, dy));
      }
    }
    return nearest;
  }

  private static Point bezier(Point a, Point b, Point c, Point d, double t) {
    double u = 1 - t;
    double x = u * u * u * a.x() + 3 * u * u * t * b.x() + 3 * u * t * t * c.x() + t * t * t * d.x();
    double y = u * u * u * a.y() + 3 * u * u * t * b.y() + 3 * u * t * t * c.y() + t * t * t * d.y();
    return new Point(x, y);
  }

  private static boolean finite(double v) {
    return Double.isFinite(v);
  }

  @ParameterizedTest
  @MethodSource("engines")
  void everyEngineGivesEveryNodeAndLabelABoxNearItsEdge(LayoutEngine engine) {
    assumeTrue(engine.available(), engine.name() + " cannot run here, skipped: " + engine.unavailableReason());
    List<String> breaches = breaches(engine);
    assertTrue(breaches.isEmpty(), String.join("\n", breaches));
  }

  @Test
  void everyRegisteredEngineIsHeldToTheContract() {
    assertFalse(LayoutEngines.all().isEmpty());
    assertEquals(LayoutEngines.names().stream().distinct().count(), LayoutEngines.all().size(), "names differ");
  }

  /** ELK's layout changed by {@code change}: an engine that breaks the contract in one way. */
  private static LayoutEngine broken(String name, UnaryOperator<Layout> change) {
    LayoutEngine elk = LayoutEngines.named("elk");
    return new LayoutEngine() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String summary() {
        return "ELK with a fault, to show the contract catches it";
      }

      @Override
      public String version() {
        return "0";
      }

      @Override
      public boolean available() {
        return true;
      }

      @Override
      public String unavailableReason() {
        return "";
      }

      @Override
      public boolean concurrent() {
        return true;
      }

      @Override
      public Layout layout(LayoutRequest request) {
        return change.apply(elk.layout(request));
      }
    };
  }

  private static Layout withEdges(Layout layout, UnaryOperator<EdgePath> change) {
    return new Layout(layout.width(), layout.height(), layout.nodes(),
        layout.edges().stream().map(change).toList(), layout.groups());
  }

  @Test
  void anEngineThatDropsLabelsBreaksTheContract() {
    LayoutEngine dropping = broken("drops-labels",
        l -> withEdges(l, p -> new EdgePath(p.edge(), p.spline(), p.tip(), null)));
    List<String> breaches = breaches(dropping);
    assertFalse(breaches.isEmpty(), "the contract lets an engine lose every edge label");
    assertTrue(breaches.stream().allMatch(b -> b.contains("no box for the label of edge")), breaches.get(0));
  }

  @Test
  void anEngineThatPutsLabelsFarFromTheirEdgesBreaksTheContract() {
    LayoutEngine far = broken("labels-in-a-corner", l -> withEdges(l, p -> new EdgePath(p.edge(), p.spline(),
        p.tip(), new NodeBox(-1, -500, -500, p.label().width(), p.label().height()))));
    List<String> breaches = breaches(far);
    assertFalse(breaches.isEmpty(), "the contract lets an engine put labels anywhere");
    assertTrue(breaches.get(0).contains("pt from its edge"), breaches.get(0));
  }

  @Test
  void anEngineThatPlacesANodeAtNaNBreaksTheContract() {
    LayoutEngine nan = broken("nan", l -> {
      List<NodeBox> nodes = new ArrayList<>(l.nodes());
      NodeBox first = nodes.get(0);
      nodes.set(0, new NodeBox(first.node(), Double.NaN, first.centerY(), first.width(), first.height()));
      return new Layout(l.width(), l.height(), nodes, l.edges(), l.groups());
    });
    assertFalse(breaches(nan).isEmpty(), "the contract lets a node sit at NaN");
  }
}
