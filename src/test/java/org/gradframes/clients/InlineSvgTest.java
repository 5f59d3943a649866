package org.gradframes.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradframes.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three SVG figures written to standard output (two of one program in the light and the dark theme, one of another
 * program) inlined as they are in one HTML page, opened in headless Chromium: no id is shared, each figure's nodes
 * are painted in its own theme's colours, and no figure's stylesheet reaches the page's own SVG.
 */
class InlineSvgTest {
  @TempDir Path dir;

  /** One figure on the page: the theme it was drawn in and its SVG text. */
  private record Figure(String theme, String svg) {
    String id() {
      Matcher m = Pattern.compile("<svg [^>]*? id=\"([^\"]+)\"").matcher(svg);
      assertTrue(m.find(), "the figure's root has an id");
      return m.group(1);
    }
  }

  @Test
  void threeInlinedFiguresShareNoIdAndKeepTheirOwnColours() throws IOException {
    List<Figure> figures = List.of(
        new Figure("light", figure("samples/advanced.grad", "--frame", "3")),
        new Figure("dark", figure("samples/advanced.grad", "--frame", "3", "--theme", "dark")),
        new Figure("light", figure("samples/chain-rule.grad", "--frame", "last")));
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
        + "<title>three figures</title></head>\n<body>\n<p id=\"caption\">The page's own caption.</p>\n");
    // The page's own drawing, with the classes a figure styles: no figure's rule may reach it.
    html.append("<svg id=\"own\" width=\"40\" height=\"20\"><g class=\"node pending\"><rect class=\"box\""
        + " width=\"40\" height=\"20\"/></g></svg>\n");
    for (Figure f : figures) {
      html.append("<figure>\n").append(f.svg()).append("</figure>\n");
    }
    Path page = dir.resolve("page.html");
    Files.writeString(page, html.append("</body>\n</html>\n"), StandardCharsets.UTF_8);

    try (Chromium chromium = Chromium.start()) {
      DevTools tab = chromium.openPage();
      tab.navigate(page.toUri().toString());
      JsonNode ids = tab.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)");
      List<String> all = new ArrayList<>();
      ids.forEach(id -> all.add(id.asText()));
      Set<String> seen = new HashSet<>();
      List<String> repeated = all.stream().filter(id -> !seen.add(id)).toList();
      assertEquals(List.of(), repeated, "ids the page holds more than once");
      assertTrue(all.size() > 30, "the figures' ids are in the page: " + all.size());

      Map<String, String> fills = new LinkedHashMap<>();
      for (Figure f : figures) {
        Map<String, String> theme = theme(f.theme());
        JsonNode boxes = tab.evaluate("[...document.getElementById('" + f.id() + "').querySelectorAll('.node')]"
            + ".filter(g => g.querySelector('.box')).map(g => [g.getAttribute('class'),"
            + " getComputedStyle(g.querySelector('.box')).fill])");
        assertTrue(boxes.size() >= 3, f.id() + " has node boxes");
        for (JsonNode box : boxes) {
          String state = box.get(0).asText().replace("node", "").strip();
          assertEquals(rgb(theme.get("state." + state + ".fill")), box.get(1).asText(),
              f.id() + ": a " + state + " box in " + f.theme() + "'s colour");
          fills.putIfAbsent(f.id() + " " + state, box.get(1).asText());
        }
      }
      String light = figures.get(0).id();
      String dark = figures.get(1).id();
      int compared = 0;
      for (String state : List.of("pending", "partial", "ready", "active", "done", "constant")) {
        if (fills.containsKey(light + " " + state) && fills.containsKey(dark + " " + state)) {
          assertNotEquals(fills.get(light + " " + state), fills.get(dark + " " + state),
              "the light and the dark figure paint a " + state + " node differently");
          compared++;
        }
      }
      assertTrue(compared >= 2, "the light and the dark figure share states to compare: " + fills);
      assertEquals("rgb(0, 0, 0)", tab.evaluate("getComputedStyle(document.querySelector('#own .box')).fill")
          .asText(), "the page's own box keeps SVG's default fill");
      assertEquals(List.of(), tab.errors(0), "the page has no errors");
    }
  }

  /** The SVG figure the command line writes to standard output with {@code args}. */
  private static String figure(String program, String... args) {
    ByteArrayOutputStream figure = new ByteArrayOutputStream();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> line = new ArrayList<>(List.of(program, "-f", "svg", "-o", "-"));
    line.addAll(List.of(args));
    int exit = new Main(new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(new byte[0]), figure)
        .run(line.toArray(String[]::new));
    assertEquals(Main.OK, exit, err.toString());
    assertEquals("", out.toString(), "nothing but the figure goes to standard output");
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
