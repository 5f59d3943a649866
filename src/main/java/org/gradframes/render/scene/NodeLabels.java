package org.gradframes.render.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gradframes.autodiff.FrameKind;
import org.gradframes.autodiff.NodeState;
import org.gradframes.autodiff.ParameterUpdate;
import org.gradframes.autodiff.Snapshot;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;
import org.gradframes.layout.Size;
import org.gradframes.render.text.Notation;
import org.gradframes.render.text.RichText;
import org.gradframes.render.text.Slots;
import org.gradframes.render.theme.Theme;
import org.gradframes.render.theme.ThemeKey;

/**
 * The text lines of every node in every frame, laid out by the theme, and the one box size that fits them all.
 * Each distinct label is built once: sizing the boxes builds them, painting the frames reuses them.
 */
public final class NodeLabels {
  static final double LINE_HEIGHT = 1.2;
  /** The widest a line of a label may be, in ems of its size; a longer one is clipped with an ellipsis. */
  static final double MAX_LINE_EMS = 30;

  private final Graph graph;
  private final Theme theme;
  private final Notation notation;
  private final Size[] sizes;
  private final Map<Key, List<Line>> built = new ConcurrentHashMap<>();
  private final Shown shown;
  private final DrawingStyle style;
  private final double[][] cellWidths;
  private final double[] operationWidths;
  private final List<Snapshot> frames;
  private final int precision;

  /**
   * Prepares the labels of the nodes {@code shown} draws in every one of {@code frames}, numbers with
   * {@code precision} significant digits; a neuron is titled by its activation, with its bias in its box.
   */
  public NodeLabels(Graph graph, List<Snapshot> frames, Theme theme, int precision, Shown shown) {
    this(graph, frames, theme, precision, shown, DrawingStyle.BOXES);
  }

  /** The labels of the nodes in {@code style}. */
  public NodeLabels(Graph graph, List<Snapshot> frames, Theme theme, int precision, Shown shown,
      DrawingStyle style) {
    this(graph, frames, theme, precision, shown, style, false);
  }

  /** The labels of the nodes in {@code style}, their numbers {@link Slots} marked where {@code marked}. */
  public NodeLabels(Graph graph, List<Snapshot> frames, Theme theme, int precision, Shown shown,
      DrawingStyle style, boolean marked) {
    this.frames = frames;
    this.precision = precision;
    this.style = style;
    this.shown = shown;
    this.graph = graph;
    this.theme = theme;
    this.notation = new Notation(graph, precision, theme.on(ThemeKey.NAMES_SUBSCRIPTS), marked);
    this.sizes = new Size[graph.size()];
    this.cellWidths = new double[graph.size()][];
    this.operationWidths = new double[graph.size()];
    for (int i = 0; i < graph.size(); i++) {
      sizes[i] = fit(i, frames);
    }
  }

  /** These labels with their numbers {@link Slots} marked, the same in every other way. */
  public NodeLabels marked() {
    return new NodeLabels(graph, frames, theme, precision, shown, style, true);
  }

  /** The box size of node {@code index}, the same in every frame. */
  public Size size(int index) {
    return sizes[index];
  }

  /** What a line of a label says: a name or title, a value, a gradient, or the operation of a micrograd node. */
  public enum Role { TEXT, VALUE, GRADIENT, OPERATION }

  /** One line of a node label, in rich-text markup. */
  public record Line(String text, double size, boolean bold, Role role) {
    /** A title or value line ({@code gradient} false) or a gradient line. */
    public Line(String text, double size, boolean bold, boolean gradient) {
      this(text, size, bold, gradient ? Role.GRADIENT : Role.TEXT);
    }

    /** Whether the line is a gradient, drawn in the gradient's colour. */
    public boolean gradient() {
      return role == Role.GRADIENT;
    }
  }

  /** The style the labels are made for. */
  public DrawingStyle style() {
    return style;
  }

  /** What a node's label and box show in a frame: equal keys, equal pictures. */
  record Key(int node, NodeState state, double value, boolean known, double gradient, int received,
      boolean forward, boolean update, double before, double bias, double biasGradient, NodeState biasState) {}

  /** The key of node {@code index} in {@code frame}. */
  Key key(int index, Snapshot frame) {
    ParameterUpdate update = update(index, frame);
    boolean forward = frame.kind() == FrameKind.INPUTS || frame.kind() == FrameKind.EVALUATE;
    return new Key(index, frame.nodeState(index), frame.value(index), frame.valueKnown(index),
        frame.gradient(index), frame.received(index), forward, update != null,
        update == null ? Double.NaN : update.before(),
        shown.bias(index) == null ? Double.NaN : frame.value(shown.bias(index)),
        shown.bias(index) == null ? Double.NaN : frame.gradient(shown.bias(index)),
        shown.bias(index) == null ? null : frame.nodeState(shown.bias(index)));
  }

  /** The lines of node {@code index} in {@code frame}: title, value, then gradient (constants: title only). */
  public List<Line> lines(int index, Snapshot frame) {
    return built.computeIfAbsent(key(index, frame), k -> build(index, frame));
  }

  private List<Line> build(int index, Snapshot frame) {
    return switch (style) {
      case BOXES -> boxes(index, frame);
      case CIRCUIT -> circuit(index, frame);
      case MICROGRAD -> micrograd(index, frame);
    };
  }

  /**
   * A gate's lines: its operation and name (an input's name, a constant's number); the value too where no wire
   * leaves the node to carry it, and the gradient where it is not one wire's.
   */
  private List<Line> circuit(int index, Snapshot frame) {
    Node node = graph.node(index);
    double title = theme.number(ThemeKey.NODE_TITLE_SIZE);
    double lineSize = theme.number(ThemeKey.NODE_LINE_SIZE);
    List<Line> lines = new ArrayList<>();
    if (node instanceof Node.Operation o) {
      lines.add(line(o.op().symbol(), title, true, Role.TEXT));
      if (node.name() != null) {
        lines.add(line(Notation.name(node.name(), theme.on(ThemeKey.NAMES_SUBSCRIPTS)), lineSize, false, Role.TEXT));
      } else if (notation.tag(index) != null) {
        lines.add(line(notation.tag(index), lineSize, false, Role.TEXT));
      }
    } else {
      lines.add(line(title(node, frame), title, true, Role.TEXT));
    }
    if (node instanceof Node.Constant) {
      return List.copyOf(lines);
    }
    int wires = graph.consumers(index).size();
    if (wires == 0) {
      lines.add(line(frame.valueKnown(index) ? value(index, frame) : "?", lineSize, false, Role.VALUE));
    }
    if (wires != 1 && node.hasGradient()) {
      lines.add(line(gradient(index, frame, "?"), lineSize, false, Role.GRADIENT));
    }
    return List.copyOf(lines);
  }

  /**
   * A micrograd record's cells: the name (where the node has one), {@code data} and {@code grad}; an operation node
   * also has its operation, drawn in a node of its own. The gradient is 0 until the first contribution arrives, as
   * micrograd's {@code grad} is.
   */
  private List<Line> micrograd(int index, Snapshot frame) {
    Node node = graph.node(index);
    double lineSize = theme.number(ThemeKey.NODE_LINE_SIZE);
    List<Line> lines = new ArrayList<>();
    if (node instanceof Node.Operation o) {
      lines.add(line(o.op().symbol(), theme.number(ThemeKey.NODE_TITLE_SIZE), true, Role.OPERATION));
    }
    if (node.name() != null) {
      lines.add(line(Notation.name(node.name(), theme.on(ThemeKey.NAMES_SUBSCRIPTS)), lineSize, true, Role.TEXT));
    } else if (notation.tag(index) != null) {
      lines.add(line(notation.tag(index), lineSize, true, Role.TEXT));
    }
    lines.add(line("data " + (frame.valueKnown(index) ? value(index, frame) : "?"), lineSize, false,
        Role.VALUE));
    if (node.hasGradient()) {
      lines.add(line("grad " + gradient(index, frame, number(0)), lineSize, false, Role.GRADIENT));
    }
    return List.copyOf(lines);
  }

  /** The gradient of a node as far as the frame knows it, or {@code none} before anything has arrived. */
  private String gradient(int index, Snapshot frame, String none) {
    boolean forward = frame.kind() == FrameKind.INPUTS || frame.kind() == FrameKind.EVALUATE;
    NodeState state = frame.nodeState(index);
    return forward || state == NodeState.PENDING || state == NodeState.UNUSED ? none : gradient(index, frame);
  }

  /** The value of node {@code index} in {@code frame}, as a slot where the labels are marked. */
  private String value(int index, Snapshot frame) {
    return notation.number(frame.value(index), Slots.value(index));
  }

  /** The gradient of node {@code index} so far in {@code frame}, as a slot where the labels are marked. */
  private String gradient(int index, Snapshot frame) {
    return notation.number(frame.gradient(index), Slots.gradient(index, frame.received(index)));
  }

  private List<Line> boxes(int index, Snapshot frame) {
    Node node = graph.node(index);
    List<Line> lines = new ArrayList<>();
    lines.add(line(title(node, frame), theme.number(ThemeKey.NODE_TITLE_SIZE), true, false));
    if (node instanceof Node.Constant) {
      return List.copyOf(lines);
    }
    double lineSize = theme.number(ThemeKey.NODE_LINE_SIZE);
    lines.add(line(fill(valueTemplate(index, frame), node, frame), lineSize, false, false));
    if (!node.hasGradient()) {
      return List.copyOf(lines);
    }
    if (shown.bias(index) != null) {
      int bias = shown.bias(index);
      NodeState state = frame.nodeState(bias);
      lines.add(line("bias " + value(bias, frame) + (state == NodeState.PENDING || state == NodeState.UNUSED
          ? "" : ", ∂ " + gradient(bias, frame)), lineSize, false, false));
    }
    boolean forward = frame.kind() == FrameKind.INPUTS || frame.kind() == FrameKind.EVALUATE;
    NodeState gradState = forward ? NodeState.PENDING : frame.nodeState(index);
    lines.add(line(fill(gradTemplate(gradState), node, frame), lineSize, false, true));
    return List.copyOf(lines);
  }

  private static Line line(String text, double size, boolean bold, boolean gradient) {
    return line(text, size, bold, gradient ? Role.GRADIENT : Role.TEXT);
  }

  private static Line line(String text, double size, boolean bold, Role role) {
    return new Line(RichText.clip(text, size, bold, MAX_LINE_EMS * size), size, bold, role);
  }

  private String valueTemplate(int index, Snapshot frame) {
    if (!frame.valueKnown(index)) {
      return theme.text(ThemeKey.LABEL_VALUE_PENDING);
    }
    return update(index, frame) != null ? theme.text(ThemeKey.LABEL_VALUE_UPDATE) : theme.text(ThemeKey.LABEL_VALUE);
  }

  private String gradTemplate(NodeState state) {
    return switch (state) {
      case PENDING -> theme.text(ThemeKey.LABEL_GRAD_PENDING);
      case PARTIAL -> theme.text(ThemeKey.LABEL_GRAD_PARTIAL);
      default -> theme.text(ThemeKey.LABEL_GRAD);
    };
  }

  private static ParameterUpdate update(int index, Snapshot frame) {
    if (frame.kind() != FrameKind.UPDATE) {
      return null;
    }
    for (ParameterUpdate u : frame.updates()) {
      if (u.node() == index) {
        return u;
      }
    }
    return null;
  }

  private String title(Node node, Snapshot frame) {
    ThemeKey template;
    if (node instanceof Node.Input) {
      template = ThemeKey.LABEL_INPUT;
    } else if (node instanceof Node.Constant) {
      template = ThemeKey.LABEL_CONSTANT;
    } else if (shown.neuron(node.index())) {
      String act = activation((Node.Statement) node);
      return node.name() == null ? unnamedNeuron(node, act) : Notation.name(node.name()) + " = " + act;
    } else if (node instanceof Node.Statement && node.name() == null) {
      String tag = notation.tag(node.index());
      return fitted(tag == null ? "{formula}" : tag + " = {formula}", node, frame);
    } else if (node.name() == null && notation.tag(node.index()) != null) {
      return notation.tag(node.index());
    } else {
      template = node.name() != null ? ThemeKey.LABEL_NAMED_OP : ThemeKey.LABEL_OP;
    }
    return fitted(theme.text(template), node, frame);
  }

  /**
   * {@code template} filled with the longest of the node's formulas whose line fits a box: never a cut line, which
   * could hide an operation, but the formula written shorter ({@code loss = (… + …) / 2}).
   */
  private String fitted(String template, Node node, Snapshot frame) {
    if (!template.contains("{formula}") || !node.computed()) {
      return fill(template, node, frame, null);
    }
    double size = theme.number(ThemeKey.NODE_TITLE_SIZE);
    String text = null;
    for (String formula : notation.formulas(node.index())) {
      text = fill(template, node, frame, formula);
      if (RichText.width(text, size, true) <= MAX_LINE_EMS * size) {
        return text;
      }
    }
    return text;
  }

  /**
   * The header of a neuron the program does not name: its formula, as the edge labels out of it write it, after its
   * tag where it has one, where that fits a line; else its tag and activation, or its activation numbered in source
   * order, so that no two neurons share a header.
   */
  private String unnamedNeuron(Node node, String act) {
    String formula = notation.formula(node.index());
    double size = theme.number(ThemeKey.NODE_TITLE_SIZE);
    String tag = notation.tag(node.index());
    // A neuron the captions call by its tag shows the tag, so that a reader finds what they refer to.
    String titled = tag == null ? formula : tag + " = " + formula;
    if (RichText.width(titled, size, true) <= MAX_LINE_EMS * size) {
      return titled;
    }
    if (tag != null) {
      return tag + " = " + act;
    }
    int number = 1;
    for (Node other : graph.nodes()) {
      if (other.index() < node.index() && other.name() == null && shown.neuron(other.index())) {
        number++;
      }
    }
    return act + " #" + number;
  }

  /** What a neuron does to the weighted sum of its inputs: {@code relu(Σ)}, or {@code Σ} for a linear one. */
  private static String activation(Node.Statement neuron) {
    if (neuron.expression() instanceof org.gradframes.expr.Expr.Call c) {
      return org.gradframes.graph.Op.of(c.function()).symbol() + "(Σ)";
    }
    return "Σ";
  }

  private String fill(String template, Node node, Snapshot frame) {
    return fill(template, node, frame, null);
  }

  /** {@code template} with its keys filled in; {@code formula}, if not null, in place of the node's formula. */
  private String fill(String template, Node node, Snapshot frame, String formula) {
    int i = node.index();
    String op = node instanceof Node.Operation o ? o.op().symbol() : "";
    ParameterUpdate update = update(i, frame);
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < template.length()) {
      int open = template.indexOf('{', at);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      if (close < 0) {
        out.append(template, at, template.length());
        break;
      }
      out.append(template, at, open);
      String key = template.substring(open + 1, close);
      switch (key) {
        case "name" -> out.append(node.name() == null ? op
            : Notation.name(node.name(), theme.on(ThemeKey.NAMES_SUBSCRIPTS)));
        case "op" -> out.append(op);
        case "formula" -> out.append(formula != null ? formula : node.computed() ? notation.formula(i) : op);
        case "before" -> out.append(update == null ? "" : number(update.before()));
        case "value" -> out.append(node instanceof Node.Constant c ? notation.literal(c.value()) : value(i, frame));
        case "grad" -> out.append(gradient(i, frame));
        case "received" -> out.append(frame.received(i));
        case "expected" -> out.append(frame.expected(i));
        default -> out.append(template, open, close + 1);
      }
      at = close + 1;
    }
    return out.toString();
  }

  /** A number as the labels write it. */
  public String number(double value) {
    return notation.number(value);
  }

  private Size fit(int index, List<Snapshot> frames) {
    return switch (style) {
      case BOXES -> fitBox(index, frames);
      case CIRCUIT -> fitGate(index, frames);
      case MICROGRAD -> fitRecord(index, frames);
    };
  }

  /**
   * A gate (an operation of at most two lines, its symbol and name) is a circle, or a capsule where its text is wider
   * than tall; the output's gate, which also says its value and gradient, inputs and constants are boxes.
   */
  private Size fitGate(int index, List<Snapshot> frames) {
    Size box = fitBox(index, frames);
    if (!round(index, frames.get(0))) {
      return box;
    }
    return new Size(Math.max(box.width(), box.height()), box.height());
  }

  /** Whether node {@code index} is a gate of at most two lines, sized as a circle in the circuit style. */
  private boolean round(int index, Snapshot frame) {
    return style == DrawingStyle.CIRCUIT && graph.node(index) instanceof Node.Operation
        && lines(index, frame).size() <= 2;
  }

  /** The width of each cell of node {@code index}'s micrograd record, the same in every frame. */
  double[] cellWidths(int index) {
    return cellWidths[index].clone();
  }

  /** The widest each cell of a record is in any frame, in the order of its lines. */
  private double[] measureCells(int index, List<Snapshot> frames) {
    double[] widths = null;
    for (Snapshot frame : frames) {
      List<Line> cells = cells(lines(index, frame));
      if (widths == null) {
        widths = new double[cells.size()];
      }
      for (int c = 0; c < cells.size(); c++) {
        widths[c] = Math.max(widths[c], Math.ceil(RichText.width(cells.get(c).text(), cells.get(c).size(),
            cells.get(c).bold()) + 2 * theme.number(ThemeKey.NODE_PADDING_X)));
      }
    }
    return widths;
  }

  /** The lines of a micrograd node that are cells of its record (all but the operation). */
  static List<Line> cells(List<Line> lines) {
    return lines.stream().filter(l -> l.role() != Role.OPERATION).toList();
  }

  /** The width of node {@code index}'s operation in the micrograd style: a circle, or an oval for a long name. */
  double operationWidth(int index) {
    return operationWidths[index];
  }

  /** The height of a micrograd record: one line and the padding. */
  double recordHeight() {
    return Math.ceil(theme.number(ThemeKey.NODE_LINE_SIZE) * LINE_HEIGHT + 2 * theme.number(ThemeKey.NODE_PADDING_Y));
  }

  /** The space between a micrograd operation node and its record, which an arrow crosses. */
  double operationGap() {
    return 2 * theme.number(ThemeKey.NODE_PADDING_X);
  }

  /** The record, and left of it the operation's circle and the gap an arrow crosses. */
  private Size fitRecord(int index, List<Snapshot> frames) {
    double width = 0;
    cellWidths[index] = measureCells(index, frames);
    for (double w : cellWidths[index]) {
      width += w;
    }
    double height = recordHeight();
    if (graph.node(index) instanceof Node.Operation) {
      double operation = height;
      for (Snapshot frame : frames) {
        for (Line line : lines(index, frame)) {
          if (line.role() == Role.OPERATION) {
            operation = Math.max(operation, Math.ceil(RichText.width(line.text(), line.size(), true)
                + 2 * theme.number(ThemeKey.NODE_PADDING_Y)));
          }
        }
      }
      operationWidths[index] = operation;
      width += operation + operationGap();
    }
    return new Size(width, height);
  }

  private Size fitBox(int index, List<Snapshot> frames) {
    double width = 0;
    double height = 0;
    for (Snapshot frame : frames) {
      List<Line> lines = lines(index, frame);
      height = Math.max(height, textHeight(lines));
      for (Line line : lines) {
        width = Math.max(width, RichText.width(line.text(), line.size(), line.bold()));
      }
    }
    return new Size(Math.ceil(width + 2 * theme.number(ThemeKey.NODE_PADDING_X)),
        Math.ceil(height + 2 * theme.number(ThemeKey.NODE_PADDING_Y)));
  }

  /** The height the lines take: each line 1.2 of its size, with the theme's gap between lines. */
  double textHeight(List<Line> lines) {
    double height = theme.number(ThemeKey.NODE_LINE_GAP) * (lines.size() - 1);
    for (Line line : lines) {
      height += line.size() * LINE_HEIGHT;
    }
    return height;
  }
}
