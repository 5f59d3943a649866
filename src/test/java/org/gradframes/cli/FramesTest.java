package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The frames of the notebook's advanced example, rendered once through the real command line. */
class FramesTest {
  @TempDir static Path dir;
  static Path frames;
  static JsonNode trace;

  @BeforeAll
  static void render() throws IOException {
    Run run = Run.of("-o", dir.resolve("out").toString(), "samples/advanced.grad");
    assertEquals(Main.OK, run.exit(), run.err());
    assertEquals("", run.err(), "no engine noise");
    frames = dir.resolve("out/advanced");
    trace = new ObjectMapper().readTree(frames.resolve("trace.json").toFile());
  }

  static List<Path> files(Path folder, String extension) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(p -> p.toString().endsWith(extension)).sorted().toList();
    }
  }

  static Document xml(Path svg) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(svg.toFile());
    } catch (Exception e) {
      throw new AssertionError(svg + " is not well-formed XML", e);
    }
  }

  /** The groups of an SVG frame by their ids without the prefix every id of the frame has, its root's id. */
  static Map<String, Element> groups(Document doc) {
    String root = doc.getDocumentElement().getAttribute("id") + "-";
    Map<String, Element> groups = new LinkedHashMap<>();
    NodeList gs = doc.getElementsByTagName("g");
    for (int i = 0; i < gs.getLength(); i++) {
      Element g = (Element) gs.item(i);
      String id = g.getAttribute("id");
      assertTrue(id.isEmpty() || id.startsWith(root), id + " begins with the root's id");
      groups.put(id.isEmpty() ? id : id.substring(root.length()), g);
    }
    return groups;
  }

  @Test
  void oneFramePerStepAfterForwardAndSeed() throws IOException {
    assertEquals(7, files(frames, ".svg").size(), "forward, seed, and five backward steps");
    assertEquals(7, files(frames, ".png").size());
    assertEquals(7, trace.get("frames").size());
  }

  @Test
  void fileNamesSortInTimeOrder() throws IOException {
    List<String> sorted = files(frames, ".svg").stream().map(p -> p.getFileName().toString()).toList();
    List<String> inTraceOrder = new ArrayList<>();
    trace.get("frames").forEach(f -> inTraceOrder.add(f.get("files").get("svg").asText()));
    assertEquals(inTraceOrder, sorted);
    assertEquals("forward", trace.get("frames").get(0).get("kind").asText());
    assertEquals("seed", trace.get("frames").get(1).get("kind").asText());
  }

  @Test
  void everyNamedVariableIsAGroupWithItsName() throws IOException {
    for (Path svg : files(frames, ".svg")) {
      Map<String, Element> groups = groups(xml(svg));
      for (String name : List.of("x1", "x2", "x3", "x4", "u1", "u2", "u3", "u4", "y")) {
        assertNotNull(groups.get("node-" + name), svg + " lacks node-" + name);
      }
      assertNotNull(groups.get("node-u4-1"), "the constant 2 of u4 = u2^2 has a stable generated id");
    }
  }

  @Test
  void everyFrameHasTheSameCanvasAndNodePositions() throws IOException {
    String canvas = null;
    Map<String, String> positions = null;
    for (Path svg : files(frames, ".svg")) {
      Document doc = xml(svg);
      Element root = doc.getDocumentElement();
      String thisCanvas = root.getAttribute("width") + " " + root.getAttribute("height") + " "
          + root.getAttribute("viewBox");
      Map<String, String> these = new LinkedHashMap<>();
      groups(doc).forEach((id, g) -> {
        if (id.startsWith("node-")) {
          Element rect = (Element) g.getElementsByTagName("rect").item(0);
          these.put(id, rect.getAttribute("x") + "," + rect.getAttribute("y") + "," + rect.getAttribute("width")
              + "," + rect.getAttribute("height"));
        }
      });
      if (canvas == null) {
        canvas = thisCanvas;
        positions = these;
      }
      assertEquals(canvas, thisCanvas, svg + " has another canvas");
      assertEquals(positions, these, svg + " moves a node");
    }
  }

  @Test
  void activeNodeAndPartialSumAreMarked() {
    Map<String, Element> step3 = groups(xml(frames.resolve("frame-004.svg")));
    assertEquals("node active", step3.get("node-u1").getAttribute("class"));
    assertEquals("node partial", step3.get("node-u2").getAttribute("class"));
    assertTrue(step3.get("node-u2").getTextContent().contains("1 of 2"), "a partial sum says so");
    assertEquals("node done", step3.get("node-x1").getAttribute("class"));
    assertEquals("node pending", step3.get("node-x3").getAttribute("class"));
    Map<String, Element> last = groups(xml(frames.resolve("frame-006.svg")));
    assertEquals("node active", last.get("node-u2").getAttribute("class"));
    assertTrue(last.get("node-x4").getTextContent().contains("grad −120"));
  }

  @Test
  void pngFramesShareOnePixelSize() throws IOException {
    int width = trace.get("canvas").get("pngWidth").asInt();
    int height = trace.get("canvas").get("pngHeight").asInt();
    assertTrue(width <= 1920 && height <= 1080 && (width == 1920 || height == 1080), width + "x" + height);
    for (Path png : files(frames, ".png")) {
      BufferedImage image = ImageIO.read(png.toFile());
      assertEquals(width, image.getWidth(), png.toString());
      assertEquals(height, image.getHeight(), png.toString());
    }
  }

  @Test
  void traceHoldsNodesWithFinalValuesAndGradients() {
    Map<String, JsonNode> nodes = new LinkedHashMap<>();
    trace.get("nodes").forEach(n -> nodes.put(n.get("id").asText(), n));
    assertEquals("u2", nodes.get("u2").get("name").asText());
    assertEquals("multiply", nodes.get("u2").get("op").asText());
    assertEquals(-2.0, nodes.get("u2").get("value").asDouble());
    assertEquals(-60.0, nodes.get("u2").get("grad").asDouble());
    assertEquals("constant", nodes.get("u4-1").get("op").asText());
    assertTrue(nodes.get("u4-1").get("grad").isNull());
    JsonNode step = trace.get("frames").get(3);
    assertEquals("u3", step.get("node").asText());
    assertEquals(-20.0, step.get("contributions").get(1).get("amount").asDouble());
  }

  @Test
  void renderingTwiceGivesIdenticalBytes() throws IOException {
    Run again = Run.of("-o", dir.resolve("again").toString(), "samples/advanced.grad");
    assertEquals(Main.OK, again.exit(), again.err());
    List<Path> first = files(frames, "");
    List<Path> second = files(dir.resolve("again/advanced"), "");
    assertEquals(first.size(), second.size());
    for (int i = 0; i < first.size(); i++) {
      assertArrayEquals(Files.readAllBytes(first.get(i)), Files.readAllBytes(second.get(i)),
          first.get(i).getFileName() + " differs between runs");
    }
  }
}
