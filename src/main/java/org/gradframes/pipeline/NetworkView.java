package org.gradframes.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Neurons;
import org.gradframes.graph.Node;
import org.gradframes.layout.EdgePath;
import org.gradframes.layout.Layout;
import org.gradframes.layout.LayoutEngine;
import org.gradframes.layout.LayoutRequest;
import org.gradframes.layout.NetworkLayout;
import org.gradframes.layout.NodeBox;
import org.gradframes.layout.Point;
import org.gradframes.layout.Size;
import org.gradframes.render.scene.Shown;

/**
 * The network view of a statement graph: its weights and biases are left out of the drawing (they are still nodes
 * of the graph, with values and gradients), and only the rest is laid out.
 */
final class NetworkView {
  /** A neuron's step sends a contribution to every weight and input: the picture shows the first few. */
  private static final int CAPTION_LINES = 4;

  private NetworkView() {}

  /** What the network view of {@code graph} draws: everything but the weights and biases of its {@code neurons}. */
  static Shown shown(Graph graph, Neurons neurons) {
    boolean[] nodes = new boolean[graph.size()];
    Arrays.fill(nodes, true);
    for (int p : neurons.parameters()) {
      nodes[p] = false;
    }
    boolean[] edges = new boolean[graph.edges().size()];
    for (Edge e : graph.edges()) {
      edges[e.index()] = nodes[e.from()];
    }
    return new Shown(nodes, edges, new HashSet<>(neurons.neurons()), neurons.weights(), neurons.biases(),
        CAPTION_LINES);
  }

  /**
   * Lays out the part of {@code request} that {@code shown} draws, as a network diagram when it leaves out
   * parameters and with {@code engine} otherwise; what it leaves out gets an empty place.
   */
  static Layout layout(LayoutEngine engine, LayoutRequest request, Shown shown) {
    Graph graph = request.graph();
    boolean all = true;
    for (int i = 0; i < graph.size(); i++) {
      all &= shown.node(i);
    }
    if (all) {
      return org.gradframes.layout.LayoutEngines.layout(engine, request);
    }
    int[] index = new int[graph.size()];
    List<Node> nodes = new ArrayList<>();
    List<Size> sizes = new ArrayList<>();
    List<Integer> originalEdges = new ArrayList<>();
    for (Node node : graph.nodes()) {
      if (!shown.node(node.index())) {
        index[node.index()] = -1;
        continue;
      }
      index[node.index()] = nodes.size();
      nodes.add(copy(graph, node, nodes.size(), index, shown, originalEdges));
      sizes.add(request.nodes().get(node.index()));
    }
    Graph visible = new Graph(nodes, index[graph.output()]);
    List<Size> labels = new ArrayList<>();
    for (int e : originalEdges) {
      labels.add(request.labels().get(e));
    }
    // A network is drawn as a network diagram, whatever the engine: layers in columns, straight edges.
    Layout part = NetworkLayout.layout(new LayoutRequest(visible, sizes, labels, request.direction(),
        request.wrap()));
    List<NodeBox> boxes = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      boxes.add(index[i] < 0 ? new NodeBox(i, 0, 0, 0, 0) : withIndex(part.nodes().get(index[i]), i));
    }
    EdgePath[] paths = new EdgePath[graph.edges().size()];
    for (int e = 0; e < originalEdges.size(); e++) {
      EdgePath p = part.edges().get(e);
      paths[originalEdges.get(e)] = new EdgePath(originalEdges.get(e), p.spline(), p.tip(), p.label());
    }
    for (int e = 0; e < paths.length; e++) {
      if (paths[e] == null) {
        Point o = new Point(0, 0);
        paths[e] = new EdgePath(e, List.of(o, o, o, o), o, null);
      }
    }
    return new Layout(part.width(), part.height(), boxes, List.of(paths));
  }

  /** Node {@code node} at {@code at} in the graph of what is drawn, with only its drawn inputs. */
  private static Node copy(Graph graph, Node node, int at, int[] index, Shown shown, List<Integer> edges) {
    if (node instanceof Node.Statement s) {
      List<String> variables = new ArrayList<>();
      List<Integer> inputs = new ArrayList<>();
      for (Edge e : graph.inputs(node.index())) {
        if (shown.edge(e.index())) {
          variables.add(s.variables().get(e.argument()));
          inputs.add(index[e.from()]);
          edges.add(e.index());
        }
      }
      return new Node.Statement(at, s.id(), s.expression(), variables, inputs, s.position(), s.named(), s.written());
    }
    Node.Input in = (Node.Input) node;
    return new Node.Input(at, in.name(), in.value(), in.position());
  }

  private static NodeBox withIndex(NodeBox box, int index) {
    return new NodeBox(index, box.centerX(), box.centerY(), box.width(), box.height());
  }
}
