package org.gradframes.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gradframes.autodiff.BackwardStep;
import org.gradframes.autodiff.Calculus;
import org.gradframes.autodiff.Contribution;
import org.gradframes.autodiff.EdgeState;
import org.gradframes.autodiff.FrameKind;
import org.gradframes.autodiff.NodeState;
import org.gradframes.autodiff.Snapshot;
import org.gradframes.autodiff.Walkthrough;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;
import org.gradframes.layout.Size;

/** The text on each edge in each frame, and the one label size per edge that the layout makes room for. */
public final class EdgeLabels {
  private final Graph graph;
  private final Walkthrough walk;
  private final EdgeLabelMode mode;
  private final Theme theme;
  private final Notation notation;
  private final Size[] sizes;
  private final List<Map<Integer, Contribution>> contributions;

  /** Prepares the labels of every frame of {@code walk}. */
  public EdgeLabels(Graph graph, Walkthrough walk, EdgeLabelMode mode, Theme theme, int precision) {
    this.graph = graph;
    this.walk = walk;
    this.mode = mode;
    this.theme = theme;
    this.notation = new Notation(graph, precision);
    this.contributions = walk.epochs().stream().map(e -> byEdge(e.pass().steps())).toList();
    this.sizes = new Size[graph.edges().size()];
    for (Edge e : graph.edges()) {
      sizes[e.index()] = fit(e);
    }
  }

  private static Map<Integer, Contribution> byEdge(List<BackwardStep> steps) {
    Map<Integer, Contribution> map = new HashMap<>();
    for (BackwardStep step : steps) {
      for (Contribution c : step.contributions()) {
        map.put(c.edge().index(), c);
      }
    }
    return map;
  }

  /** The label size of edge {@code index}, or null when it never has a label. */
  public Size size(int index) {
    return sizes[index];
  }

  /** The text of edge {@code edge} in {@code frame} (markup), or null for none. */
  String text(Edge edge, Snapshot frame) {
    if (mode == EdgeLabelMode.NONE || graph.node(edge.from()) instanceof Node.Constant) {
      return null;
    }
    boolean backward = frame.kind() == FrameKind.SEED || frame.kind() == FrameKind.BACKWARD
        || frame.kind() == FrameKind.UPDATE;
    if (mode == EdgeLabelMode.LOCAL) {
      return backward && frame.nodeState(edge.to()) != NodeState.UNUSED ? local(edge, frame)
          : null;
    }
    if (!backward || frame.edgeState(edge.index()) == EdgeState.IDLE) {
      return null;
    }
    Contribution c = contributions.get(Math.min(frame.epoch(), contributions.size()) - 1).get(edge.index());
    return c == null ? null : notation.number(c.upstream()) + " · " + notation.factor(c.local()) + " = "
        + notation.number(c.amount());
  }

  private final Map<Long, String> locals = new java.util.concurrent.ConcurrentHashMap<>();

  /** The local label of an edge; it changes only with the epoch, whose values it is computed from. */
  private String local(Edge edge, Snapshot frame) {
    long key = ((long) frame.epoch() << 32) | edge.index();
    String text = locals.get(key);
    if (text == null) {
      text = computeLocal(edge, frame);
      locals.put(key, text);
    }
    return text;
  }

  private String computeLocal(Edge edge, Snapshot frame) {
    Node.Operation op = (Node.Operation) graph.node(edge.to());
    List<Edge> inputs = graph.inputs(edge.to());
    double[] args = new double[inputs.size()];
    for (Edge in : inputs) {
      args[in.argument()] = frame.value(in.from());
    }
    double local = Calculus.derivative(op.op(), args, frame.value(edge.to()), edge.argument());
    String formula = notation.local(edge);
    String number = notation.number(local);
    String head = notation.partial(edge.to(), edge.from(), null) + " = ";
    return formula.equals(number) ? head + number : head + formula + " = " + number;
  }

  double textSize() {
    return theme.number("edge.label.size");
  }

  private Size fit(Edge edge) {
    double width = 0;
    for (Snapshot frame : walk.frames()) {
      String text = text(edge, frame);
      if (text != null) {
        width = Math.max(width, RichText.width(text, textSize(), false));
      }
    }
    if (width == 0) {
      return null;
    }
    double pad = theme.number("edge.label.padding");
    return new Size(Math.ceil(width + 2 * pad), Math.ceil(textSize() * NodeLabels.LINE_HEIGHT + 2 * pad));
  }
}
