package org.gradframes.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A click on a node of the HTML stepper of the advanced example (in headless Chromium) draws its paths to the
 * output emphasised and dims everything else; a second click, or Escape, brings the frame back.
 */
class HtmlHighlightTest {
  /**
   * The nodes of advanced.grad, with the constant exponent of u4 = u2^2 (u4-1): x3 feeds u2 = x3 · x4, which feeds
   * u3 and u4, both of which feed y.
   */
  private static final Set<String> ALL = Set.of("node-x1", "node-x2", "node-x3", "node-x4", "node-u1", "node-u2",
      "node-u3", "node-u4", "node-u4-1", "node-y");
  private static final Set<String> X3_PATH = Set.of("node-x3", "node-u2", "node-u3", "node-u4", "node-y");
  private static final String DIMMED = "JSON.stringify(Array.from(document.querySelectorAll("
      + "'#gradframes g.node.dim')).map(g => g.id.slice(3)).sort())";

  @TempDir static Path dir;
  static Path html;
  static Chromium chromium;
  static DevTools page;

  @BeforeAll
  static void render() {
    html = Render.sample("advanced", dir.resolve("out"), "html").resolve("advanced.html");
  }

  @AfterAll
  static void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void open() throws IOException {
    if (chromium == null) {
      chromium = Chromium.start();
      page = chromium.openPage();
    }
    page.navigate(html.toUri().toString());
  }

  private static Set<String> dimmed() throws IOException {
    Set<String> ids = new TreeSet<>();
    for (JsonNode id : new com.fasterxml.jackson.databind.ObjectMapper().readTree(page.evaluate(DIMMED).asText())) {
      ids.add(id.asText());
    }
    return ids;
  }

  private static Set<String> without(Set<String> all, Set<String> some) {
    Set<String> rest = new TreeSet<>(all);
    rest.removeAll(some);
    return rest;
  }

  private static String boxFill(String node) throws IOException {
    return page.evaluate("getComputedStyle(document.querySelector('#gf-" + node + " rect')).fill").asText();
  }

  @Test
  void aClickOnANodeDimsEverythingOffItsPathsToTheOutput() throws IOException {
    assertEquals(Set.of(), dimmed(), "nothing is dimmed before a click");
    String before = boxFill("node-x1");
    page.click("#gf-node-x3");
    assertEquals(without(ALL, X3_PATH), dimmed());
    assertNotEquals(before, boxFill("node-x1"), "a dimmed box is painted in its dimmed colour");
    String edges = page.evaluate("Array.from(document.querySelectorAll('#gradframes g.edge:not(.dim)')).length")
        .asText();
    assertEquals("5", edges, "x3 → u2, u2 → u3, u2 → u4, u3 → y and u4 → y stay lit");
    page.evaluate("window.gradframes.go(4)");
    assertEquals(without(ALL, X3_PATH), dimmed(), "the highlight stays when the frame changes");
    page.click("#gf-node-x3");
    assertEquals(Set.of(), dimmed(), "a second click on the node clears the highlight");
    page.evaluate("window.gradframes.go(0)");
    assertEquals(Set.of(), dimmed(), "no group dimmed while it was out of the picture comes back dimmed");
    assertEquals(0, page.evaluate("document.querySelectorAll('#gradframes g.edge.dim').length").asInt());
  }

  @Test
  void enterOnAFocusedNodeHighlightsAndEscapeClears() throws IOException {
    page.evaluate("document.getElementById('gf-node-u3').focus()");
    page.press("Enter");
    assertEquals(without(ALL, Set.of("node-u3", "node-y")), dimmed());
    page.press("Escape");
    assertEquals(Set.of(), dimmed(), "Escape clears the highlight");
  }
}
