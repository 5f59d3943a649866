package org.gradframes.render.theme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradframes.autodiff.EdgeState;
import org.gradframes.autodiff.NodeState;

/**
 * One key of a theme file, with the kind of value it holds. Code names keys by these constants, so a misspelt key
 * does not compile; a theme file is checked against {@link #all} when it loads.
 */
public final class ThemeKey {
  /** What a key's value is, and how a theme file's value is checked. */
  public enum Kind {
    /** A colour, {@code #rrggbb}. */
    COLOR,
    /** A size or width in points, 0 to 1000. */
    NUMBER,
    /** {@code none}, or dash and gap lengths such as {@code 6 3}. */
    DASH,
    /** A CSS font stack of letters, digits, spaces, commas and {@code -}. */
    FONTS,
    /** A whole number of significant digits, 1 to 17. */
    PRECISION,
    /** A label template with placeholders such as {@code {name}}. */
    TEMPLATE,
    /** {@code on} or {@code off}. */
    SWITCH
  }

  private static final Map<String, ThemeKey> ALL = new LinkedHashMap<>();

  public static final ThemeKey BACKGROUND = key("background", Kind.COLOR);
  public static final ThemeKey MARGIN = key("margin", Kind.NUMBER);
  public static final ThemeKey FONT_FAMILY = key("font.family", Kind.FONTS);
  public static final ThemeKey NODE_TITLE_SIZE = key("node.title.size", Kind.NUMBER);
  public static final ThemeKey NODE_LINE_SIZE = key("node.line.size", Kind.NUMBER);
  public static final ThemeKey NODE_PADDING_X = key("node.padding.x", Kind.NUMBER);
  public static final ThemeKey NODE_PADDING_Y = key("node.padding.y", Kind.NUMBER);
  public static final ThemeKey NODE_LINE_GAP = key("node.line.gap", Kind.NUMBER);
  public static final ThemeKey NODE_RADIUS = key("node.radius", Kind.NUMBER);
  public static final ThemeKey NODE_TEXT = key("node.text", Kind.COLOR);
  private static final Map<NodeState, ThemeKey[]> STATES = states();
  private static final Map<EdgeState, ThemeKey[]> EDGES = edges();
  public static final ThemeKey EDGE_LABEL_SIZE = key("edge.label.size", Kind.NUMBER);
  public static final ThemeKey EDGE_LABEL_FILL = key("edge.label.fill", Kind.COLOR);
  public static final ThemeKey EDGE_LABEL_TEXT = key("edge.label.text", Kind.COLOR);
  public static final ThemeKey EDGE_LABEL_BORDER = key("edge.label.border", Kind.NUMBER);
  public static final ThemeKey EDGE_LABEL_PADDING = key("edge.label.padding", Kind.NUMBER);
  public static final ThemeKey WIRE_VALUE = key("wire.value", Kind.COLOR);
  public static final ThemeKey WIRE_GRAD = key("wire.grad", Kind.COLOR);
  public static final ThemeKey CAPTION_SIZE = key("caption.size", Kind.NUMBER);
  public static final ThemeKey CAPTION_TEXT = key("caption.text", Kind.COLOR);
  public static final ThemeKey CAPTION_GAP = key("caption.gap", Kind.NUMBER);
  public static final ThemeKey STEP_LABEL = key("step.label", Kind.SWITCH);
  public static final ThemeKey STEP_LABEL_TEXT = key("step.label.text", Kind.TEMPLATE);
  public static final ThemeKey STEP_LABEL_SIZE = key("step.label.size", Kind.NUMBER);
  public static final ThemeKey STEP_LABEL_COLOR = key("step.label.color", Kind.COLOR);
  public static final ThemeKey LEGEND_SIZE = key("legend.size", Kind.NUMBER);
  public static final ThemeKey DIM_FADE = key("dim.fade", Kind.NUMBER);
  public static final ThemeKey LABEL_INPUT = key("label.input", Kind.TEMPLATE);
  public static final ThemeKey LABEL_NAMED_OP = key("label.named-op", Kind.TEMPLATE);
  public static final ThemeKey LABEL_OP = key("label.op", Kind.TEMPLATE);
  public static final ThemeKey LABEL_CONSTANT = key("label.constant", Kind.TEMPLATE);
  public static final ThemeKey LABEL_VALUE = key("label.value", Kind.TEMPLATE);
  public static final ThemeKey LABEL_VALUE_PENDING = key("label.value.pending", Kind.TEMPLATE);
  public static final ThemeKey LABEL_VALUE_UPDATE = key("label.value.update", Kind.TEMPLATE);
  public static final ThemeKey LABEL_GRAD = key("label.grad", Kind.TEMPLATE);
  public static final ThemeKey LABEL_GRAD_PARTIAL = key("label.grad.partial", Kind.TEMPLATE);
  public static final ThemeKey LABEL_GRAD_PENDING = key("label.grad.pending", Kind.TEMPLATE);
  public static final ThemeKey NAMES_SUBSCRIPTS = key("names.subscripts", Kind.SWITCH);
  public static final ThemeKey PRECISION = key("precision", Kind.PRECISION);

  private final String name;
  private final Kind kind;

  private ThemeKey(String name, Kind kind) {
    this.name = name;
    this.kind = kind;
  }

  private static ThemeKey key(String name, Kind kind) {
    ThemeKey key = new ThemeKey(name, kind);
    ALL.put(name, key);
    return key;
  }

  private static Map<NodeState, ThemeKey[]> states() {
    Map<NodeState, ThemeKey[]> keys = new LinkedHashMap<>();
    for (NodeState s : NodeState.values()) {
      String p = "state." + s.key() + ".";
      keys.put(s, new ThemeKey[] {key(p + "fill", Kind.COLOR), key(p + "stroke", Kind.COLOR),
          key(p + "dash", Kind.DASH), key(p + "width", Kind.NUMBER), key(p + "grad", Kind.COLOR)});
    }
    return keys;
  }

  private static Map<EdgeState, ThemeKey[]> edges() {
    Map<EdgeState, ThemeKey[]> keys = new LinkedHashMap<>();
    for (EdgeState s : EdgeState.values()) {
      String p = "edge." + s.key() + ".";
      keys.put(s, new ThemeKey[] {key(p + "stroke", Kind.COLOR), key(p + "dash", Kind.DASH),
          key(p + "width", Kind.NUMBER)});
    }
    return keys;
  }

  /** The box fill of nodes in {@code state}. */
  public static ThemeKey fill(NodeState state) {
    return STATES.get(state)[0];
  }

  /** The border colour of nodes in {@code state}. */
  public static ThemeKey stroke(NodeState state) {
    return STATES.get(state)[1];
  }

  /** The border dashes of nodes in {@code state}. */
  public static ThemeKey dash(NodeState state) {
    return STATES.get(state)[2];
  }

  /** The border width of nodes in {@code state}. */
  public static ThemeKey width(NodeState state) {
    return STATES.get(state)[3];
  }

  /** The colour of the gradient line of nodes in {@code state}. */
  public static ThemeKey grad(NodeState state) {
    return STATES.get(state)[4];
  }

  /** The line colour of edges in {@code state}. */
  public static ThemeKey stroke(EdgeState state) {
    return EDGES.get(state)[0];
  }

  /** The line dashes of edges in {@code state}. */
  public static ThemeKey dash(EdgeState state) {
    return EDGES.get(state)[1];
  }

  /** The line width of edges in {@code state}. */
  public static ThemeKey width(EdgeState state) {
    return EDGES.get(state)[2];
  }

  /** Every key, in the order of the default theme file. */
  public static List<ThemeKey> all() {
    return new ArrayList<>(ALL.values());
  }

  /** The key named {@code name} in a theme file, or null when there is none. */
  public static ThemeKey named(String name) {
    return ALL.get(name);
  }

  /** The name of the key in a theme file: {@code state.done.fill}. */
  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  @Override
  public String toString() {
    return name;
  }
}
