package org.gradframes.render.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.gradframes.autodiff.Walkthrough;
import org.gradframes.expr.Parser;
import org.gradframes.expr.Source;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.GraphBuilder;
import org.gradframes.layout.Direction;
import org.gradframes.layout.EdgePath;
import org.gradframes.layout.Layout;
import org.gradframes.layout.LayoutRequest;
import org.gradframes.layout.NodeBox;
import org.gradframes.layout.Point;
import org.gradframes.layout.Size;
import org.gradframes.layout.elk.ElkEngine;
import org.gradframes.render.scene.GeometryContract.Kind;
import org.gradframes.render.theme.Theme;
import org.junit.jupiter.api.Test;

/** The geometric contract finds what it promises to find, in layouts broken on purpose, and nothing in a sound one. */
class GeometryContractSelfTest {
  private static final String PROGRAM = "a = 2\nb = 3\nc = a * b\nd = c + a\n";

  private final Graph graph = GraphBuilder.build(new Parser(new Source("t", PROGRAM), Parser.DEFAULT_MAX_DEPTH)
      .program());
  private final Walkthrough walk = Walkthrough.of(graph, new Walkthrough.Options(false, false, null));
  private final Theme theme = Theme.load("light");
  private final Shown shown = Shown.all(graph);
  private final NodeLabels labels = new NodeLabels(graph, walk.frames(), theme, 5, shown, DrawingStyle.BOXES);
  private final EdgeLabels edgeLabels = new EdgeLabels(graph, walk.frames(), EdgeLabelMode.LOCAL, theme, 5, shown,
      DrawingStyle.BOXES);
  private final Layout sound = new ElkEngine().layout(request());

  private LayoutRequest request() {
    List<Size> nodes = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      nodes.add(labels.size(i));
    }
    List<Size> sizes = new ArrayList<>();
    for (Edge e : graph.edges()) {
      sizes.add(edgeLabels.size(e.index()));
    }
    return new LayoutRequest(graph, nodes, sizes, Direction.LR, false, List.of(), true);
  }

  private Drawing drawing(Layout layout) {
    return GeometryContract.suspended(() -> new Drawing(graph, walk, layout, labels, edgeLabels, theme,
        Captions.of(graph, walk, 5), CaptionMode.BELOW, 5, Canvas.AUTO, shown));
  }

  /** The sound layout with edge {@code edge}'s path changed by {@code change}. */
  private Layout with(int edge, UnaryOperator<EdgePath> change) {
    List<EdgePath> paths = new ArrayList<>(sound.edges());
    paths.set(edge, change.apply(paths.get(edge)));
    return new Layout(sound.width(), sound.height(), sound.nodes(), paths);
  }

  private static List<Kind> kinds(Drawing drawing) {
    return GeometryContract.check(drawing).stream().map(GeometryContract.Violation::kind).toList();
  }

  /** The first edge whose label the frames show. */
  private int labelled() {
    for (EdgePath p : sound.edges()) {
      if (p.label() != null) {
        return p.edge();
      }
    }
    throw new AssertionError("no labelled edge");
  }

  @Test
  void aSoundLayoutKeepsTheContract() {
    assertEquals(List.of(), GeometryContract.check(drawing(sound)));
  }

  @Test
  void anArrowMovedAwayFromItsTargetIsFound() {
    Drawing moved = drawing(with(0, p -> new EdgePath(p.edge(), p.spline(), new Point(p.tip().x() - 30,
        p.tip().y() + 40), p.label())));
    assertTrue(kinds(moved).contains(Kind.ARROW_MISSES_TARGET), kinds(moved).toString());
    assertThrows(AssertionError.class, () -> GeometryContract.enforce(moved));
  }

  @Test
  void aLabelMovedOffItsEdgeIsFound() {
    int e = labelled();
    Drawing moved = drawing(with(e, p -> new EdgePath(p.edge(), p.spline(), p.tip(), shifted(p.label(), 0, 30))));
    assertTrue(kinds(moved).contains(Kind.LABEL_OFF_EDGE), kinds(moved).toString());
  }

  @Test
  void aLabelOverABoxIsFound() {
    int e = labelled();
    NodeBox box = sound.nodes().get(graph.edges().get(e).to());
    Drawing moved = drawing(with(e, p -> new EdgePath(p.edge(), p.spline(), p.tip(), new NodeBox(e,
        box.centerX(), box.centerY(), p.label().width(), p.label().height()))));
    assertTrue(kinds(moved).contains(Kind.LABEL_OVER_BOX), kinds(moved).toString());
  }

  /** A label beside its line, touching it, as a label hung from a line is: the line no longer runs through it. */
  @Test
  void aLabelBesideItsLineRatherThanOnItIsFound() {
    int e = labelled();
    Drawing beside = drawing(with(e, p -> new EdgePath(p.edge(), p.spline(), p.tip(), shifted(p.label(), 0,
        p.label().height() / 2 + 0.5))));
    List<Kind> kinds = kinds(beside);
    assertTrue(kinds.contains(Kind.LABEL_NOT_ON_ITS_LINE), kinds.toString());
    assertTrue(!kinds.contains(Kind.LABEL_OFF_EDGE), "still within 2 pt of its line: " + kinds);
  }

  /** Another edge's line laid through a label, whose own line still runs through its middle. */
  @Test
  void anotherLineThroughALabelIsFound() {
    int e = labelled();
    NodeBox label = sound.edges().get(e).label();
    int other = e == 0 ? 1 : 0;
    List<EdgePath> paths = new ArrayList<>(sound.edges());
    EdgePath p = paths.get(other);
    Point start = p.spline().get(0);
    Point through = new Point(label.centerX() + label.width() / 4, label.centerY());
    Point end = p.spline().get(p.spline().size() - 1);
    paths.set(other, new EdgePath(other, List.of(start, start, through, through, through, end, end), p.tip(),
        p.label()));
    Drawing crossed = drawing(new Layout(sound.width(), sound.height(), sound.nodes(), paths));
    assertTrue(kinds(crossed).contains(Kind.LABEL_TOUCHED_BY_ANOTHER_EDGE), kinds(crossed).toString());
  }

  /** Edges a → c and b → c laid on one straight line for 40 points. */
  @Test
  void twoEdgesOfDifferentSourcesOnOneLineAreFound() {
    List<EdgePath> paths = new ArrayList<>(sound.edges());
    for (Edge e : graph.edges()) {
      if (graph.node(e.to()).name() != null && graph.node(e.to()).name().equals("c")) {
        EdgePath p = paths.get(e.index());
        Point start = p.spline().get(0);
        Point mid = new Point(sound.width() / 2, sound.height() + 20);
        Point end = new Point(sound.width() / 2 + 40, sound.height() + 20);
        paths.set(e.index(), new EdgePath(e.index(), List.of(start, start, mid, mid, mid, end, end), p.tip(),
            p.label()));
      }
    }
    Drawing together = drawing(new Layout(sound.width(), sound.height(), sound.nodes(), paths));
    assertTrue(kinds(together).contains(Kind.EDGES_RUN_TOGETHER), kinds(together).toString());
  }

  private static NodeBox shifted(NodeBox box, double dx, double dy) {
    return new NodeBox(box.node(), box.centerX() + dx, box.centerY() + dy, box.width(), box.height());
  }
}
