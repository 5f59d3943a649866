package org.gradframes.render.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradframes.autodiff.BackwardPass;
import org.gradframes.autodiff.BackwardStep;
import org.gradframes.autodiff.ForwardPass;
import org.gradframes.expr.Expr;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;
import org.gradframes.graph.Op;
import org.gradframes.render.scene.Drawing;
import org.gradframes.render.scene.Scene;
import org.gradframes.render.text.Notation;
import org.gradframes.render.text.RichText;
import org.gradframes.render.text.Slots;

/**
 * The parts of an HTML stepper whose inputs the reader can change: the graph as its script evaluates it again (every
 * node's operation and inputs, the order of the backward steps), the warnings it checks, and the frames' SVG with
 * each number of a value, gradient or contribution in a {@code <tspan data-q="slot">} that the script writes anew.
 */
final class LivePage {
  private static final Pattern SLOT = Pattern.compile(Pattern.quote(String.valueOf(Slots.OPEN)) + "([^"
      + Slots.SEPARATOR + "]*)" + Slots.SEPARATOR + "([^" + Slots.CLOSE + "]*)" + Slots.CLOSE);
  private static final Pattern TEXT_OF = Pattern.compile("<(title|desc)([^>]*)>([^<]*" + Slots.OPEN + "[^<]*)</\\1>");
  private static final Pattern TEXT = Pattern.compile("<text [^>]*>.*?</text>");
  /** The least room kept between a number and its box's border. */
  private static final double BORDER = 4;

  /** The inputs of a live page, which its script fills, a reset button and the warnings. */
  static final String PANEL = "<details id=\"live\" open>\n<summary>Inputs</summary>\n"
      + "<div id=\"live-inputs\"></div>\n"
      + "<button id=\"live-reset\" type=\"button\" title=\"The program's own values\">Reset</button>\n"
      + "<pre id=\"live-warnings\" aria-live=\"polite\" hidden></pre>\n</details>\n";

  /** How the inputs, the reset button and the warnings look. */
  static final String STYLE = "#live { flex: none; max-height: 30vh; overflow: auto; margin-top: 0.5em; }\n"
      + "#live summary { cursor: pointer; font-weight: bold; }\n"
      + "#live-inputs { display: flex; flex-wrap: wrap; gap: 0.4em 1.2em; align-items: center; margin: 0.4em 0; }\n"
      + "#live fieldset { display: flex; flex-wrap: wrap; gap: 0.3em 0.8em; margin: 0; padding: 0.2em 0.6em; }\n"
      + ".live-input { display: inline-flex; gap: 0.4em; align-items: center; white-space: nowrap; }\n"
      + ".live-input input[type=number] { width: 6.5em; font: inherit; }\n"
      + ".live-input input[type=range] { width: 9em; }\n"
      + "#live-warnings { white-space: pre-wrap; margin: 0.4em 0; padding-left: 0.6em; border-left: 4px solid #d32f2f; }\n";

  private LivePage() {}

  /** Whether {@code deck} is drawn for a live page: it is asked for and the program is not trained. */
  static boolean of(Deck deck) {
    return deck.live() != null && deck.drawing().walk().epochs().size() == 1
        && deck.drawing().walk().epochs().get(0).updates().isEmpty();
  }

  /** The script's data: the drawn graph, the checked one (null when the same), the checks and the precision. */
  static void appendTo(StringBuilder out, Deck deck, int precision) {
    Drawing drawing = deck.drawing();
    LiveChecks checks = deck.live();
    out.append("{\n\"graph\": ");
    model(out, drawing.graph(), drawing.walk().pass().steps());
    out.append(",\n\"checked\": ");
    List<BackwardStep> checked = BackwardPass.run(checks.graph(), ForwardPass.evaluate(checks.graph())).steps();
    if (checks.graph() == drawing.graph() && nodes(checked).equals(nodes(drawing.walk().pass().steps()))) {
      out.append("null");
    } else {
      model(out, checks.graph(), checked);
    }
    out.append(",\n\"fixed\": ").append(strings(checks.fixed()))
        .append(",\n\"before\": ").append(strings(checks.before()))
        .append(",\n\"after\": ").append(strings(checks.after()))
        .append(",\n\"described\": ").append(strings(checks.described()))
        .append(",\n\"valueWords\": ").append(strings(checks.valueWords()))
        .append(",\n\"slopeWords\": ").append(strings(checks.slopeWords()))
        .append(",\n\"precision\": ").append(precision).append("\n}");
  }

  private static List<Integer> nodes(List<BackwardStep> steps) {
    return steps.stream().map(BackwardStep::node).toList();
  }

  /**
   * A graph as the script evaluates it: its output, the nodes in the order the backward pass steps, and per node an
   * input {@code [0, value, gradient?, name, shown name]}, a constant {@code [1, value]}, an operation
   * {@code [2, op, edges]} or a statement {@code [3, expression, edges]}, its edges as triples of edge, source and
   * argument in the graph's order.
   */
  private static void model(StringBuilder out, Graph graph, List<BackwardStep> steps) {
    out.append("{\"output\": ").append(graph.output()).append(", \"order\": [");
    for (int s = 0; s < steps.size(); s++) {
      out.append(s == 0 ? "" : ",").append(steps.get(s).node());
    }
    out.append("],\n\"nodes\": [");
    for (Node node : graph.nodes()) {
      out.append(node.index() == 0 ? "\n" : ",\n");
      if (node instanceof Node.Input in) {
        out.append("[0,").append(number(in.value())).append(',').append(in.hasGradient() ? 1 : 0).append(',')
            .append(HtmlFormat.jsString(in.name())).append(',')
            .append(HtmlFormat.jsString(RichText.plain(Notation.name(in.name())))).append(']');
      } else if (node instanceof Node.Constant c) {
        out.append("[1,").append(number(c.value())).append(']');
      } else {
        if (node instanceof Node.Statement statement) {
          expression(out.append("[3,"), statement, statement.expression());
        } else {
          out.append("[2,\"").append(((Node.Operation) node).op().key()).append('"');
        }
        out.append(",[");
        List<Edge> inputs = graph.inputs(node.index());
        for (int k = 0; k < inputs.size(); k++) {
          Edge e = inputs.get(k);
          out.append(k == 0 ? "" : ",").append(e.index()).append(',').append(e.from()).append(',')
              .append(e.argument());
        }
        out.append("]]");
      }
    }
    out.append("]}");
  }

  /** A statement's expression as nested arrays: {@code ["#", 2]}, {@code ["$", argument]}, {@code ["neg", e]}, ops. */
  private static void expression(StringBuilder out, Node.Statement statement, Expr expr) {
    if (expr instanceof Expr.Literal l) {
      out.append("[\"#\",").append(number(l.value())).append(']');
    } else if (expr instanceof Expr.Variable v) {
      out.append("[\"$\",").append(statement.argument(v.name())).append(']');
    } else if (expr instanceof Expr.Negation n) {
      expression(out.append("[\"neg\","), statement, n.operand());
      out.append(']');
    } else if (expr instanceof Expr.Binary b) {
      out.append("[\"").append(Op.of(b.operator()).key()).append("\",");
      expression(out, statement, b.left());
      expression(out.append(','), statement, b.right());
      out.append(']');
    } else {
      Expr.Call c = (Expr.Call) expr;
      out.append("[\"").append(Op.of(c.function()).key()).append('"');
      for (Expr argument : c.arguments()) {
        expression(out.append(','), statement, argument);
      }
      out.append(']');
    }
  }

  /** A double as JavaScript reads it back exactly. */
  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    return Double.toString(value);
  }

  private static String strings(List<String> texts) {
    StringBuilder list = new StringBuilder("[");
    for (int i = 0; i < texts.size(); i++) {
      list.append(i == 0 ? "" : ",\n").append(texts.get(i) == null ? "null" : HtmlFormat.jsString(texts.get(i)));
    }
    return list.append(']').toString();
  }

  /**
   * A marked group's SVG as the page holds it: each number in a text a {@code <tspan data-q="slot">}, the text
   * carrying the room its box leaves ({@code data-w}); a marked title or description as it reads, its template in
   * {@code data-t}.
   */
  static String markup(Scene.Group group, String svg) {
    if (!Slots.marked(svg)) {
      return svg;
    }
    Matcher texts = TEXT.matcher(withRoom(group, svg));
    String numbered = texts.replaceAll(t -> Matcher.quoteReplacement(SLOT.matcher(t.group())
        .replaceAll(m -> Matcher.quoteReplacement("<tspan data-q=\"" + m.group(1) + "\">" + m.group(2) + "</tspan>"))));
    Matcher described = TEXT_OF.matcher(numbered);
    return described.replaceAll(m -> Matcher.quoteReplacement("<" + m.group(1) + m.group(2) + " data-t=\""
        + m.group(3) + "\">" + Slots.strip(m.group(3)) + "</" + m.group(1) + ">"));
  }

  /**
   * A marked frame's SVG document as the page holds it: each of {@code scene}'s groups as {@link #markup} writes
   * it; the frame's own title and description as they read (the stepper writes them for each frame it shows).
   */
  static String document(Scene scene, String svg) {
    StringBuilder out = new StringBuilder(svg.length() + 1024);
    int at = 0;
    for (Scene.Group group : scene.groups()) {
      String raw = SvgFormat.group(group);
      int start = svg.indexOf(raw, at);
      if (start < 0) {
        throw new IllegalStateException("group " + group.id() + " is not in its frame's SVG");
      }
      out.append(Slots.strip(svg.substring(at, start))).append(markup(group, raw));
      at = start + raw.length();
    }
    return out.append(Slots.strip(svg.substring(at))).toString();
  }

  /** The caption or title {@code text} as it reads, without its marks. */
  static String plain(String text) {
    return Slots.strip(text);
  }

  /** Gives each marked text of {@code svg} the width its box leaves it, in the order the group's texts are written. */
  private static String withRoom(Scene.Group group, String svg) {
    List<Double> rooms = new ArrayList<>();
    for (Scene.Shape shape : group.shapes()) {
      if (shape instanceof Scene.Text t) {
        rooms.add(Slots.marked(t.text()) ? room(group, t) : Double.NaN);
      }
    }
    StringBuilder out = new StringBuilder(svg.length() + 32);
    int at = 0;
    for (double room : rooms) {
      int text = svg.indexOf("<text ", at);
      if (text < 0) {
        break;
      }
      out.append(svg, at, text + 5);
      if (!Double.isNaN(room)) {
        out.append(" data-w=\"").append(SvgFormat.n(room)).append('"');
      }
      at = text + 5;
    }
    return out.append(svg, at, svg.length()).toString();
  }

  /** How wide text {@code t} may be: what the box around its start leaves, or NaN when no box holds it. */
  private static double room(Scene.Group group, Scene.Text t) {
    for (Scene.Shape shape : group.shapes()) {
      if (shape instanceof Scene.Box b && t.x() >= b.x() && t.x() <= b.x() + b.width() && t.y() >= b.y()
          && t.y() <= b.y() + b.height()) {
        return t.anchor() == Scene.Anchor.MIDDLE ? 2 * Math.min(t.x() - b.x(), b.x() + b.width() - t.x()) - 2 * BORDER
            : b.x() + b.width() - t.x() - BORDER;
      }
    }
    return Double.NaN;
  }
}
