package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Programs of vectors and matrices through the real command line: every view, every format, the update. */
class VectorProgramsTest {
  private static final String LAYER = "x = [1.2, -0.5]\nW1 = [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]\n"
      + "b1 = [0.1, 0.2, 0.3]\nh = relu(W1 @ x + b1)\ny = 1\nloss = (sum(h) - y) ^ 2\n";

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"ops", "statements", "network"})
  void theNetworkSampleInMatricesRendersInEveryViewAndFormat(String view) throws IOException {
    // Stepping by level keeps the 486-node views to a few frames. Every format is made in the statements and network
    // views; in the ops view, 486 boxes a frame, the decks that repaint every frame (PDF, GIF, PowerPoint, TikZ) would
    // cost a minute and show nothing the other views and FormatContractTest do not. Two frames in every format show
    // that each is made; every frame of every format is FormatContractTest's.
    boolean ops = view.equals("ops");
    Run run = Run.of("-o", dir.toString(), "-f", ops ? "svg,png,json,html,md,dot" : "all", "--view", view,
        "--steps", view.equals("network") ? "node" : "level", "--frame", "0,1", "samples/network-vectors.grad");
    assertEquals(Main.OK, run.exit(), run.err());
    Path out = dir.resolve("network-vectors");
    List<String> files = new ArrayList<>(List.of("network-vectors.html", "network-vectors.md", "network-vectors.dot",
        "trace.json", "frame-000.svg", "frame-000.png"));
    if (!ops) {
      files.addAll(List.of("network-vectors.pdf", "network-vectors.tex", "network-vectors.gif",
          "network-vectors.pptx", "network-vectors-tikz.tex"));
    }
    for (String name : files) {
      assertTrue(Files.isRegularFile(out.resolve(name)), name);
    }
    JsonNode trace = new ObjectMapper().readTree(out.resolve("trace.json").toFile());
    assertEquals(view, trace.get("view").asText());
    String json = Files.readString(out.resolve("trace.json"));
    assertTrue(json.contains("\"W1[3,1]\"") && json.contains("\"h2[8]\""), "elements are named W1[3,1], h2[8]");
    String svg = Files.readString(out.resolve("frame-001.svg"));
    assertTrue(svg.contains("[2,1]") && !svg.contains(">2,1<"), "W2[2,1] is drawn W₂[2,1], its index in brackets");
  }

  @Test
  void elementsAreNamedWithTheirIndexInTheTraceAndSubscriptedInTheFrames() throws IOException {
    Run run = Run.of("-o", dir.toString(), "-f", "svg,json,md,dot", "--view", "ops", "-e", LAYER);
    assertEquals(Main.OK, run.exit(), run.err());
    Path out = Files.list(dir).filter(Files::isDirectory).findFirst().orElseThrow();
    JsonNode trace = new ObjectMapper().readTree(out.resolve("trace.json").toFile());
    List<String> names = new ArrayList<>();
    for (JsonNode node : trace.get("nodes")) {
      if (node.hasNonNull("name")) {
        names.add(node.get("name").asText());
      }
    }
    assertEquals(List.of("x[1]", "x[2]", "W1[1,1]", "W1[1,2]", "W1[2,1]", "W1[2,2]", "W1[3,1]", "W1[3,2]", "b1[1]",
        "b1[2]", "b1[3]", "h[1]", "h[2]", "h[3]", "y", "loss"), names);
  }

  @Test
  void paramsAndDataNameAWholeVectorOrMatrix() throws IOException {
    Run run = Run.of("-o", dir.toString(), "-f", "json", "--update", "0.1", "--params", "W1,b1", "-e", LAYER);
    assertEquals(Main.OK, run.exit(), run.err());
    Path out = Files.list(dir).filter(Files::isDirectory).findFirst().orElseThrow();
    JsonNode parameters = new ObjectMapper().readTree(out.resolve("trace.json").toFile()).get("training").get(0)
        .get("parameters");
    List<String> ids = new ArrayList<>();
    parameters.forEach(p -> ids.add(p.get("id").asText()));
    assertEquals(List.of("W1[1,1]", "W1[1,2]", "W1[2,1]", "W1[2,2]", "W1[3,1]", "W1[3,2]", "b1[1]", "b1[2]",
        "b1[3]"), ids);
    Run data = Run.of("-o", dir.resolve("data").toString(), "-f", "json", "--update", "0.1", "--data", "x,y", "-e",
        LAYER);
    assertEquals(Main.OK, data.exit(), data.err());
    assertTrue(Files.readString(Files.list(dir.resolve("data")).findFirst().orElseThrow().resolve("trace.json"))
        .contains("\"W1[3,2]\""));
  }

  @Test
  void aShapeErrorIsReportedAsEveryErrorIs() {
    Run run = Run.of("-o", dir.toString(), "-e", "x = [1, 2, 3]\nW1 = [[1, 2], [3, 4], [5, 6]]\nh = W1 @ x\n"
        + "y = sum(h)");
    assertEquals(Main.BAD_INPUT, run.exit());
    assertTrue(run.err().contains(":3:8: error: W1 @ x: W1 is 3×2, x has 3 elements"), run.err());
    assertTrue(run.err().contains("h = W1 @ x\n       ^"), run.err());
  }
}
