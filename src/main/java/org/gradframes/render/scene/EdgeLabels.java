package org.gradframes.render.scene;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gradframes.autodiff.Contribution;
import org.gradframes.autodiff.EdgeState;
import org.gradframes.autodiff.FrameKind;
import org.gradframes.autodiff.NodeState;
import org.gradframes.autodiff.Snapshot;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;
import org.gradframes.layout.Size;
import org.gradframes.render.text.Notation;
import org.gradframes.render.text.RichText;
import org.gradframes.render.text.Slots;
import org.gradframes.render.theme.Theme;
import org.gradframes.render.theme.ThemeKey;

/**
 * The text on each edge in each frame, and the one label size per edge that the layout makes room for. The
 * numbers come from the frame's contributions; each label is built once per epoch.
 */
public final class EdgeLabels {
  /**
   * The most characters an edge label has where it can say more than the partial's name and value: a longer one
   * drops the formula (or the product) and keeps the partial's name and the number; the full chain rule stays in
   * the caption and trace.json.
   */
  static final int LONGEST_LABEL = 26;

  /**
   * The most characters of a label that is a partial's name and its value: past it, the name writes its unnamed
   * operations by their shape ({@code ∂log(…)/∂(… + …) = 0.60946}).
   */
  static final int LONGEST_NAME = 32;

  /** The most weights a network's edges are labelled with. */
  static final int WEIGHT_LABELS = 16;

  private final Shown shown;
  private final boolean weightLabels;
  private final Graph graph;
  private final EdgeLabelMode mode;
  private final Theme theme;
  private final Notation notation;
  private final Size[] sizes;
  private final Map<Long, String> built = new ConcurrentHashMap<>();
  private final DrawingStyle style;
  private final List<Snapshot> frames;
  private final int precision;
  /** How many edges share each brief partial ({@code ∂abs(…)/∂(… − …)}): a shared one tells the edges apart not. */
  private final Map<String, Integer> briefs = new java.util.HashMap<>();

  /**
   * The labels of the edges {@code shown} draws. An edge that carries a weight says the weight's name and value
   * instead, in every frame, when the network has at most {@link #WEIGHT_LABELS} weights; with more, the weights
   * are in the edges' titles only, where labels would crowd.
   */
  public EdgeLabels(Graph graph, List<Snapshot> frames, EdgeLabelMode mode, Theme theme, int precision,
      Shown shown) {
    this(graph, frames, mode, theme, precision, shown, DrawingStyle.BOXES);
  }

  /**
   * The labels of the edges in {@code style}: in the circuit style every wire says its value and, below it, the
   * gradient that has flowed back along it, whatever {@code mode}; in micrograd's, edges say nothing.
   */
  public EdgeLabels(Graph graph, List<Snapshot> frames, EdgeLabelMode mode, Theme theme, int precision,
      Shown shown, DrawingStyle style) {
    this(graph, frames, mode, theme, precision, shown, style, false);
  }

  /** The labels of the edges in {@code style}, their numbers {@link Slots} marked where {@code marked}. */
  public EdgeLabels(Graph graph, List<Snapshot> frames, EdgeLabelMode mode, Theme theme, int precision,
      Shown shown, DrawingStyle style, boolean marked) {
    this.style = style;
    this.frames = frames;
    this.precision = precision;
    this.shown = shown;
    this.weightLabels = mode != EdgeLabelMode.NONE && shown.weights().size() <= WEIGHT_LABELS;
    this.graph = graph;
    this.mode = mode;
    this.theme = theme;
    this.notation = new Notation(graph, precision, theme.on(ThemeKey.NAMES_SUBSCRIPTS), marked);
    for (Edge e : graph.edges()) {
      briefs.merge(notation.briefLocalPartial(e, 1), 1, Integer::sum);
    }
    this.sizes = new Size[graph.edges().size()];
    for (Edge e : graph.edges()) {
      sizes[e.index()] = fit(e, frames);
    }
  }

  /** These labels with their numbers {@link Slots} marked, the same in every other way. */
  public EdgeLabels marked() {
    return new EdgeLabels(graph, frames, mode, theme, precision, shown, style, true);
  }

  /** The label size of edge {@code index}, or null when it never has a label. */
  public Size size(int index) {
    return sizes[index];
  }

  /** The text of edge {@code edge} in {@code frame} (markup), or null for none. */
  String text(Edge edge, Snapshot frame) {
    if (!shown.edge(edge.index()) || style == DrawingStyle.MICROGRAD) {
      return null;
    }
    if (style == DrawingStyle.CIRCUIT) {
      return wire(edge, frame);
    }
    Integer weight = shown.weight(edge.index());
    if (weight != null) {
      if (!weightLabels) {
        return null;
      }
      String label = notation.ref(weight) + " = " + notation.number(frame.value(weight), Slots.value(weight));
      NodeState state = frame.nodeState(weight);
      return state == NodeState.PENDING || state == NodeState.UNUSED ? label
          : label + ", ∂ " + notation.number(frame.gradient(weight), Slots.gradient(weight, frame.received(weight)));
    }
    if (mode == EdgeLabelMode.NONE || graph.node(edge.from()) instanceof Node.Constant) {
      return null;
    }
    boolean backward = frame.kind() == FrameKind.SEED || frame.kind() == FrameKind.BACKWARD
        || frame.kind() == FrameKind.UPDATE;
    if (mode == EdgeLabelMode.LOCAL) {
      return backward && frame.nodeState(edge.to()) != NodeState.UNUSED ? label(edge, frame) : null;
    }
    if (!backward || frame.edgeState(edge.index()) == EdgeState.IDLE) {
      return null;
    }
    return label(edge, frame);
  }

  /**
   * A wire's two lines, {@link #WIRE_BREAK} between them: the value it carries (once known) and the contribution
   * that has flowed back along it (once it has); null for a constant's wire, whose number is in its box.
   */
  private String wire(Edge edge, Snapshot frame) {
    if (graph.node(edge.from()) instanceof Node.Constant) {
      return null;
    }
    String value = frame.valueKnown(edge.from()) ? notation.number(frame.value(edge.from()),
        Slots.value(edge.from())) : "";
    Contribution c = frame.contribution(edge.index());
    boolean backward = frame.kind() == FrameKind.SEED || frame.kind() == FrameKind.BACKWARD
        || frame.kind() == FrameKind.UPDATE;
    String flow = backward && c != null && frame.edgeState(edge.index()) != EdgeState.IDLE
        ? notation.number(c.amount(), Slots.amount(edge.index())) : "";
    return value.isEmpty() && flow.isEmpty() ? null : value + WIRE_BREAK + flow;
  }

  /** What separates a wire label's value from its gradient. */
  static final String WIRE_BREAK = "\n";

  /** The space a wire crosses between its value and its gradient, in points. */
  static final double WIRE_GAP = 8;

  /** The label of an edge; it changes only with the epoch, whose contribution it shows. */
  private String label(Edge edge, Snapshot frame) {
    Contribution c = frame.contribution(edge.index());
    if (c == null) {
      return null;
    }
    long key = ((long) frame.epoch() << 32) | edge.index();
    return built.computeIfAbsent(key, k -> RichText.clip(mode == EdgeLabelMode.LOCAL ? local(edge, c) : flow(c),
        textSize(), false, NodeLabels.MAX_LINE_EMS * textSize()));
  }

  /** {@code ∂u/∂x = formula = number}, or {@code ∂u/∂x = number} where that is too long: never a bare number. */
  private String local(Edge edge, Contribution c) {
    String formula = notation.local(edge);
    String number = notation.number(c.local(), Slots.local(edge.index()));
    String head = notation.localPartial(edge, c.path()) + " = ";
    if (Double.isNaN(c.local())) {
      return head + number + " (" + notation.ref(edge.to()) + " is NaN)";
    }
    String full = formula.isEmpty() || formula.equals(notation.number(c.local())) ? head + number
        : head + formula + " = " + number;
    String brief = notation.briefLocalPartial(edge, c.path());
    if (ambiguous(brief, edge)) {
      // A brief name another edge shares, or one whose two sides read alike (∂(… + …)/∂(… + …)), names no edge:
      // the whole name is longer, but true of this edge alone.
      return length(full) <= LONGEST_LABEL ? full : head + number;
    }
    return compact(full, head + number, brief + " = " + number);
  }

  /** Whether {@code brief}, the short name of {@code edge}'s partial, fails to tell it from another edge's. */
  private boolean ambiguous(String brief, Edge edge) {
    String plain = RichText.plain(brief);
    int slash = plain.indexOf("/∂");
    boolean alike = slash > 1 && plain.substring(1, slash).equals(plain.substring(slash + 2));
    return alike || briefs.getOrDefault(notation.briefLocalPartial(edge, 1), 0) > 1;
  }

  /**
   * {@code full} where it has at most {@link #LONGEST_LABEL} characters, else {@code named} (the partial's name and
   * value) where it has at most {@link #LONGEST_NAME}, else {@code brief}.
   */
  private static String compact(String full, String named, String brief) {
    return length(full) <= LONGEST_LABEL ? full : length(named) <= LONGEST_NAME ? named : brief;
  }

  private static int length(String label) {
    String plain = Slots.strip(RichText.plain(label));
    return plain.codePointCount(0, plain.length());
  }

  /** The contribution along the edge, named as the captions name it: {@code ∂L⁽²⁾/∂x = 4 · (−2) = −8}. */
  private String flow(Contribution c) {
    String path = c.paths() > 1 ? "(" + c.path() + ")" : null;
    String head = notation.partial(graph.output(), c.to(), path) + " = ";
    int e = c.edge().index();
    String number = notation.number(c.amount(), Slots.amount(e));
    return compact(head + notation.number(c.upstream(), Slots.upstream(e)) + " · "
        + notation.factor(c.local(), Slots.local(e)) + " = " + number,
        head + number, notation.briefPartial(graph.output(), c.to(), path) + " = " + number);
  }

  double textSize() {
    return theme.number(ThemeKey.EDGE_LABEL_SIZE);
  }

  private Size fit(Edge edge, List<Snapshot> frames) {
    double width = 0;
    for (Snapshot frame : frames) {
      String text = text(edge, frame);
      if (text != null) {
        for (String line : text.split(java.util.regex.Pattern.quote(WIRE_BREAK), -1)) {
          width = Math.max(width, RichText.width(line, textSize(), false));
        }
      }
    }
    if (width == 0) {
      return null;
    }
    double pad = theme.number(ThemeKey.EDGE_LABEL_PADDING);
    double line = textSize() * NodeLabels.LINE_HEIGHT;
    return new Size(Math.ceil(width + 2 * pad), Math.ceil(style == DrawingStyle.CIRCUIT ? 2 * line + WIRE_GAP
        : line + 2 * pad));
  }

  /** The lines of a wire label: its value and its gradient, either possibly empty. */
  static String[] wireLines(String text) {
    String[] parts = text.split(java.util.regex.Pattern.quote(WIRE_BREAK), -1);
    return new String[] {parts[0], parts.length > 1 ? parts[1] : ""};
  }
}
