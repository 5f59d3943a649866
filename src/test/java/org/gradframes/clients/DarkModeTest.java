package org.gradframes.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gradframes.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SVG figure drawn with {@code --theme auto}, inlined in a page and opened in headless Chromium with the
 * reader's colour scheme emulated as light and as dark: its node boxes and background take the light theme's
 * colours in the one and the dark theme's in the other. A screenshot of each goes to target/ to look at.
 */
class DarkModeTest {
  @TempDir Path dir;

  @Test
  void autoThemeFollowsTheReadersColourScheme() throws IOException {
    String svg = figure("samples/advanced.grad", "--frame", "3", "--theme", "auto");
    Path page = dir.resolve("page.html");
    Files.writeString(page, "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>auto</title>"
        + "</head>\n<body>\n<figure>\n" + svg + "</figure>\n</body>\n</html>\n", StandardCharsets.UTF_8);
    try (Chromium chromium = Chromium.start()) {
      DevTools tab = chromium.openPage();
      tab.navigate(page.toUri().toString());
      for (String scheme : List.of("dark", "light")) {
        tab.send("Emulation.setEmulatedMedia", Map.of("features",
            List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        assertEquals(scheme.equals("dark"), tab.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
            .asBoolean(), "Chromium emulates the " + scheme + " scheme");
        Map<String, String> theme = theme(scheme);
        JsonNode boxes = tab.evaluate("[...document.querySelectorAll('svg .node')].filter(g => g.querySelector("
            + "'.box')).map(g => [g.getAttribute('class'), getComputedStyle(g.querySelector('.box')).fill])");
        assertTrue(boxes.size() >= 3, "the figure has node boxes: " + boxes);
        for (JsonNode box : boxes) {
          String state = box.get(0).asText().replace("node", "").strip();
          assertEquals(rgb(theme.get("state." + state + ".fill")), box.get(1).asText(),
              "a " + state + " box in the " + scheme + " theme's colour");
        }
        assertEquals(rgb(theme.get("background")), tab.evaluate(
            "getComputedStyle(document.querySelector('svg .background')).fill").asText(), scheme + " background");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "dark-mode-" + scheme + ".png"), tab.screenshot());
      }
      assertEquals(List.of(), tab.errors(0), "the page has no errors");
    }
  }

  @Test
  void htmlStepperWithAutoThemeFollowsTheReadersColourScheme() throws IOException {
    StringWriter err = new StringWriter();
    int exit = new Main(new PrintWriter(new StringWriter()), new PrintWriter(err)).run("samples/chain-rule.grad",
        "-f", "html", "--theme", "auto", "-o", dir.toString());
    assertEquals(Main.OK, exit, err.toString());
    try (Chromium chromium = Chromium.start()) {
      DevTools tab = chromium.openPage();
      for (String scheme : List.of("dark", "light")) {
        tab.send("Emulation.setEmulatedMedia", Map.of("features",
            List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        tab.navigate(dir.resolve("chain-rule/chain-rule.html").toUri().toString());
        Map<String, String> theme = theme(scheme);
        assertEquals(rgb(theme.get("background")), tab.evaluate("getComputedStyle(document.body).backgroundColor")
            .asText(), "the page's background in the " + scheme + " scheme");
        assertEquals(rgb(theme.get("caption.text")), tab.evaluate("getComputedStyle(document.body).color")
            .asText(), "the page's text in the " + scheme + " scheme");
        JsonNode box = tab.evaluate("(() => { const g = document.querySelector('.frame .node');"
            + " return [g.getAttribute('class'), getComputedStyle(g.querySelector('.box')).fill]; })()");
        String state = box.get(0).asText().replace("node", "").strip();
        assertEquals(rgb(theme.get("state." + state + ".fill")), box.get(1).asText(),
            "the stepper's " + state + " box in the " + scheme + " scheme");
      }
    }
  }

  /** The SVG figure the command line writes to standard output with {@code args}. */
  private static String figure(String program, String... args) {
    ByteArrayOutputStream figure = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    List<String> line = new java.util.ArrayList<>(List.of(program, "-f", "svg", "-o", "-"));
    line.addAll(List.of(args));
    int exit = new Main(new PrintWriter(new StringWriter()), new PrintWriter(err),
        new ByteArrayInputStream(new byte[0]), figure).run(line.toArray(String[]::new));
    assertEquals(Main.OK, exit, err.toString());
    return figure.toString(StandardCharsets.UTF_8);
  }

  /** A bundled theme's settings, as its file under templates/ writes them. */
  private static Map<String, String> theme(String name) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("templates", name + ".theme"))) {
      int eq = line.indexOf('=');
      if (!line.strip().startsWith("#") && eq > 0) {
        values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    return values;
  }

  /** {@code #rrggbb} as a computed style writes it. */
  private static String rgb(String hex) {
    int v = Integer.parseInt(hex.substring(1).toLowerCase(Locale.ROOT), 16);
    return "rgb(" + (v >> 16) + ", " + (v >> 8 & 0xff) + ", " + (v & 0xff) + ")";
  }
}
