package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The syntax a Python user reaches for, --output, names in every format, and errors that say what to write. */
class LanguageTest {
  @TempDir Path dir;

  private JsonNode trace(String program, String... options) throws IOException {
    String[] args = new String[options.length + 6];
    System.arraycopy(new String[] {"-o", dir.toString(), "-f", "json", "-e", program}, 0, args, 0, 6);
    System.arraycopy(options, 0, args, 6, options.length);
    Run run = Run.of(args);
    assertEquals(Main.OK, run.exit(), run.err());
    return new ObjectMapper().readTree(dir.resolve("expression/trace.json").toFile());
  }

  private static JsonNode node(JsonNode trace, String id) {
    for (JsonNode n : trace.get("nodes")) {
      if (n.get("id").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError("no node " + id);
  }

  /** The error printed for {@code program} as a file {@code lecture.grad}: message line, source line, caret. */
  private String error(String program) throws IOException {
    Path file = dir.resolve("lecture.grad");
    Files.writeString(file, program, StandardCharsets.UTF_8);
    Run run = Run.of("-o", dir.resolve("out").toString(), file.toString());
    assertEquals(Main.BAD_INPUT, run.exit(), run.err());
    return run.err().replace(file.toString(), "lecture.grad");
  }

  @Test
  void semicolonsAndDoubleStarWorkOnTheCommandLine() throws IOException {
    JsonNode trace = trace("x = 3; y = x ** 2");
    assertEquals(9.0, node(trace, "y").get("value").asDouble());
    assertEquals(6.0, node(trace, "x").get("grad").asDouble());
    assertEquals("power", node(trace, "y").get("op").asText());
  }

  @Test
  void maxAndMinAreOpsOfTheTraceAndSplitATie() throws IOException {
    JsonNode trace = trace("a = 2; b = 2; c = 5; y = max(a, b) * min(c, ln(c))");
    assertEquals("multiply", node(trace, "y").get("op").asText());
    assertEquals("max", node(trace, "y-1").get("op").asText());
    assertEquals("min", node(trace, "y-3").get("op").asText());
    double half = Math.log(5) / 2;
    assertEquals(half, node(trace, "a").get("grad").asDouble(), 1e-12);
    assertEquals(half, node(trace, "b").get("grad").asDouble(), 1e-12);
  }

  @Test
  void outputSeedsTheGradientAtTheNamedVariable() throws IOException {
    JsonNode trace = trace("x = 3\nu = x * x\ny = u + 1", "--output", "u");
    assertEquals("u", trace.get("output").asText());
    assertEquals(6.0, node(trace, "x").get("grad").asDouble());
    assertEquals("Backward pass, starting at u: ∂u/∂u = 1, since u changes one for one with itself",
        trace.get("frames").get(1).get("caption").asText());
  }

  @Test
  void anUndefinedOutputIsAnErrorThatSuggestsTheName() {
    Run run = Run.of("-o", dir.toString(), "-e", "x = 3\nloss = x * x", "--output", "los");
    assertEquals(Main.BAD_INPUT, run.exit());
    assertTrue(run.err().contains("--output: no statement defines 'los'; did you mean 'loss'?"), run.err());
    assertEquals(Main.USAGE, Run.of("-o", dir.toString(), "-e", "x = 3", "--output", "a b").exit());
  }

  @Test
  void misspeltFunctionIsReportedWithItsPlaceLineAndCaret() throws IOException {
    assertEquals("lecture.grad:2:5: error: Unknown function 'sigmod'; did you mean 'sigmoid'?\n"
        + "y = sigmod(x)\n    ^\n", error("x = 1\ny = sigmod(x)\n"));
  }

  @Test
  void numberRunIntoANameSaysToWriteTheProduct() throws IOException {
    assertEquals("lecture.grad:2:6: error: Expected an operator after the number; write 2 * x.\n"
        + "y = 2x + 1\n     ^\n", error("x = 1\ny = 2x + 1\n"));
  }

  @Test
  void nameUsedBeforeItsDefinitionSaysWhere() throws IOException {
    assertEquals("lecture.grad:2:9: error: 'y' is defined on line 3, after this use; define it before it is used.\n"
        + "z = x * y\n        ^\n", error("x = 1\nz = x * y\ny = 2\n"));
  }

  @Test
  void callingAFunctionANameShadowsSaysToRenameTheVariable() throws IOException {
    assertEquals("lecture.grad:3:5: error: 'sum' is a variable here (defined at 2:1); rename it to call the function"
        + " sum().\ny = sum(v)\n    ^\n", error("v = [1, 2]\nsum = v[1] + 1\ny = sum(v)\n"));
  }

  @Test
  void aShadowingNameUsedBeforeItsDefinitionSaysWhere() throws IOException {
    assertEquals("lecture.grad:2:5: error: 'exp' is defined on line 3, after this use; define it before it is used.\n"
        + "y = exp + 1\n    ^\n", error("x = 1\ny = exp + 1\nexp = 2\n"));
  }

  @Test
  void theCs231nNeuronRendersWithDotAsAVariable() throws IOException {
    JsonNode trace = trace(Files.readString(Path.of("bench/teaching/cs231n-neuron-notes.grad")));
    assertEquals(1.0, node(trace, "dot").get("value").asDouble(), 1e-12);
    // a variable computed by the program: an addition in the ops view, a statement in the statements view
    assertTrue(java.util.Set.of("add", "statement").contains(node(trace, "dot").get("op").asText()), trace.toString());
  }

  @Test
  void misspeltNameSuggestsADefinedOne() throws IOException {
    assertTrue(error("weight = 1\nloss = wieght ** 2\n").startsWith(
        "lecture.grad:2:8: error: 'wieght' is not defined; did you mean 'weight'?\n"));
  }

  @Test
  void wrongNumberOfArgumentsSaysHowManyTheFunctionTakes() throws IOException {
    assertEquals("lecture.grad:1:12: error: 'max' takes two arguments, max(a, b); it was given 3.\n"
        + "x = 1; y = max(x, 2, 3)\n           ^\n", error("x = 1; y = max(x, 2, 3)\n"));
  }

  @Test
  void captionsOfSeveralEpochsSayTheEpoch() throws IOException {
    Run run = Run.of("-o", dir.toString(), "-f", "json", "--update", "0.05", "--data", "x,y", "--epochs", "2",
        "samples/one-neuron.grad");
    assertEquals(Main.OK, run.exit(), run.err());
    JsonNode frames = new ObjectMapper().readTree(dir.resolve("one-neuron/trace.json").toFile()).get("frames");
    for (JsonNode frame : frames) {
      int epoch = frame.get("epoch").asInt();
      String prefix = epoch <= 2 ? "Epoch " + epoch + " of 2: " : "After 2 epochs: ";
      assertTrue(frame.get("caption").asText().startsWith(prefix), frame.get("caption").asText());
    }
    JsonNode single = trace("x = 3; y = x * x");
    assertFalse(single.get("frames").get(0).get("caption").asText().startsWith("Epoch"));
  }

  /** One rule in every text format: captions.txt, Markdown, DOT and the trace's captions. */
  @Test
  void namesHaveTheSameSubscriptsInEveryFormat() throws IOException {
    Run run = Run.of("-o", dir.toString(), "-f", "json,md,dot", "--caption", "file", "-e",
        "x1 = 2; w1 = 3; x1w1 = x1 * w1; h1_3 = x1w1 + 1");
    assertEquals(Main.OK, run.exit(), run.err());
    Path out = dir.resolve("expression");
    for (String file : new String[] {"captions.txt", "expression.md", "expression.dot", "trace.json"}) {
      String text = Files.readString(out.resolve(file), StandardCharsets.UTF_8);
      assertTrue(text.contains("x₁w₁") && text.contains("h₁,₃"), file + ":\n" + text);
      assertFalse(text.contains("x_1w1") || text.contains("h_1,3") || text.contains("x_1"), file + ":\n" + text);
    }
  }

  @Test
  void aThemeTurnsSubscriptsOff() throws IOException {
    Path theme = dir.resolve("plain.theme");
    Files.writeString(theme, "# names as written\nnames.subscripts = off\n");
    Run run = Run.of("-o", dir.toString(), "-f", "svg,json", "--caption", "file", "--theme", theme.toString(), "-e",
        "x1 = 2; w1 = 3; x1w1 = x1 * w1");
    assertEquals(Main.OK, run.exit(), run.err());
    String captions = Files.readString(dir.resolve("expression/captions.txt"), StandardCharsets.UTF_8);
    assertTrue(captions.contains("∂x1w1/∂x1"), captions);
    assertFalse(captions.contains("₁"), captions);
    Files.writeString(theme, "names.subscripts = maybe\n");
    Run wrong = Run.of("-o", dir.toString(), "--theme", theme.toString(), "-e", "x = 1");
    assertTrue(wrong.err().contains("'names.subscripts' must be 'on' or 'off', not 'maybe'."), wrong.err());
  }

  @Test
  void anOutputThatIsAVectorSaysToNameOneOfItsElements() {
    Run run = Run.of("-o", dir.toString(), "-f", "json", "--output", "h", "-e", "x = [1, 2]\nh = x * 2\ny = sum(h)\n");
    assertEquals(Main.BAD_INPUT, run.exit());
    assertTrue(run.err().contains("--output: 'h' is a vector or matrix of 2 elements, and the output is one number;"
        + " name one of them, such as 'h[1]'."), run.err());
    Run element = Run.of("-o", dir.toString(), "-f", "json", "--output", "h[1]", "-e", "x = [1, 2]\nh = x * 2\n"
        + "y = sum(h)\n");
    assertEquals(Main.OK, element.exit(), element.err());
  }
}
