package org.gradframes.render.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.gradframes.autodiff.BackwardStep;
import org.gradframes.autodiff.Contribution;
import org.gradframes.autodiff.NodeState;
import org.gradframes.autodiff.ParameterUpdate;
import org.gradframes.autodiff.Snapshot;
import org.gradframes.autodiff.Walkthrough;
import org.gradframes.graph.Edge;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;
import org.gradframes.render.scene.Drawing;

/** {@code trace.json}: the nodes with final values and gradients, the edges, and what every frame shows. */
public final class JsonFormat implements Format {
  /** The version of the trace's layout; it changes only when a key changes meaning or goes away. */
  public static final int FORMAT = 1;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Override
  public String name() {
    return "json";
  }

  @Override
  public String summary() {
    return "trace.json: the graph, the final values and gradients, and what every frame shows";
  }

  @Override
  public Phase phase() {
    return Phase.SUMMARY;
  }

  @Override
  public void write(Deck deck, FileSink sink) throws IOException {
    ObjectNode root = trace(deck);
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    // The tree written by a bare generator: an ObjectMapper would load some 300 classes of databind to do the same.
    try (OutputStream out = new BufferedOutputStream(sink.create("trace.json"))) {
      try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setPrettyPrinter(printer);
        write(root, json);
      }
      out.write('\n');
    }
  }

  /** Writes {@code node} as Jackson's serializer of trees does, number types kept. */
  private static void write(JsonNode node, JsonGenerator json) throws IOException {
    if (node.isObject()) {
      json.writeStartObject();
      for (var field : node.properties()) {
        json.writeFieldName(field.getKey());
        write(field.getValue(), json);
      }
      json.writeEndObject();
    } else if (node.isArray()) {
      json.writeStartArray();
      for (JsonNode element : node) {
        write(element, json);
      }
      json.writeEndArray();
    } else if (node.isInt()) {
      json.writeNumber(node.intValue());
    } else if (node.isLong()) {
      json.writeNumber(node.longValue());
    } else if (node.isShort()) {
      json.writeNumber(node.shortValue());
    } else if (node.isBigInteger()) {
      json.writeNumber(node.bigIntegerValue());
    } else if (node.isDouble()) {
      json.writeNumber(node.doubleValue());
    } else if (node.isFloat()) {
      json.writeNumber(node.floatValue());
    } else if (node.isBigDecimal()) {
      json.writeNumber(node.decimalValue());
    } else if (node.isTextual()) {
      json.writeString(node.textValue());
    } else if (node.isBoolean()) {
      json.writeBoolean(node.booleanValue());
    } else if (node.isNull()) {
      json.writeNull();
    } else {
      throw new IllegalStateException("no JSON for a " + node.getNodeType() + " node");
    }
  }

  private static ObjectNode trace(Deck deck) {
    Deck.Info info = deck.info();
    Drawing drawing = deck.drawing();
    Graph graph = drawing.graph();
    Walkthrough walk = drawing.walk();
    ObjectNode root = JSON.objectNode();
    root.put("format", FORMAT);
    root.put("generator", info.generator());
    root.put("program", info.program());
    root.put("source", info.source());
    root.put("output", graph.node(graph.output()).id());
    root.put("engine", info.engine());
    root.put("engineVersion", info.engineVersion());
    root.put("view", info.view());
    ObjectNode canvas = root.putObject("canvas");
    canvas.put("width", drawing.width());
    canvas.put("height", drawing.height());
    canvas.put("pngWidth", deck.pngWidth());
    canvas.put("pngHeight", deck.pngHeight());
    root.set("nodes", nodes(graph, walk.values(), walk.gradients()));
    root.set("edges", edges(graph));
    root.set("frames", frames(deck));
    if (!walk.epochs().get(0).updates().isEmpty()) {
      root.set("training", training(graph, walk));
    }
    return root;
  }

  private static ArrayNode nodes(Graph graph, double[] values, double[] gradients) {
    ArrayNode nodes = JSON.arrayNode();
    for (Node node : graph.nodes()) {
      ObjectNode n = nodes.addObject();
      n.put("id", node.id());
      n.put("name", node.name());
      n.put("op", op(node));
      number(n, "value", values[node.index()]);
      if (!node.hasGradient()) {
        n.putNull("grad");
      } else {
        number(n, "grad", gradients[node.index()]);
      }
      ArrayNode inputs = n.putArray("inputs");
      for (Edge e : graph.inputs(node.index())) {
        inputs.add(graph.node(e.from()).id());
      }
      n.put("line", node.position().line());
      n.put("column", node.position().column());
    }
    return nodes;
  }

  private static String op(Node node) {
    if (node instanceof Node.Input) {
      return "input";
    }
    if (node instanceof Node.Constant) {
      return "constant";
    }
    return node instanceof Node.Operation op ? op.op().key() : "statement";
  }

  private static ArrayNode edges(Graph graph) {
    ArrayNode edges = JSON.arrayNode();
    for (Edge e : graph.edges()) {
      ObjectNode o = edges.addObject();
      o.put("id", "edge-" + e.index());
      o.put("from", graph.node(e.from()).id());
      o.put("to", graph.node(e.to()).id());
      o.put("argument", e.argument());
    }
    return edges;
  }

  private static ArrayNode training(Graph graph, Walkthrough walk) {
    ArrayNode epochs = JSON.arrayNode();
    for (Walkthrough.Epoch epoch : walk.epochs()) {
      ObjectNode e = epochs.addObject();
      e.put("epoch", epoch.number());
      number(e, "learningRate", epoch.updates().get(0).learningRate());
      number(e, "outputBefore", epoch.outputBefore());
      number(e, "outputAfter", epoch.outputAfter());
      ArrayNode parameters = e.putArray("parameters");
      for (ParameterUpdate u : epoch.updates()) {
        ObjectNode p = parameters.addObject();
        p.put("id", graph.node(u.node()).id());
        number(p, "before", u.before());
        number(p, "grad", u.gradient());
        number(p, "after", u.after());
      }
    }
    return epochs;
  }

  private static ArrayNode frames(Deck deck) {
    Drawing drawing = deck.drawing();
    Graph graph = drawing.graph();
    List<Snapshot> snapshots = drawing.frames();
    ArrayNode frames = JSON.arrayNode();
    Snapshot previous = null;
    for (int i = 0; i < snapshots.size(); i++) {
      Snapshot s = snapshots.get(i);
      ObjectNode f = frames.addObject();
      f.put("index", drawing.frameNumber(i));
      f.put("kind", s.kind().key());
      f.put("epoch", s.epoch());
      ObjectNode fileNames = f.putObject("files");
      deck.frameFiles(i).forEach(fileNames::put);
      f.put("node", s.active() < 0 ? null : graph.node(s.active()).id());
      f.put("smallestTextPx", Math.round(drawing.smallestText(i) * deck.info().pngScale() * 10) / 10.0);
      String caption = drawing.caption(i);
      f.put("caption", caption);
      ArrayNode lines = f.putArray("captionLines");
      for (String line : caption.split("\n")) {
        lines.add(line);
      }
      ArrayNode active = f.putArray("nodes");
      for (Node node : graph.nodes()) {
        if (s.nodeState(node.index()) == NodeState.ACTIVE) {
          active.add(node.id());
        }
      }
      ArrayNode contributions = f.putArray("contributions");
      for (BackwardStep step : s.steps()) {
        for (Contribution c : step.contributions()) {
          ObjectNode o = contributions.addObject();
          o.put("edge", "edge-" + c.edge().index());
          o.put("from", graph.node(c.edge().to()).id());
          o.put("to", graph.node(c.edge().from()).id());
          number(o, "upstream", c.upstream());
          number(o, "local", c.local());
          number(o, "amount", c.amount());
        }
      }
      ObjectNode changes = f.putObject("changes");
      for (Node node : graph.nodes()) {
        int n = node.index();
        if (node.hasGradient() && (previous == null || changed(previous, s, n))) {
          ObjectNode g = changes.putObject(node.id());
          g.put("state", s.nodeState(n).key());
          number(g, "grad", s.gradient(n));
          if (s.valueKnown(n)) {
            number(g, "value", s.value(n));
          } else {
            g.putNull("value");
          }
        }
      }
      previous = s;
    }
    return frames;
  }

  private static boolean changed(Snapshot before, Snapshot now, int n) {
    return before.nodeState(n) != now.nodeState(n) || before.valueKnown(n) != now.valueKnown(n)
        || Double.compare(before.gradient(n), now.gradient(n)) != 0
        || Double.compare(before.value(n), now.value(n)) != 0;
  }

  /** Finite numbers as JSON numbers (without -0); NaN and the infinities, which JSON lacks, as the strings "NaN", "Infinity". */
  private static void number(ObjectNode node, String key, double value) {
    if (Double.isFinite(value)) {
      node.put(key, value == 0 ? 0.0 : value);
    } else {
      node.put(key, Double.toString(value));
    }
  }
}
