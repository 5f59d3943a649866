package org.gradframes.render.scene;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gradframes.autodiff.EdgeState;
import org.gradframes.autodiff.NodeState;
import org.gradframes.autodiff.Snapshot;
import org.gradframes.graph.Graph;
import org.gradframes.layout.Point;
import org.gradframes.render.text.RichText;
import org.gradframes.render.theme.Theme;
import org.gradframes.render.theme.ThemeKey;

/**
 * A key of what the colours of a drawing mean: a swatch of every node state and a stroke of every edge state that
 * some frame shows, each painted as the frames paint it, with a few words, in rows under the caption.
 */
final class Legend {
  /** One entry: a node state's swatch (dimmed, for what a highlight leaves out) or an edge state's stroke. */
  private record Item(NodeState node, EdgeState edge, String text, boolean dim) {}

  private static final double SWATCH = 1.6;
  private static final double GAP = 0.4;
  private static final double SPACING = 1.4;
  private static final double ROW = 1.8;

  private final List<Item> items = new ArrayList<>();
  private final double size;

  /**
   * The key of the states that the nodes and edges {@code shown} draws take in {@code frames}, and with
   * {@code highlight} what a dimmed node means.
   */
  Legend(Graph graph, Shown shown, List<Snapshot> frames, Theme theme, boolean highlight) {
    this.size = theme.number(ThemeKey.LEGEND_SIZE);
    Set<NodeState> nodes = EnumSet.noneOf(NodeState.class);
    Set<EdgeState> edges = EnumSet.noneOf(EdgeState.class);
    for (Snapshot frame : frames) {
      for (int i = 0; i < graph.size(); i++) {
        if (shown.node(i)) {
          nodes.add(frame.nodeState(i));
        }
      }
      for (int e = 0; e < graph.edges().size(); e++) {
        if (shown.edge(e)) {
          edges.add(frame.edgeState(e));
        }
      }
    }
    for (NodeState state : nodes) {
      items.add(new Item(state, null, words(state), false));
    }
    for (EdgeState state : edges) {
      items.add(new Item(null, state, words(state), false));
    }
    if (highlight) {
      items.add(new Item(NodeState.DONE, null, "off the highlighted paths", true));
    }
  }

  private static String words(NodeState state) {
    return switch (state) {
      case PENDING -> "gradient not known yet";
      case PARTIAL -> "gradient partly summed";
      case READY -> "gradient known";
      case ACTIVE -> "taking its step";
      case DONE -> "gradient passed on";
      case CONSTANT -> "constant or data";
      case UNUSED -> "output does not use it";
    };
  }

  private static String words(EdgeState state) {
    return switch (state) {
      case IDLE -> "nothing sent back yet";
      case ACTIVE -> "gradient sent back now";
      case DONE -> "gradient sent back";
    };
  }

  private double width(Item item) {
    return SWATCH * size + GAP * size + RichText.width(item.text(), size, false);
  }

  /** The width of the widest entry: the narrowest the key can be. */
  double widest() {
    double widest = 0;
    for (Item item : items) {
      widest = Math.max(widest, width(item));
    }
    return widest;
  }

  /** The entries in rows no wider than {@code width}. */
  private List<List<Item>> rows(double width) {
    List<List<Item>> rows = new ArrayList<>();
    double x = Double.POSITIVE_INFINITY;
    for (Item item : items) {
      if (x + width(item) > width) {
        rows.add(new ArrayList<>());
        x = 0;
      }
      rows.get(rows.size() - 1).add(item);
      x += width(item) + SPACING * size;
    }
    return rows;
  }

  /** The height of the key in rows no wider than {@code width}. */
  double height(double width) {
    return rows(width).size() * ROW * size;
  }

  /** The key's groups, its rows from ({@code left}, {@code top}) and no wider than {@code width}. */
  List<Scene.Group> groups(double left, double top, double width, Styles styles) {
    List<Scene.Group> groups = new ArrayList<>();
    double y = top;
    for (List<Item> row : rows(width)) {
      double x = left;
      double middle = y + ROW * size / 2;
      for (Item item : row) {
        groups.add(group(item, x, middle, styles));
        x += width(item) + SPACING * size;
      }
      y += ROW * size;
    }
    return groups;
  }

  private Scene.Group group(Item item, double x, double middle, Styles styles) {
    List<Scene.Shape> shapes = new ArrayList<>();
    double w = SWATCH * size;
    if (item.node() != null) {
      Scene.Style box = styles.nodeBox(item.node());
      shapes.add(new Scene.Box(x, middle - 0.55 * size, w, 1.1 * size, 0.3 * size, item.dim() ? styles.dim(box)
          : box));
    } else {
      Scene.Style line = styles.edgeLine(item.edge());
      double tip = x + w;
      double base = tip - Math.max(0.5 * size, 2.5 * line.strokeWidth());
      shapes.add(new Scene.Curve(List.of(new Point(x, middle), new Point(x + 1, middle), new Point(base - 1, middle),
          new Point(base, middle)), line));
      double half = Math.max(0.25 * size, 1.3 * line.strokeWidth());
      shapes.add(new Scene.Polygon(List.of(new Point(tip, middle), new Point(base, middle - half),
          new Point(base, middle + half)), styles.edgeHead(item.edge())));
    }
    shapes.add(new Scene.Text(x + w + GAP * size, middle + 0.35 * size, item.text(), size, false,
        styles.legendText(), Scene.Anchor.START));
    String kind = (item.node() != null ? "node " + item.node().key() : "edge " + item.edge().key())
        + (item.dim() ? " dim" : "");
    String id = "legend-" + kind.replace(' ', '-');
    return new Scene.Group(id, "legend " + kind, (item.node() != null ? "node: " : "edge: ") + item.text(), null,
        shapes, null);
  }
}
