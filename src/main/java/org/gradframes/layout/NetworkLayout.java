package org.gradframes.layout;

import java.util.List;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;

/**
 * A graph drawn as a network diagram: its layers in columns left to right (rows top to bottom with
 * {@link Direction#TB}), each column centred, straight edges from the side of one box to the side of the next, and
 * each edge's label on its own edge, near the end where fewer edges meet, where no other label, box or edge touches
 * it. The layers are the longest paths from the inputs; an input sits one layer before its first consumer.
 */
public final class NetworkLayout {
  /** The length of an arrowhead, in points, as Graphviz draws one. */
  static final double ARROW = 10;
  /** The least space between two columns, and between two boxes of a column. */
  private static final double MIN_GAP = 70;
  private static final double MIN_SPACING = 12;
  /** The slide the drawing is shown on, with the margin around the graph and a caption of four lines. */
  private static final double SLIDE_WIDTH = 1920;
  private static final double SLIDE_HEIGHT = 1080;
  private static final double MARGIN = 28;
  private static final double CAPTION = 110;
  private static final int ROUNDS = 40;
  /** How much a gap grows while labels find no place, and how much it shrinks back while they still do. */
  private static final double WIDER = 1.1;
  private static final double NARROWER = 1.025;

  final Graph graph;
  final List<Size> nodes;
  final List<Size> labels;
  final boolean across;
  final List<List<Integer>> columns;
  private final int[] column;
  /** Edges whose label goes near the source: more edges meet at their target than leave their source. */
  final boolean[] nearSource;

  private NetworkLayout(LayoutRequest request) {
    this.graph = request.graph();
    this.across = request.direction() == Direction.TB;
    this.nodes = request.nodes().stream().map(this::turned).toList();
    this.labels = request.labels().stream().map(s -> s == null ? null : turned(s)).toList();
    this.column = Layers.of(graph);
    this.columns = Layers.columns(graph, column);
    this.nearSource = new boolean[graph.edges().size()];
    for (Edge e : graph.edges()) {
      nearSource[e.index()] = graph.inputs(e.to()).size() > graph.consumers(e.from()).size();
    }
  }

  /** Lays out {@code request} as a network; its direction decides whether layers are columns or rows. */
  public static Layout layout(LayoutRequest request) {
    return new NetworkLayout(request).search();
  }

  /** Sizes are computed left to right, and turned for top to bottom. */
  private Size turned(Size s) {
    return across ? new Size(s.height(), s.width()) : s;
  }

  /**
   * For each spacing within columns, the narrowest gaps between them where every label finds a free place; of
   * those, the one that a slide shows largest, then spread toward the slide's shape.
   */
  private Layout search() {
    double[] least = leastGaps();
    NetworkGeometry best = null;
    double bestScale = 0;
    for (double spacing = MIN_SPACING; spacing <= 3 * tallest(); spacing *= 1.3) {
      NetworkGeometry g = fit(least.clone(), spacing);
      if (g != null && scale(g) > bestScale * 1.001) {
        best = g;
        bestScale = scale(g);
      }
    }
    if (best == null) {
      // No label finds a place free of other edges: each takes the one with the fewest.
      best = new NetworkGeometry(this, least, MIN_SPACING);
      best.placeLabels(false);
      return best.layout();
    }
    return toShape(narrowed(best)).layout();
  }

  /** {@code fit} with each gap narrowed in small steps while every label keeps a free place. */
  private NetworkGeometry narrowed(NetworkGeometry fit) {
    NetworkGeometry best = fit;
    double[] gaps = fit.gaps();
    for (int k = 0; k < gaps.length; k++) {
      while (gaps[k] / NARROWER >= MIN_GAP) {
        gaps[k] /= NARROWER;
        NetworkGeometry g = new NetworkGeometry(this, gaps, fit.spacing());
        if (!g.placeLabels(true).isEmpty()) {
          gaps[k] *= NARROWER;
          break;
        }
        best = g;
      }
    }
    best.placeLabels(true);
    return best;
  }

  /** Each gap between columns as wide as its widest label needs, with room for arrowheads at both ends. */
  private double[] leastGaps() {
    double[] gaps = new double[Math.max(0, columns.size() - 1)];
    for (Edge e : graph.edges()) {
      Size s = labels.get(e.index());
      int g = column[e.to()] - 1;
      if (s != null && g >= 0) {
        gaps[g] = Math.max(gaps[g], s.width() + 2 * (LabelPlacement.CLEARANCE + ARROW));
      }
    }
    for (int g = 0; g < gaps.length; g++) {
      gaps[g] = Math.max(gaps[g], MIN_GAP);
    }
    return gaps;
  }

  /** {@code gaps} widened where labels find no free place, until all do (or null if they never do). */
  private NetworkGeometry fit(double[] gaps, double spacing) {
    for (int round = 0; round < ROUNDS; round++) {
      NetworkGeometry g = new NetworkGeometry(this, gaps, spacing);
      List<Integer> failed = g.placeLabels(true);
      if (failed.isEmpty()) {
        return g;
      }
      boolean[] widen = new boolean[gaps.length];
      for (int e : failed) {
        widen[column[graph.edges().get(e).to()] - 1] = true;
      }
      for (int k = 0; k < gaps.length; k++) {
        gaps[k] *= widen[k] ? WIDER : 1;
      }
    }
    return null;
  }

  /**
   * How large a 16:9 slide shows {@code g}, with a margin around it and a caption of four lines below (to the
   * right when it is turned, as the slide is not).
   */
  private double scale(NetworkGeometry g) {
    double w = across ? g.height() : g.width();
    double h = across ? g.width() : g.height();
    return Math.min(SLIDE_WIDTH / (w + 2 * MARGIN), SLIDE_HEIGHT / (h + 2 * MARGIN + CAPTION));
  }

  /**
   * {@code fit} made longer or broader toward a slide's shape, at no cost to its scale, its gaps widened again where
   * labels need it.
   */
  private NetworkGeometry toShape(NetworkGeometry fit) {
    double w = fit.width() + 2 * MARGIN + (across ? CAPTION : 0);
    double h = fit.height() + 2 * MARGIN + (across ? 0 : CAPTION);
    double target = across ? SLIDE_HEIGHT / SLIDE_WIDTH : SLIDE_WIDTH / SLIDE_HEIGHT;
    double[] gaps = fit.gaps();
    double spacing = fit.spacing();
    if (w / h < target && gaps.length > 0) {
      // The room to spare goes to the gaps by how many edges cross them: the densest need it most.
      double total = 0;
      int[] edges = new int[gaps.length];
      for (int g = 0; g < gaps.length; g++) {
        total += gaps[g];
      }
      for (Edge e : graph.edges()) {
        edges[column[e.to()] - 1]++;
      }
      double extra = Math.min(total, target * h - w);
      for (int g = 0; g < gaps.length; g++) {
        gaps[g] += extra * edges[g] / graph.edges().size();
      }
    } else if (w / h > target) {
      int most = columns.stream().mapToInt(List::size).max().orElse(1);
      if (most > 1) {
        spacing = Math.min(Math.max(spacing, 2 * tallest()), spacing + (w / target - h) / (most - 1));
      }
    }
    double scale = scale(fit);
    double[] fitted = fit.gaps();
    for (double part : new double[] {1, 0.75, 0.5, 0.25}) {
      double[] partGaps = new double[gaps.length];
      for (int g = 0; g < gaps.length; g++) {
        partGaps[g] = fitted[g] + (gaps[g] - fitted[g]) * part;
      }
      NetworkGeometry shaped = fit(partGaps, fit.spacing() + (spacing - fit.spacing()) * part);
      if (shaped != null && scale(shaped) >= scale * 0.995) {
        return shaped;
      }
    }
    fit.placeLabels(true);
    return fit;
  }

  private double tallest() {
    return nodes.stream().mapToDouble(Size::height).max().orElse(MIN_SPACING);
  }
}
