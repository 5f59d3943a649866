package org.gradframes.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        const frames = [...document.querySelectorAll('div.frame')];
        const text = id => document.getElementById(id).textContent.replace(/\\s+/g, ' ').trim();
        return {
          index: window.gradframes.index(),
          counter: text('counter'),
          caption: document.getElementById('caption').innerText.split(/\\n|;\\s/)
              .map(line => line.replace(/\\s+/g, ' ').trim()).filter(line => line).join('; '),
          slider: Number(document.getElementById('slider').value),
          visible: frames.filter(f => f.getClientRects().length > 0).map(f => Number(f.dataset.index)),
          hidden: frames.filter(f => f.hidden).length
        };
      })()""";

  @TempDir static Path dir;
  static List<String> captions;
  static Path html;
  static Chromium chromium;
  static DevTools page;
  int from;

  /** What the stepper shows, read from its page. */
  record State(int index, String counter, String caption, int slider, List<Integer> visible, int hidden) {}

  /** Somewhere JavaScript runs: the page itself or a frame inside it. */
  interface Scope {
    JsonNode evaluate(String expression) throws IOException;
  }

  @BeforeAll
  static void render() throws IOException {
    html = Render.sample("advanced", dir.resolve("out"), "html,svg").resolve("advanced.html");
    captions = Files.readAllLines(Path.of("src/test/resources/golden/advanced.captions")).stream()
        .map(HtmlStepperTest::spaced).toList();
    assertEquals(FRAMES, captions.size());
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

  /** Checks that the stepper shows frame {@code index}: caption, counter, slider and exactly that frame visible. */
  static void assertShows(Scope scope, int index, String after) throws IOException {
    State state = state(scope);
    assertEquals(index, state.index(), after);
    assertEquals((index + 1) + " / " + FRAMES, state.counter(), after);
    assertEquals(captions.get(index), state.caption(), after);
    assertEquals(index, state.slider(), "the slider follows the index " + after);
    assertEquals(List.of(index), state.visible(), "exactly one frame is visible " + after);
    assertEquals(FRAMES - 1, state.hidden(), "the other frames are hidden " + after);
  }

  private void assertShows(int index, String after) throws IOException {
    assertShows(page::evaluate, index, after);
  }

  private static List<Integer> indices(JsonNode array) {
    List<Integer> indices = new ArrayList<>();
    array.forEach(i -> indices.add(i.asInt()));
    return indices;
  }

  @Test
  void opensOnTheFirstFrameWithEveryFrameInlineAndNoErrors() throws IOException {
    assertEquals(FRAMES, page.evaluate("window.gradframes.count").asInt(), "window.gradframes.count");
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), indices(page.evaluate(
        "[...document.querySelectorAll('div.frame')].map(f => f.querySelector('svg') ? Number(f.dataset.index) : -1)")),
        "frames in order, each an inline SVG");
    assertEquals(List.of(0, FRAMES - 1), List.of(page.evaluate("Number(document.getElementById('slider').min)").asInt(),
        page.evaluate("Number(document.getElementById('slider').max)").asInt()), "slider min and max");
    assertShows(0, "on opening");
    assertEquals(List.of(), page.errors(from));
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
