package org.gradframes.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradframes.cli.Main;
import org.gradframes.render.text.NumberText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The live HTML stepper in headless Chromium: after two inputs are changed in the page (one typed into its field,
 * one through {@code window.gradframes.set}), every number it shows in every frame is the number the command line
 * renders for the edited program, its node boxes stay where they were, and its warnings are the command line's.
 */
class LiveStepperTest {
  /** The light theme's significant digits, which these renders use. */
  private static final int PRECISION = 5;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A number slot in a title's template: the slot's name, then the number as first written. */
  private static final Pattern MARKED = Pattern.compile("\uE000([^\uE001]*)\uE001[^\uE002]*\uE002");
  /** A layer of two tanh neurons and a softmax cross-entropy, drawn a statement a node. */
  private static final String VECTORS = """
      x = [%s, %s]
      W = [[0.4, -0.3], [0.2, 0.8]]
      h = tanh(W @ x)
      p = softmax(2 * h)
      loss = -log(p[2])
      """;
  /** Every node box's place and size, by id. */
  private static final String BOXES = """
      [...document.querySelectorAll('#gradframes svg g.node')].map(g => {
        const r = g.querySelector('rect');
        return g.id + ' ' + ['x', 'y', 'width', 'height'].map(a => r.getAttribute(a)).join(' ');
      }).sort()""";
  /** What the frame shown says: every number slot with its text, and the caption. */
  private static final String SHOWN = """
      ({
        slots: [...document.querySelectorAll('#gradframes svg [data-q]')]
            .map(t => [t.getAttribute('data-q'), t.textContent]),
        titles: [...document.querySelectorAll('#gradframes svg [data-t]')]
            .map(t => [t.getAttribute('data-t'), t.textContent]),
        caption: document.getElementById('caption').textContent
      })""";

  @TempDir static Path dir;
  static Chromium chromium;
  static DevTools page;
  int from;

  @BeforeEach
  void open() throws IOException {
    if (chromium == null) {
      chromium = Chromium.start();
      page = chromium.openPage();
    }
    from = page.mark();
  }

  @AfterAll
  static void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"chain-rule", "advanced", "sin-square", "one-neuron", "sigmoid"})
  void aSampleWithTwoInputsChangedShowsTheEditedProgramsNumbers(String name) throws IOException {
    String source = Files.readString(Path.of("samples/" + name + ".grad"));
    List<String> inputs = scalarInputs(source);
    Map<String, Double> edits = new LinkedHashMap<>();
    for (String input : inputs.subList(0, Math.min(2, inputs.size()))) {
      edits.put(input, edited(inputValue(source, input)));
    }
    String text = source;
    for (Map.Entry<String, Double> e : edits.entrySet()) {
      text = text.replaceFirst("(?m)^" + Pattern.quote(e.getKey()) + " = .*$", e.getKey() + " = " + e.getValue());
    }
    assertEditedPageMatches(name, source, edits, text);
  }

  /** The two 486-node network samples, edited in their default network view (about 14 s for the two). */
  @ParameterizedTest
  @ValueSource(strings = {"network", "network-vectors"})
  void theNetworkSamplesWithTwoInputsChangedShowTheEditedProgramsNumbers(String name) throws IOException {
    aSampleWithTwoInputsChangedShowsTheEditedProgramsNumbers(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"circuit", "micrograd"})
  void theOtherDrawingStylesFollowTheInputsToo(String style) throws IOException {
    String source = Files.readString(Path.of("samples/advanced.grad"));
    Map<String, Double> edits = new LinkedHashMap<>();
    edits.put("x1", 3.5);
    edits.put("x3", -0.25);
    String edited = source.replaceFirst("(?m)^x1 = .*$", "x1 = 3.5").replaceFirst("(?m)^x3 = .*$", "x3 = -0.25");
    assertEditedPageMatches("advanced-" + style, source, edits, edited, "--style", style);
  }

  @Test
  void forwardStepsAndStepsByLevelFollowTheInputsToo() throws IOException {
    String source = Files.readString(Path.of("samples/advanced.grad"));
    Map<String, Double> edits = new LinkedHashMap<>();
    edits.put("x2", -4.5);
    edits.put("x4", 1.75);
    String edited = source.replaceFirst("(?m)^x2 = .*$", "x2 = -4.5").replaceFirst("(?m)^x4 = .*$", "x4 = 1.75");
    assertEditedPageMatches("advanced-levels", source, edits, edited, "--forward", "--steps", "level");
  }

  @Test
  void aVectorProgramWithTwoElementsChangedShowsTheEditedProgramsNumbers() throws IOException {
    Map<String, Double> edits = new LinkedHashMap<>();
    edits.put("x[1]", -0.75);
    edits.put("x[2]", 2.5);
    assertEditedPageMatches("layer", VECTORS.formatted("1.5", "-0.5"), edits, VECTORS.formatted("-0.75", "2.5"),
        "--view", "statements");
  }

  @Test
  void theNumberPortWritesWhatJavaWritesForTenThousandDoubles() throws IOException {
    java.util.Random random = new java.util.Random(21);
    List<Double> values = new ArrayList<>(List.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 1e-300, -1e-300, 1e300, -1e300, Double.MIN_VALUE, Double.MAX_VALUE, 1e-12,
        9.999999999999e-13, 0.125, 2.5, 0.45, 1e7, 9999999.5, 1e-4, 9.99995e-5, 12345678.9, 1e15, 999999999999999.0,
        -123.456, 0.1 + 0.2));
    while (values.size() < 10_000) {
      double v = switch (values.size() % 4) {
        case 0 -> Double.longBitsToDouble(random.nextLong());
        case 1 -> (random.nextBoolean() ? -1 : 1) * Math.pow(10, random.nextDouble() * 40 - 20);
        case 2 -> Math.round(random.nextGaussian() * 1e6) / 1000.0;
        default -> (random.nextInt(2000) - 1000) / 8.0 * Math.pow(10, random.nextInt(9) - 4);
      };
      values.add(v);
    }
    List<Integer> digits = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      // Every fourth number with --decimals' fixed decimals, 0 to 12.
      digits.add(i % 4 == 3 ? NumberText.decimals(random.nextInt(13)) : 1 + random.nextInt(17));
    }
    page.navigate("about:blank");
    String script = new String(getClass().getResourceAsStream("/org/gradframes/render/format/numbers.js")
        .readAllBytes(), StandardCharsets.UTF_8);
    List<String> texts = values.stream().map(v -> Double.toString(v)).toList();
    JsonNode shown = page.evaluate("(() => {\n" + script + "\nconst values = " + JSON.writeValueAsString(texts)
        + ", digits = " + JSON.writeValueAsString(digits)
        + ";\nreturn values.map((v, i) => numberText(Number(v), digits[i]));\n})()");
    int wrong = 0;
    String first = null;
    for (int i = 0; i < values.size(); i++) {
      String java = NumberText.format(values.get(i), digits.get(i));
      if (!java.equals(shown.get(i).asText())) {
        wrong++;
        first = first != null ? first : values.get(i) + " to " + digits.get(i) + " digits: Java " + java + ", page "
            + shown.get(i).asText();
      }
    }
    assertEquals(0, wrong, "numbers written otherwise than Java writes them, the first " + first);
  }

  @Test
  void warningsFollowTheInputsAsTheCommandLinePrintsThem() throws IOException {
    String source = "x = 2\nz = 1\nu = log(x)\nv = z / x\ny = u + v\n";
    Path html = render(write("warn", "warn.grad", source), dir.resolve("warn-out"), "html").resolve("warn.html");
    page.navigate(html.toUri().toString());
    assertTrue(warningsShown().isEmpty(), "no warnings for the program as written: " + warningsShown());
    page.evaluate("window.gradframes.set('x', -1)");
    assertEquals(commandLineWarnings(source.replace("x = 2", "x = -1")), warningsShown(), "log of a negative");
    page.evaluate("window.gradframes.set('x', 0)");
    assertEquals(commandLineWarnings(source.replace("x = 2", "x = 0")), warningsShown(), "a division by zero");
    page.evaluate("window.gradframes.reset()");
    assertTrue(warningsShown().isEmpty(), "reset takes the warnings away: " + warningsShown());
    assertEquals("polite", page.evaluate("document.getElementById('live-warnings').getAttribute('aria-live')")
        .asText());
    assertEquals(List.of(), page.errors(from));
  }

  @Test
  void longerNumbersAreSqueezedIntoTheirBoxesInEveryFrame() throws IOException {
    Path html = render(write("long", "advanced.grad", Files.readString(Path.of("samples/advanced.grad"))),
        dir.resolve("long-out"), "html").resolve("advanced.html");
    page.navigate(html.toUri().toString());
    page.evaluate("window.gradframes.set('x1', -123456.789); window.gradframes.set('x4', 0.000123456)");
    int count = page.evaluate("window.gradframes.count").asInt();
    int squeezed = 0;
    for (int f = 0; f < count; f++) {
      page.evaluate("window.gradframes.go(" + f + ")");
      JsonNode texts = page.evaluate("[...document.querySelectorAll('#gradframes svg text[data-w]')]"
          + ".map(t => [t.textContent, t.getBBox().width, Number(t.getAttribute('data-w')), t.hasAttribute('textLength')])");
      for (JsonNode t : texts) {
        assertTrue(t.get(1).asDouble() <= t.get(2).asDouble() + 0.5, "frame " + f + ": '" + t.get(0).asText()
            + "' is " + t.get(1).asDouble() + " wide, its box leaves " + t.get(2).asDouble() + ", squeezed " + t.get(3));
        squeezed += t.get(3).asBoolean() ? 1 : 0;
      }
    }
    assertTrue(squeezed > 0, "some number grew past its box and was squeezed");
    assertEquals(List.of(), page.errors(from));
  }

  @Test
  void theInputsAreLabelledAndKeysTypedIntoThemStayThere() throws IOException {
    Path html = render(write("keys", "keys.grad", "a = 3\nb = -1\nc = a * b\ny = c * c\n"), dir.resolve("keys-out"),
        "html").resolve("keys.html");
    page.navigate(html.toUri().toString());
    assertEquals("[\"Input a\",\"Input a, slider\",\"Input b\",\"Input b, slider\"]",
        page.evaluate("JSON.stringify([...document.querySelectorAll('#live-inputs input')]"
            + ".map(i => i.getAttribute('aria-label')))").asText(), "every field labelled, in Tab order");
    page.evaluate("window.gradframes.go(2)");
    page.evaluate("document.querySelector('#live-inputs input[data-input=\"a\"]').focus()");
    page.press("ArrowRight");
    page.press("Home");
    assertEquals(2, page.evaluate("window.gradframes.index()").asInt(), "the stepper keeps its frame");
    page.press("End");
    page.evaluate("document.getElementById('live-reset').focus()");
    page.press("ArrowRight");
    assertEquals(3, page.evaluate("window.gradframes.index()").asInt(), "outside the fields the keys step");
    assertEquals(List.of(), page.errors(from));
  }

  @Test
  void liveOffWritesAPageWithoutInputsAndTheSameFrames() throws IOException {
    Path file = write("off", "chain-rule.grad", Files.readString(Path.of("samples/chain-rule.grad")));
    Path out = dir.resolve("off-out");
    Path on = dir.resolve("on-out");
    assertEquals(Main.OK, cli("-o", out.toString(), "-f", "html,svg", "--live", "off", file.toString()).exit());
    assertEquals(Main.OK, cli("-o", on.toString(), "-f", "html,svg", file.toString()).exit());
    for (Path svg : Render.files(out.resolve("chain-rule"), ".svg")) {
      assertEquals(Files.readString(svg), Files.readString(on.resolve("chain-rule").resolve(svg.getFileName())),
          "live inputs change the page alone, not the SVG frames or their ids: " + svg.getFileName());
    }
    String html = Files.readString(out.resolve("chain-rule/chain-rule.html"));
    assertFalse(html.contains("id=\"live\"") || html.contains("data-q") || html.contains("var live"),
        "a page with --live off has no inputs, slots or evaluator");
    page.navigate(out.resolve("chain-rule/chain-rule.html").toUri().toString());
    assertEquals("undefined", page.evaluate("typeof window.gradframes.set").asText());
    assertEquals(2, cli("-o", out.toString(), "-f", "html", "--live", "maybe", file.toString()).exit(),
        "--live takes on or off");
  }

  /**
   * Opens the live page of {@code source}, changes {@code edits}, and checks every frame against the trace the command
   * line writes for {@code edited}: values and gradients to 1e-12 relative, every number shown as Java writes it,
   * every caption, and the node boxes where they were.
   */
  private void assertEditedPageMatches(String name, String source, Map<String, Double> edits, String edited,
      String... options) throws IOException {
    Path html = render(write(name, name + ".grad", source), dir.resolve(name + "-out"), "html", options)
        .resolve(name + ".html");
    page.navigate(html.toUri().toString());
    JsonNode boxes = page.evaluate(BOXES);
    assertTrue(boxes.size() > 3, name + ": the page has node boxes " + boxes);
    boolean typed = false;
    for (Map.Entry<String, Double> e : edits.entrySet()) {
      String value = JSON.writeValueAsString(e.getValue());
      String input = JSON.writeValueAsString(e.getKey());
      if (!typed) {
        page.evaluate("(() => { const f = document.querySelector('#live-inputs input[data-input=\"' + " + input
            + " + '\"]'); f.value = " + value + "; f.dispatchEvent(new Event('input')); })()");
        typed = true;
      } else {
        page.evaluate("window.gradframes.set(" + input + ", " + value + ")");
      }
    }
    JsonNode trace = JSON.readTree(render(write(name + "-edited", name + ".grad", edited),
        dir.resolve(name + "-edited-out"), "json", options).resolve("trace.json").toFile());
    JsonNode page = LiveStepperTest.page.evaluate("window.gradframes.values()");
    for (Map.Entry<String, Double> e : edits.entrySet()) {
      assertEquals(e.getValue(), page.get("inputs").get(e.getKey()).asDouble(), "input " + e.getKey());
    }
    JsonNode nodes = trace.get("nodes");
    for (int k = 0; k < nodes.size(); k++) {
      assertClose(nodes.get(k).get("value").asDouble(), page.get("values").get(k).asDouble(),
          name + " value of " + nodes.get(k).get("id").asText());
      if (nodes.get(k).has("grad")) {
        assertClose(nodes.get(k).get("grad").asDouble(), page.get("gradients").get(k).asDouble(),
            name + " gradient of " + nodes.get(k).get("id").asText());
      }
    }
    Map<String, Double> expected = quantities(trace);
    int count = trace.get("frames").size();
    int slots = 0;
    for (int f = 0; f < count; f++) {
      LiveStepperTest.page.evaluate("window.gradframes.go(" + f + ")");
      JsonNode shown = LiveStepperTest.page.evaluate(SHOWN);
      assertEquals(trace.get("frames").get(f).get("caption").asText(), shown.get("caption").asText(),
          name + " caption of frame " + f);
      for (JsonNode slot : shown.get("slots")) {
        assertEquals(written(slot.get(0).asText(), expected, name + " frame " + f), slot.get(1).asText(),
            name + " frame " + f + " slot " + slot.get(0).asText());
        slots++;
      }
      for (JsonNode title : shown.get("titles")) {
        Matcher m = MARKED.matcher(title.get(0).asText());
        StringBuilder text = new StringBuilder();
        while (m.find()) {
          m.appendReplacement(text, Matcher.quoteReplacement(written(m.group(1), expected, name + " frame " + f)));
        }
        assertEquals(m.appendTail(text).toString(), title.get(1).asText(), name + " frame " + f + " title");
        slots++;
      }
      assertEquals(boxes, LiveStepperTest.page.evaluate(BOXES), name + " node boxes in frame " + f);
    }
    assertTrue(slots > count, name + ": the frames show numbers as slots (" + slots + ")");
    assertEquals(List.of(), LiveStepperTest.page.errors(from));
  }

  /** A slot's number as Java writes it; {@code (} before the slot's name puts a negative in parentheses. */
  private static String written(String slot, Map<String, Double> expected, String where) {
    String key = slot.startsWith("(") ? slot.substring(1) : slot;
    assertTrue(expected.containsKey(key), where + " shows " + slot + ", which the trace has not");
    String text = NumberText.format(expected.get(key), PRECISION);
    return slot.startsWith("(") && text.startsWith("\u2212") ? "(" + text + ")" : text;
  }

  /**
   * Every quantity a slot can name, from the trace: v3 the value of node 3, u5/l5/a5 the upstream gradient, local
   * derivative and amount along edge 5, g3.2 node 3's gradient after its first two contributions (their sum, in
   * the order the frames send them), g3.0 1 for the output and 0 for the others.
   */
  private static Map<String, Double> quantities(JsonNode trace) {
    Map<String, Double> q = new HashMap<>();
    Map<String, Integer> index = new HashMap<>();
    JsonNode nodes = trace.get("nodes");
    for (int k = 0; k < nodes.size(); k++) {
      index.put(nodes.get(k).get("id").asText(), k);
      q.put("v" + k, nodes.get(k).get("value").asDouble());
      q.put("g" + k + ".0", nodes.get(k).get("id").asText().equals(trace.get("output").asText()) ? 1.0 : 0.0);
    }
    Map<Integer, Double> sums = new HashMap<>();
    Map<Integer, Integer> received = new HashMap<>();
    for (JsonNode frame : trace.get("frames")) {
      for (JsonNode c : frame.path("contributions")) {
        String edge = c.get("edge").asText().substring("edge-".length());
        q.put("u" + edge, c.get("upstream").asDouble());
        q.put("l" + edge, c.get("local").asDouble());
        q.put("a" + edge, c.get("amount").asDouble());
        int to = index.get(c.get("to").asText());
        double sum = sums.merge(to, c.get("amount").asDouble(), Double::sum);
        q.put("g" + to + "." + received.merge(to, 1, Integer::sum), sum);
      }
    }
    return q;
  }

  private static void assertClose(double expected, double actual, String what) {
    if (Double.isNaN(expected) || Double.isInfinite(expected)) {
      assertEquals(expected, actual, what);
      return;
    }
    double tolerance = 1e-12 * Math.max(Math.abs(expected), Math.abs(actual));
    assertTrue(Math.abs(expected - actual) <= tolerance, what + ": expected " + expected + ", the page has " + actual);
  }

  private String warningsShown() throws IOException {
    return page.evaluate("document.getElementById('live-warnings').textContent").asText();
  }

  /** The warnings the command line prints for {@code source}, read under the same name. */
  private static String commandLineWarnings(String source) throws IOException {
    Path file = write("warn-cli", "warn.grad", source);
    Result r = cli("-o", dir.resolve("warn-cli-out").toString(), "-f", "json", file.toString());
    assertEquals(Main.OK, r.exit(), r.err());
    StringBuilder warnings = new StringBuilder();
    Matcher m = Pattern.compile("(?m)^\\S+warn\\.grad:\\d+:\\d+: warning: .*\\n.*\\n.*\\n").matcher(r.err());
    while (m.find()) {
      warnings.append(m.group());
    }
    return warnings.toString().replace(dir.resolve("warn-cli").toString(), dir.resolve("warn").toString());
  }

  private static Path write(String folder, String name, String text) throws IOException {
    Path file = dir.resolve(folder).resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private record Result(int exit, String err) {}

  private static Result cli(String... args) {
    StringWriter err = new StringWriter();
    int exit = new Main(new PrintWriter(new StringWriter()), new PrintWriter(err)).run(args);
    return new Result(exit, err.toString());
  }

  /** Renders {@code file} through the command line in {@code formats} and returns its output folder. */
  private static Path render(Path file, Path out, String formats, String... options) {
    List<String> args = new ArrayList<>(List.of("-o", out.toString(), "-f", formats));
    args.addAll(List.of(options));
    args.add(file.toString());
    Result r = cli(args.toArray(String[]::new));
    assertEquals(Main.OK, r.exit(), r.err());
    String name = file.getFileName().toString();
    return out.resolve(name.substring(0, name.length() - ".grad".length()));
  }

  private static List<String> scalarInputs(String source) {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^([A-Za-z_][A-Za-z0-9_]*) = (-?[0-9.]+)\\s*(#.*)?$").matcher(source);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static double inputValue(String source, String name) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " = (-?[0-9.]+)").matcher(source);
    assertTrue(m.find(), name);
    return Double.parseDouble(m.group(1));
  }

  /** A new value for an input: far enough from the old to change every number, and never the same. */
  private static double edited(double value) {
    return value * -1.7 + 0.35;
  }
}
