package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** The options that make frames teach: edge labels, caption placement, forward steps, updates, epochs. */
class TeachingOptionsTest {
  @TempDir Path dir;

  private Path render(String sample, String... options) {
    String[] args = new String[options.length + 3];
    args[0] = "-o";
    args[1] = dir.toString();
    System.arraycopy(options, 0, args, 2, options.length);
    args[args.length - 1] = "samples/" + sample + ".grad";
    Run run = Run.of(args);
    assertEquals(Main.OK, run.exit(), run.err());
    return dir.resolve(sample);
  }

  private static String text(Path svg, String id) {
    Map<String, Element> groups = FramesTest.groups(FramesTest.xml(svg));
    return groups.get(id).getTextContent().replaceAll("\\s+", " ");
  }

  private static String edgeInto(JsonNode trace, String from, String to) {
    for (JsonNode e : trace.get("edges")) {
      if (e.get("from").asText().equals(from) && e.get("to").asText().equals(to)) {
        return e.get("id").asText();
      }
    }
    throw new AssertionError("no edge " + from + " -> " + to);
  }

  @Test
  void localLabelsShowTheFormulaAndItsNumberDuringTheBackwardPass() throws IOException {
    Path out = render("advanced", "-f", "svg,json");
    JsonNode trace = new ObjectMapper().readTree(out.resolve("trace.json").toFile());
    String edge = edgeInto(trace, "u1", "u3");
    assertTrue(text(out.resolve("frame-003.svg"), edge).contains("∂u3/∂u1 = u2 = −2"),
        text(out.resolve("frame-003.svg"), edge));
    assertTrue(!text(out.resolve("frame-000.svg"), edge).contains("∂"), "no labels in the forward frame");
    assertTrue(text(out.resolve("frame-005.svg"), edgeInto(trace, "u2", "u4")).contains("2u2 = −4"));
  }

  @Test
  void flowLabelsShowTheContributionOnceItTravels() throws IOException {
    Path out = render("advanced", "-f", "svg,json", "--edge-labels", "flow");
    JsonNode trace = new ObjectMapper().readTree(out.resolve("trace.json").toFile());
    String edge = edgeInto(trace, "u1", "u3");
    assertTrue(!text(out.resolve("frame-002.svg"), edge).contains("="), "u3 has not stepped yet");
    assertTrue(text(out.resolve("frame-003.svg"), edge).contains("4 · (−2) = −8"));
  }

  @Test
  void noEdgeLabelsKeepsTheLayoutTight() throws IOException {
    Path labelled = render("chain-rule", "-f", "json");
    double wide = new ObjectMapper().readTree(labelled.resolve("trace.json").toFile()).get("canvas").get("width")
        .asDouble();
    Files.walk(labelled).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    Path plain = render("chain-rule", "-f", "json", "--edge-labels", "none", "--caption", "none");
    double narrow = new ObjectMapper().readTree(plain.resolve("trace.json").toFile()).get("canvas").get("width")
        .asDouble();
    assertTrue(narrow < wide, narrow + " < " + wide);
  }

  @Test
  void captionFileHasOneLinePerFrameAndThePictureNone() throws IOException {
    Path out = render("advanced", "-f", "svg", "--caption", "file");
    String[] lines = Files.readString(out.resolve("captions.txt")).split("\n");
    assertEquals(7, lines.length);
    String svg = Files.readString(out.resolve("frame-003.svg"));
    assertTrue(svg.contains("-node-y\"") && !svg.contains("-caption\""), "no caption group");
    assertTrue(svg.matches("(?s).*<title id=\"[^\"]+-frame-title\">∂y/∂u₁ = .*"), "the frame's title still says it");
  }

  @Test
  void paramsNameMatrixElementsWhoseIndicesHaveACommaInside() throws IOException {
    Run run = Run.of("-o", dir.toString(), "-f", "json", "--update", "0.1", "--params", "W[1,2], b", "-e",
        "x = [1, 2]\nW = [[0.5, -0.5], [0.25, 1]]\nb = 0.1\nloss = sum(W @ x) + b\n");
    assertEquals(Main.OK, run.exit(), run.err());
    JsonNode parameters = new ObjectMapper().readTree(dir.resolve("expression/trace.json").toFile())
        .get("training").get(0).get("parameters");
    java.util.List<String> ids = new java.util.ArrayList<>();
    parameters.forEach(p -> ids.add(p.get("id").asText()));
    assertEquals(java.util.List.of("W[1,2]", "b"), ids, "W[1,2] is one element, not 'W[1' and '2]'");
  }

  @Test
  void updateIsRecordedInTheTrace() throws IOException {
    Path out = render("one-neuron", "-f", "json", "--update", "0.01", "--params", "w,b");
    JsonNode training = new ObjectMapper().readTree(out.resolve("trace.json").toFile()).get("training");
    assertEquals(1, training.size());
    JsonNode epoch = training.get(0);
    assertEquals(0.01, epoch.get("learningRate").asDouble());
    assertEquals(3.61, epoch.get("outputBefore").asDouble(), 1e-12);
    assertEquals(2.87, epoch.get("outputAfter").asDouble(), 0.005);
    assertEquals("w", epoch.get("parameters").get(0).get("id").asText());
    assertEquals(1.0798, epoch.get("parameters").get(0).get("after").asDouble(), 1e-12);
  }

  @Test
  void epochsShareOneLayout() throws IOException {
    Path out = render("one-neuron", "-f", "svg", "--update", "0.05", "--data", "x,y", "--epochs", "3");
    String canvas = null;
    for (Path svg : FramesTest.files(out, ".svg")) {
      // The root's line without the ids, which are the frame's own.
      String head = Files.readString(svg).split("\n")[1].replaceAll(" (id|aria-labelledby)=\"[^\"]*\"", "");
      canvas = canvas == null ? head : canvas;
      assertEquals(canvas, head, svg.toString());
    }
    assertEquals(3 * 7 + 1, FramesTest.files(out, ".svg").size());
  }

  @Test
  void trainingOptionsNeedUpdate() {
    assertEquals(Main.USAGE, Run.of("--epochs", "2", "samples/one-neuron.grad").exit());
    assertEquals(Main.USAGE, Run.of("--update", "-1", "samples/one-neuron.grad").exit());
    assertEquals(Main.USAGE, Run.of("--edge-labels", "all", "samples/one-neuron.grad").exit());
    assertEquals(Main.USAGE, Run.of("--steps", "edge", "samples/one-neuron.grad").exit());
  }

  @Test
  void dataWithoutAnUpdateIsDrawnWithoutAGradient() throws IOException {
    JsonNode all = new ObjectMapper().readTree(render("advanced", "-f", "json").resolve("trace.json").toFile());
    for (String option : List.of("--data=x1,x2", "--params=x3,x4")) {
      JsonNode trace = new ObjectMapper().readTree(render("advanced", "-f", "json", option).resolve("trace.json")
          .toFile());
      for (JsonNode node : trace.get("nodes")) {
        String id = node.get("id").asText();
        if (id.equals("x1") || id.equals("x2")) {
          assertTrue(node.get("grad").isNull(), option + ": " + id);
        } else if (node.get("grad").isNumber()) {
          assertEquals(find(all, id).get("grad").asDouble(), node.get("grad").asDouble(), option + ": " + id);
        }
      }
      for (JsonNode frame : trace.get("frames")) {
        assertTrue(!frame.get("changes").has("x1") && !frame.get("changes").has("x2"), option);
      }
      assertEquals(all.get("frames").size() - 1, trace.get("frames").size(), option + ": u1 takes no step");
    }
  }

  private static JsonNode find(JsonNode trace, String id) {
    for (JsonNode n : trace.get("nodes")) {
      if (n.get("id").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError(id);
  }

  @Test
  void aMistypedDataNameIsAnErrorWithoutAnUpdateToo() {
    Run run = Run.of("-o", dir.toString(), "--data", "xx", "samples/one-neuron.grad");
    assertEquals(Main.BAD_INPUT, run.exit());
    assertTrue(run.err().contains("--data: 'xx' is not an input of this program"), run.err());
  }

  @Test
  void aMistypedDataNameIsAnErrorToo() {
    Run run = Run.of("-o", dir.toString(), "--update", "0.1", "--params", "w", "--data", "xx",
        "samples/one-neuron.grad");
    assertEquals(Main.BAD_INPUT, run.exit());
    assertTrue(run.err().contains("--data: 'xx' is not an input of this program"), run.err());
  }

  @Test
  void unknownParameterIsAnErrorOfThatProgram() {
    Run run = Run.of("-o", dir.toString(), "--update", "0.1", "--params", "w,q", "samples/one-neuron.grad");
    assertEquals(Main.BAD_INPUT, run.exit());
    assertTrue(run.err().contains("--params: 'q' is not an input of this program"), run.err());
  }

  @Test
  void aCaptionCutInThePictureIsSaidOnceAndWrittenWholeWithCaptionFile() throws Exception {
    StringBuilder program = new StringBuilder("a = 2\n");
    StringBuilder sum = new StringBuilder("y = 0");
    for (int i = 1; i <= 14; i++) {
      program.append("b").append(i).append(" = ").append(i).append('\n');
      sum.append(" + a * b").append(i);
    }
    Path cut = dir.resolve("cut.grad");
    Files.writeString(cut, program + sum.toString() + "\n");
    Run below = Run.of("-o", dir.resolve("below").toString(), "-f", "svg", "--view", "statements", cut.toString());
    assertEquals(Main.OK, below.exit(), below.err());
    java.util.regex.Matcher note = java.util.regex.Pattern.compile("note: the captions of (\\d+) frames? (is|are)"
        + " longer than the picture shows").matcher(below.err());
    assertTrue(note.find(), below.err());
    int cutFrames = 0;
    try (var frames = Files.list(dir.resolve("below/cut"))) {
      for (Path frame : frames.filter(f -> f.toString().endsWith(".svg")).toList()) {
        cutFrames += Files.readString(frame).matches("(?s).*… and \\d+ more lines.*") ? 1 : 0;
      }
    }
    assertEquals(Integer.parseInt(note.group(1)), cutFrames, "the note counts the frames whose caption ends so");
    Run file = Run.of("-o", dir.resolve("file").toString(), "-f", "json", "--view", "statements", "--caption",
        "file", cut.toString());
    assertEquals(Main.OK, file.exit(), file.err());
    assertFalse(file.err().contains("captions of"), "nothing is cut when the captions are a file: " + file.err());
  }
}
