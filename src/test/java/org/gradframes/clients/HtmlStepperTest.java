package org.gradframes.clients;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML stepper of the advanced example, opened from file:// in headless Chromium and driven with real keys. */
class HtmlStepperTest {
  private static final int FRAMES = 7;
  // A caption's parts are lines on the page and are joined by "; " in captions.txt: the state joins them the same way.
  private static final String STATE = """
      (() => {
        const text = id => document.getElementById(id).textContent.replace(/\\s+/g, ' ').trim();
        return {
          index: window.gradframes.index(),
          counter: text('counter'),
          caption: document.getElementById('caption').innerText.split(/\\n|;\\s/)
              .map(line => line.replace(/\\s+/g, ' ').trim()).filter(line => line).join('; '),
          slider: Number(document.getElementById('slider').value),
          pictures: document.querySelectorAll('#gradframes svg').length
        };
      })()""";

  @TempDir static Path dir;
  static List<String> captions;
  static List<SvgGroups> frames;
  static Path html;
  static Chromium chromium;
  static DevTools page;
  int from;

  /** What the stepper shows, read from its page. */
  record State(int index, String counter, String caption, int slider, int pictures) {}

  /** Somewhere JavaScript runs: the page itself or a frame inside it. */
  interface Scope {
    JsonNode evaluate(String expression) throws IOException;
  }

  @BeforeAll
  static void render() throws IOException {
    Path out = Render.sample("advanced", dir.resolve("out"), "html,svg");
    html = out.resolve("advanced.html");
    frames = new ArrayList<>();
    for (Path svg : Render.files(out, ".svg")) {
      frames.add(SvgGroups.of(Files.readAllBytes(svg)));
    }
    captions = Files.readAllLines(Path.of("src/test/resources/golden/advanced.captions")).stream()
        .map(HtmlStepperTest::spaced).toList();
    assertEquals(FRAMES, captions.size());
    assertEquals(FRAMES, frames.size());
  }

  @AfterAll
  static void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  // The browser starts here rather than in @BeforeAll, so that without Chromium every test reports itself skipped.
  @BeforeEach
  void open() throws IOException {
    if (chromium == null) {
      chromium = Chromium.start();
      page = chromium.openPage();
    }
    from = page.mark();
    page.navigate(html.toUri().toString());
  }

  private static String spaced(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  static State state(Scope scope) throws IOException {
    return new ObjectMapper().treeToValue(scope.evaluate(STATE), State.class);
  }

  /**
   * Checks that the stepper shows frame {@code index}: caption, counter, slider, one picture, and in it the frame's
   * title and every node and edge with the state, title and labels of that frame's SVG file.
   */
  static void assertShows(Scope scope, int index, String after) throws IOException {
    State state = state(scope);
    assertEquals(index, state.index(), after);
    assertEquals((index + 1) + " / " + FRAMES, state.counter(), after);
    assertEquals(captions.get(index), state.caption(), after);
    assertEquals(index, state.slider(), "the slider follows the index " + after);
    assertEquals(1, state.pictures(), "one picture " + after);
    SvgGroups shown = new ObjectMapper().treeToValue(scope.evaluate(SvgGroups.SCRIPT), SvgGroups.class);
    assertEquals(frames.get(index), shown, "the picture is frame " + index + "'s SVG " + after);
  }

  private void assertShows(int index, String after) throws IOException {
    assertShows(page::evaluate, index, after);
  }

  @Test
  void opensOnTheFirstFrameWithOnePictureAndNoErrors() throws IOException {
    assertEquals(FRAMES, page.evaluate("window.gradframes.count").asInt(), "window.gradframes.count");
    assertEquals(1, page.evaluate("document.querySelectorAll('svg').length").asInt(), "the drawing is inline once");
    assertEquals(List.of(0, FRAMES - 1), List.of(page.evaluate("Number(document.getElementById('slider').min)").asInt(),
        page.evaluate("Number(document.getElementById('slider').max)").asInt()), "slider min and max");
    assertShows(0, "on opening");
    assertEquals(List.of(), page.errors(from));
  }

  @Test
  void everyFrameShowsItsStatesStepByStepForwardAndBack() throws IOException {
    for (int i = 1; i < FRAMES; i++) {
      page.press("ArrowRight");
      assertShows(i, "after ArrowRight " + i + " times");
    }
    for (int i = FRAMES - 2; i >= 0; i--) {
      page.press("ArrowLeft");
      assertShows(i, "after ArrowLeft back to " + i);
    }
    assertEquals(List.of(), page.errors(from));
  }

  @Test
  void jumpsAnywhereShowTheStatesOfTheFrameJumpedTo() throws IOException {
    for (int i : new int[] {FRAMES - 1, 2, 5, 0, 3, 6, 1, 4}) {
      page.evaluate("window.gradframes.go(" + i + ")");
      assertShows(i, "after go(" + i + ")");
    }
  }

  @Test
  void arrowRightStepsForwardAndArrowLeftBack() throws IOException {
    page.press("ArrowRight");
    assertShows(1, "after ArrowRight");
    page.press("ArrowRight");
    assertShows(2, "after ArrowRight twice");
    page.press("ArrowLeft");
    assertShows(1, "after ArrowLeft");
  }

  @Test
  void endJumpsToTheLastFrameAndHomeToTheFirst() throws IOException {
    page.press("End");
    assertEquals(FRAMES + " / " + FRAMES, state(page::evaluate).counter());
    assertShows(FRAMES - 1, "after End");
    page.press("Home");
    assertShows(0, "after Home");
  }

  @Test
  void spaceStartsAndStopsPlaying() throws IOException, InterruptedException {
    long start = System.nanoTime();
    page.press("Space");
    while (page.evaluate("window.gradframes.index()").asInt() == 0) {
      if (System.nanoTime() - start > 10_000_000_000L) {
        fail("Space did not start playing within 10 s");
      }
      Thread.sleep(50);
    }
    long step = (System.nanoTime() - start) / 1_000_000;
    page.press("Space");
    int stopped = page.evaluate("window.gradframes.index()").asInt();
    Thread.sleep(Math.max(500, 2 * step));
    assertEquals(stopped, page.evaluate("window.gradframes.index()").asInt(), "Space again stops playing");
  }

  @Test
  void buttonsStepThroughTheFrames() throws IOException {
    page.click("#next");
    assertShows(1, "after clicking #next");
    page.click("#last");
    assertShows(FRAMES - 1, "after clicking #last");
    page.click("#prev");
    assertShows(FRAMES - 2, "after clicking #prev");
    page.click("#first");
    assertShows(0, "after clicking #first");
  }

  @Test
  void movingTheSliderShowsThatFrame() throws IOException {
    page.evaluate("(() => { const s = document.getElementById('slider'); s.value = 4;"
        + " s.dispatchEvent(new Event('input', {bubbles: true})); s.dispatchEvent(new Event('change', {bubbles: true})); })()");
    assertShows(4, "after moving the slider to 4");
  }

  @Test
  void everyFrameHasTheCaptionOfTheWorkedExample() throws IOException {
    for (int i = FRAMES - 1; i >= 0; i--) {
      page.evaluate("window.gradframes.go(" + i + ")");
      assertShows(i, "after go(" + i + ")");
    }
  }

  @Test
  void fetchesNothingButItself() throws IOException {
    for (int i = 0; i < FRAMES; i++) {
      page.evaluate("window.gradframes.go(" + i + ")");
      page.evaluate("document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 50))))");
    }
    List<String> requested = new ArrayList<>();
    page.events("Network.requestWillBeSent", from).forEach(e -> requested.add(e.path("request").path("url").asText()));
    assertEquals(List.of(html.toUri().toString()), requested);
    assertEquals(List.of(), page.errors(from));
  }

  @Test
  void worksInsideAnIframe() throws IOException {
    assertWorksEmbedded("");
  }

  @Test
  void worksInsideASandboxedIframe() throws IOException {
    assertWorksEmbedded("sandbox=\"allow-scripts\"");
  }

  /** Opens a page that embeds the stepper, then steps it from inside the frame and with keys once it has focus. */
  private void assertWorksEmbedded(String attributes) throws IOException {
    Path wrapper = dir.resolve("embed.html");
    Files.writeString(wrapper, "<!doctype html><title>embed</title><iframe " + attributes
        + " width=\"1000\" height=\"700\" src=\"" + dir.relativize(html).toString().replace('\\', '/') + "\"></iframe>");
    int since = page.mark();
    page.navigate(wrapper.toUri().toString());
    Scope inside = insideTheIframe(since);
    assertEquals(FRAMES, inside.evaluate("window.gradframes.count").asInt(), "window.gradframes.count in the iframe");
    assertShows(inside, 0, "in the iframe, on opening");
    inside.evaluate("window.gradframes.go(3)");
    assertShows(inside, 3, "in the iframe, after go(3)");
    inside.evaluate("window.focus()");
    page.press("ArrowRight");
    assertShows(inside, 4, "in the focused iframe, after ArrowRight");
    inside.evaluate("window.gradframes.set('x1', 3)");
    assertEquals(3.0, inside.evaluate("window.gradframes.values().inputs.x1").asDouble(), "x1 changed in the iframe");
    inside.evaluate("window.gradframes.reset()");
    assertShows(inside, 4, "in the iframe, after x1 was changed and reset");
    assertEquals(List.of(), page.errors(since), "errors in the embedding page");
  }

  /** Where the iframe's script runs: a context of the page, or a target of its own when Chromium isolates it. */
  private Scope insideTheIframe(int since) throws IOException {
    JsonNode children = page.send("Page.getFrameTree", Map.of()).path("frameTree").path("childFrames");
    if (children.size() == 1) {
      String frameId = children.get(0).path("frame").path("id").asText();
      int context = page.awaitEvent("Runtime.executionContextCreated", since,
          e -> e.path("context").path("auxData").path("frameId").asText().equals(frameId)
              && e.path("context").path("auxData").path("isDefault").asBoolean()).path("context").path("id").asInt();
      return js -> page.evaluateIn(context, js);
    }
    for (JsonNode target : page.send("Target.getTargets", Map.of()).path("targetInfos")) {
      if (target.path("type").asText().equals("iframe") && target.path("url").asText().equals(html.toUri().toString())) {
        return chromium.attach(target.path("targetId").asText())::evaluate;
      }
    }
    return fail("the iframe did not load the stepper");
  }

  @Test
  void zoomKeysButtonsWheelAndDragChangeTheViewAndFitRestoresIt() throws IOException {
    double[] whole = viewBox();
    assertArrayEquals(fitBox(), whole, "the whole graph at first");
    type("+", "Equal", 187);
    double[] in = viewBox();
    assertTrue(in[2] < whole[2] * 0.9, "+ zooms in: " + Arrays.toString(in));
    assertEquals(whole[3] / whole[2], in[3] / in[2], 1e-3, "zooming keeps the picture's shape");
    page.press("ArrowRight");
    assertArrayEquals(in, viewBox(), "stepping keeps the view");
    double[] at = middleOf("#gradframes .frame svg");
    drag(at, 120, 80);
    double[] dragged = viewBox();
    assertTrue(dragged[0] < in[0] && dragged[1] < in[1], "dragging right and down shows what is left and above: "
        + Arrays.toString(in) + " -> " + Arrays.toString(dragged));
    assertEquals(in[2], dragged[2], 1e-6, "dragging does not zoom");
    assertTrue(page.evaluate("document.getElementById('details').hidden").asBoolean(), "a drag is not a click");
    wheel(at, 0, 120, 0);
    double[] scrolled = viewBox();
    assertTrue(scrolled[1] > dragged[1] && scrolled[2] == dragged[2], "the wheel pans a zoomed picture down");
    wheel(at, 0, -200, 2);
    assertTrue(viewBox()[2] < scrolled[2] * 0.9, "Ctrl and the wheel zoom in: " + Arrays.toString(viewBox()));
    page.click("#fit");
    assertArrayEquals(whole, viewBox(), "Fit shows the whole drawing again");
    page.click("#zoom-in");
    page.click("#zoom-in");
    assertTrue(viewBox()[2] < whole[2] * 0.7, "the + button zooms in");
    page.click("#zoom-out");
    assertTrue(viewBox()[2] > whole[2] * 0.7 && viewBox()[2] < whole[2], "the − button zooms out");
    type("0", "Digit0", 48);
    assertArrayEquals(whole, viewBox(), "0 fits the whole drawing");
    type("-", "Minus", 189);
    assertArrayEquals(whole, viewBox(), "no zooming out past the whole drawing");
    assertEquals(List.of(), page.errors(from));
  }

  /** The box the page's Fit shows: the graph without the caption band, which the page shows as text. */
  private double[] fitBox() throws IOException {
    String html = Files.readString(HtmlStepperTest.html);
    Matcher m = Pattern.compile("\"fit\": \\[([^\\]]*)\\]").matcher(html);
    assertTrue(m.find(), "the page's data has its fit box");
    return Arrays.stream(m.group(1).split(",\\s*")).mapToDouble(Double::parseDouble).toArray();
  }

  @Test
  void fitDrawsTheGraphAsLargeAsA1080pWindowAllowsWithNoEmptyCaptionBand() throws IOException {
    page.send("Emulation.setDeviceMetricsOverride", Map.of("width", 1920, "height", 1080, "deviceScaleFactor", 1,
        "mobile", false));
    try {
      page.navigate(html.toUri().toString());
      JsonNode shown = page.evaluate("(() => { const svg = document.querySelector('#gradframes .frame svg');"
          + " const r = svg.getBoundingClientRect(), c = document.getElementById('caption');"
          + " return [svg.getScreenCTM().a, r.width, r.height, c.getBoundingClientRect().height,"
          + " parseFloat(getComputedStyle(c).fontSize), document.documentElement.scrollHeight]; })()");
      double scale = shown.get(0).asDouble();
      String svg = Files.readString(html.resolveSibling("frame-000.svg"));
      Matcher size = Pattern.compile("viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"").matcher(svg);
      assertTrue(size.find());
      double png = Math.min(4, Math.min(1920 / Double.parseDouble(size.group(1)), 1080 / Double.parseDouble(
          size.group(2))));
      assertTrue(scale >= 0.95 * png, "text at least as large as on the 1920×1080 PNG, less 5%: " + scale + " px per"
          + " point against " + png);
      double[] fit = fitBox();
      assertTrue(Math.max(fit[2] * scale / shown.get(1).asDouble(), fit[3] * scale / shown.get(2).asDouble()) > 0.99,
          "the graph fills the picture's width or height: " + shown);
      assertTrue(shown.get(3).asDouble() <= 3 * 1.3 * shown.get(4).asDouble() + 1,
          "the caption band is no taller than three lines of caption: " + shown);
      assertTrue(shown.get(5).asDouble() <= 1080, "the page fits the window without scrolling: " + shown);
    } finally {
      page.send("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  @Test
  void stepInTheAddressOpensThatStepAndFollowsTheStepping() throws IOException {
    page.navigate("about:blank");
    page.navigate(html.toUri() + "#step=4");
    assertShows(3, "after opening #step=4");
    page.press("ArrowRight");
    assertShows(4, "after ArrowRight from step 4");
    assertEquals("#step=5", page.evaluate("location.hash").asText(), "the address follows the stepping");
    page.press("Home");
    assertEquals("#step=1", page.evaluate("location.hash").asText());
    page.evaluate("location.hash = '#step=" + FRAMES + "'");
    page.evaluate("new Promise(r => setTimeout(r, 100))");
    assertShows(FRAMES - 1, "after the address changed to the last step");
    assertEquals(List.of(), page.errors(from));
  }

  @Test
  void clickingANodeShowsItsFormulasAndItsStepAndEscapeClosesThePanel() throws IOException {
    int step = frameWhere("gf-node-u1 node active");
    page.click("#gf-node-u1");
    assertTrue(page.evaluate("document.getElementById('details').getClientRects().length > 0").asBoolean(),
        "the panel shows");
    assertEquals(List.of(nodeTitle(0, "node-u1"), "u₁ = x₁ + x₂", ""), panel(), "u₁'s title and formula at frame 0");
    page.evaluate("window.gradframes.go(" + step + ")");
    assertEquals(List.of(nodeTitle(step, "node-u1"), "u₁ = x₁ + x₂", captions.get(step)), panel(),
        "the panel follows the frame and, at u₁'s step, shows the step's caption");
    press("Escape", "Escape", 27);
    assertTrue(page.evaluate("document.getElementById('details').hidden").asBoolean(), "Escape closes the panel");
    assertShows(step, "after closing the panel");
    page.click("#gf-node-y");
    assertEquals(nodeTitle(step, "node-y"), panel().get(0), "another node's title");
    page.click("#details-close");
    assertTrue(page.evaluate("document.getElementById('details').hidden").asBoolean(), "the close button closes it");
    assertEquals(List.of(), page.errors(from));
  }

  /** The panel's title, formula and step lines, white space collapsed and caption lines joined by "; ". */
  private List<String> panel() throws IOException {
    List<String> texts = new ArrayList<>();
    for (String id : List.of("details-title", "details-formula", "details-step")) {
      texts.add(page.evaluate("(() => { const e = document.getElementById('" + id + "'); return e.hidden ? '' :"
          + " e.innerText.split(/\\n|;\\s/).map(l => l.replace(/\\s+/g, ' ').trim()).filter(l => l).join('; '); })()")
          .asText());
    }
    return texts;
  }

  private static int frameWhere(String group) {
    for (int i = 0; i < FRAMES; i++) {
      if (frames.get(i).groups().stream().anyMatch(line -> line.startsWith(group + " |"))) {
        return i;
      }
    }
    return fail("no frame has " + group);
  }

  /** The title of a node in a frame's SVG file. */
  private static String nodeTitle(int frame, String id) throws IOException {
    String svg = Files.readString(html.resolveSibling(String.format("frame-%03d.svg", frame)));
    Matcher m = Pattern.compile("<g id=\"[^\"]+-" + id + "\" class=\"[^\"]*\">\n<title>([^<]*)</title>").matcher(svg);
    assertTrue(m.find(), id + " in frame " + frame);
    return m.group(1);
  }

  /** The picture's viewBox: x, y, width and height. */
  private double[] viewBox() throws IOException {
    String box = page.evaluate("document.querySelector('#gradframes .frame svg').getAttribute('viewBox')").asText();
    return Arrays.stream(box.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
  }

  private double[] middleOf(String selector) throws IOException {
    JsonNode at = page.evaluate("(() => { const r = document.querySelector('" + selector + "').getBoundingClientRect();"
        + " return [r.x + r.width / 2, r.y + r.height / 2]; })()");
    return new double[] {at.get(0).asDouble(), at.get(1).asDouble()};
  }

  /** Presses the left button at {@code at}, moves the mouse by (dx, dy) in steps and lets go. */
  private void drag(double[] at, double dx, double dy) throws IOException {
    mouse("mousePressed", at[0], at[1], 1);
    for (int k = 1; k <= 5; k++) {
      mouse("mouseMoved", at[0] + dx * k / 5, at[1] + dy * k / 5, 1);
    }
    mouse("mouseReleased", at[0] + dx, at[1] + dy, 0);
  }

  private void mouse(String type, double x, double y, int buttons) throws IOException {
    page.send("Input.dispatchMouseEvent", Map.of("type", type, "x", x, "y", y, "button", "left", "buttons", buttons,
        "clickCount", type.equals("mouseMoved") ? 0 : 1));
  }

  /** Turns the wheel over {@code at}; {@code modifiers} 2 holds Ctrl down. */
  private void wheel(double[] at, double dx, double dy, int modifiers) throws IOException {
    page.send("Input.dispatchMouseEvent", Map.of("type", "mouseWheel", "x", at[0], "y", at[1], "deltaX", dx,
        "deltaY", dy, "modifiers", modifiers));
  }

  /** Types a character key as a keyboard would. */
  private void type(String key, String code, int keyCode) throws IOException {
    page.send("Input.dispatchKeyEvent", Map.of("type", "keyDown", "key", key, "code", code,
        "windowsVirtualKeyCode", keyCode, "text", key));
    page.send("Input.dispatchKeyEvent", Map.of("type", "keyUp", "key", key, "code", code,
        "windowsVirtualKeyCode", keyCode));
  }

  /** Presses a key that types nothing (Escape). */
  private void press(String key, String code, int keyCode) throws IOException {
    page.send("Input.dispatchKeyEvent", Map.of("type", "rawKeyDown", "key", key, "code", code,
        "windowsVirtualKeyCode", keyCode));
    page.send("Input.dispatchKeyEvent", Map.of("type", "keyUp", "key", key, "code", code,
        "windowsVirtualKeyCode", keyCode));
  }

  @Test
  void theHarnessSeesAFetchWhenThereIsOne() throws IOException {
    Path fetching = dir.resolve("fetching.html");
    Files.writeString(fetching, "<!doctype html><img src=\"missing.png\">");
    int since = page.mark();
    page.navigate(fetching.toUri().toString());
    List<String> requested = new ArrayList<>();
    page.events("Network.requestWillBeSent", since).forEach(e -> requested.add(e.path("request").path("url").asText()));
    assertTrue(requested.contains(dir.resolve("missing.png").toUri().toString()), requested.toString());
  }
}
