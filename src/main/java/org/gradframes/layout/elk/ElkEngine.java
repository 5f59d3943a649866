package org.gradframes.layout.elk;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.alg.layered.options.WrappingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.layout.Layout;
import org.gradframes.layout.LayoutEngine;
import org.gradframes.layout.LayoutException;
import org.gradframes.layout.LayoutRequest;
import org.gradframes.layout.Size;

/**
 * Layout with the layered algorithm of the Eclipse Layout Kernel, in pure Java: nothing to install, the same layout
 * on every machine. The program's order is the model order, so the drawing follows the text; each operation has
 * one port per argument in a fixed order, so the operands of {@code a / b} keep their places; edge labels are laid
 * out as labels, never over a box or another label.
 */
public final class ElkEngine implements LayoutEngine {
  private static final String POM = "/META-INF/maven/org.eclipse.elk/org.eclipse.elk.alg.layered/pom.properties";
  /** Space between nodes of one layer, and between layers, in points. */
  private static final double NODE_SPACING = 12;
  private static final double LAYER_SPACING = 16;
  /** Space between a label and its edge: small, so that the label is on its edge and no other's. */
  private static final double LABEL_SPACING = 0.5;
  /** Space between a box and the edges running beside it; it also leaves room for an arrowhead. */
  private static final double EDGE_NODE = 12;
  /**
   * Space between two edges running side by side between layers, in points: at 12, lines of different inputs ran
   * 7 to 12 px apart on a slide in 16 of the corpus's 69 last frames, and a room could not tell which branch left
   * which line; at 18, in 7, for text 0 to 0.6 px smaller.
   */
  private static final double EDGE_EDGE = 18;
  private static final double PORT_SIZE = 0.01;
  /** Space between a group's box and the boxes inside it. */
  private static final double GROUP_PADDING = 10;
  private static final EdgeRouting ROUTING = EdgeRouting.ORTHOGONAL;
  /**
   * Up to this many nodes, boxes are placed by network simplex, which gave the tighter drawings in the comparison
   * with dot; larger graphs by Brandes and Köpf's method, which lays the 486-node network out twice as fast.
   */
  private static final int SIMPLEX_NODES = 200;

  static {
    // ELK sets up its graph factory and its layout options once per JVM, in class initialisers; one that fails (a
    // program running out of memory on another thread at that moment) breaks ELK for every later layout of the run.
    // A one-node layout when the engine is loaded, before any program renders, sets them up while memory is free.
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    ElkGraphUtil.createNode(root).setDimensions(10, 10);
    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
  }

  @Override
  public String name() {
    return "elk";
  }

  @Override
  public List<String> aliases() {
    return List.of("embedded");
  }

  @Override
  public String summary() {
    return "the Eclipse Layout Kernel's layered algorithm, in pure Java (needs nothing installed)";
  }

  @Override
  public String version() {
    Properties properties = new Properties();
    try (InputStream in = ElkEngine.class.getResourceAsStream(POM)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // reported as unknown below
    }
    return "elk " + properties.getProperty("version", "unknown");
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
  public boolean wraps() {
    return true;
  }

  @Override
  public boolean concurrent() {
    return true;
  }

  /**
   * Lays out {@code request}; a wrapped layout in which ELK left an edge short of its ports or a label away from
   * its edge is not used: the graph is laid out again without wrapping.
   */
  @Override
  public Layout layout(LayoutRequest request) {
    ElkGraph graph = new ElkGraph(request);
    try {
      new RecursiveGraphLayoutEngine().layout(graph.root, new BasicProgressMonitor());
    } catch (RuntimeException e) {
      if (request.wrap()) {
        return layout(unwrapped(request));
      }
      throw new LayoutException("ELK failed to lay out the graph: " + e, e);
    }
    Layout layout = ElkLayouts.read(request, graph.root, graph.nodes, graph.edges, graph.groups);
    if (request.wrap() && !ElkLayouts.intact(layout, graph.edges, LABEL_SPACING)) {
      return layout(unwrapped(request));
    }
    return layout;
  }

  private static LayoutRequest unwrapped(LayoutRequest request) {
    return new LayoutRequest(request.graph(), request.nodes(), request.labels(), request.direction(), false,
        request.groups(), request.inlineLabels());
  }

  /** The ELK graph of a request: a node per node, a port per argument, an edge per edge, a label per label. */
  private static final class ElkGraph {
    final ElkNode root = ElkGraphUtil.createGraph();
    final List<ElkNode> nodes = new ArrayList<>();
    final List<ElkEdge> edges = new ArrayList<>();
    final List<ElkNode> groups = new ArrayList<>();

    ElkGraph(LayoutRequest request) {
      boolean down = request.direction() == org.gradframes.layout.Direction.TB;
      options(root, down, request.wrap(), request.graph().size());
      Graph graph = request.graph();
      List<ElkPort> outputs = new ArrayList<>();
      List<List<ElkPort>> inputs = new ArrayList<>();
      ElkNode[] parent = new ElkNode[graph.size()];
      java.util.Arrays.fill(parent, root);
      for (List<Integer> members : request.groups()) {
        ElkNode group = ElkGraphUtil.createNode(root);
        group.setIdentifier("g" + groups.size());
        // Layout options are not inherited by compound nodes: each gets the root's spacing and routing.
        group.setProperty(CoreOptions.EDGE_ROUTING, ROUTING);
        group.setProperty(CoreOptions.SPACING_NODE_NODE, NODE_SPACING);
        group.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_SPACING);
        group.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, EDGE_NODE);
        group.setProperty(CoreOptions.SPACING_EDGE_LABEL, LABEL_SPACING);
        group.setProperty(CoreOptions.PADDING, new ElkPadding(GROUP_PADDING));
        groups.add(group);
        for (int n : members) {
          parent[n] = group;
        }
      }
      if (!request.groups().isEmpty()) {
        root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
      }
      for (int i = 0; i < graph.size(); i++) {
        Size size = request.nodes().get(i);
        ElkNode node = ElkGraphUtil.createNode(parent[i]);
        node.setIdentifier("n" + i);
        node.setDimensions(size.width(), size.height());
        node.setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_ORDER);
        List<ElkPort> in = new ArrayList<>();
        int arguments = graph.inputs(i).size();
        for (int a = 0; a < arguments; a++) {
          ElkPort port = ElkGraphUtil.createPort(node);
          port.setDimensions(PORT_SIZE, PORT_SIZE);
          port.setProperty(CoreOptions.PORT_SIDE, down ? PortSide.NORTH : PortSide.WEST);
          // Port indices run clockwise: left to right on the north side, bottom to top on the west side.
          port.setProperty(CoreOptions.PORT_INDEX, down ? a : arguments - 1 - a);
          in.add(port);
        }
        ElkPort out = ElkGraphUtil.createPort(node);
        out.setDimensions(PORT_SIZE, PORT_SIZE);
        out.setProperty(CoreOptions.PORT_SIDE, down ? PortSide.SOUTH : PortSide.EAST);
        nodes.add(node);
        inputs.add(in);
        outputs.add(out);
      }
      for (Edge e : graph.edges()) {
        ElkEdge edge = ElkGraphUtil.createSimpleEdge(outputs.get(e.from()), inputs.get(e.to()).get(e.argument()));
        Size label = request.labels().get(e.index());
        if (label != null) {
          // ELK skips labels without text; the text is never drawn, only the size counts.
          ElkLabel l = ElkGraphUtil.createLabel("l" + e.index(), edge);
          l.setDimensions(label.width(), label.height());
          l.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
          l.setProperty(CoreOptions.EDGE_LABELS_INLINE, request.inlineLabels());
        }
        edges.add(edge);
      }
    }

    private static void options(ElkNode root, boolean down, boolean wrap, int nodes) {
      root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
      root.setProperty(CoreOptions.DIRECTION, down ? Direction.DOWN : Direction.RIGHT);
      root.setProperty(CoreOptions.EDGE_ROUTING, ROUTING);
      root.setProperty(CoreOptions.PADDING, new ElkPadding(4));
      root.setProperty(CoreOptions.SPACING_NODE_NODE, NODE_SPACING);
      root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_SPACING);
      root.setProperty(CoreOptions.SPACING_EDGE_LABEL, LABEL_SPACING);
      root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, EDGE_NODE);
      root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, EDGE_EDGE);
      root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
      root.setProperty(LayeredOptions.RANDOM_SEED, 1);
      root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY,
          nodes <= SIMPLEX_NODES ? NodePlacementStrategy.NETWORK_SIMPLEX : NodePlacementStrategy.BRANDES_KOEPF);
      if (wrap) {
        root.setProperty(LayeredOptions.WRAPPING_STRATEGY, WrappingStrategy.MULTI_EDGE);
        // Shortening the wrapped edges ends an edge that spans two cuts in the middle row, short of its target.
        root.setProperty(LayeredOptions.WRAPPING_MULTI_EDGE_IMPROVE_WRAPPED_EDGES, false);
        root.setProperty(CoreOptions.ASPECT_RATIO, 16.0 / 9);
      }
    }
  }
}
