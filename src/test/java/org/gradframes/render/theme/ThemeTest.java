package org.gradframes.render.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.gradframes.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ThemeTest {
  @TempDir Path dir;

  @Test
  void defaultThemeIsReadFromTemplates() throws IOException {
    Theme theme = Theme.load("light");
    String file = Files.readString(Path.of("templates/light.theme"));
    assertTrue(file.contains("background = " + theme.text(ThemeKey.named("background"))));
    assertEquals(5, (int) theme.number(ThemeKey.named("precision")));
  }

  @Test
  void everyKeyOfTheDefaultThemeIsDocumented() throws IOException {
    String[] lines = Files.readString(Path.of("templates/light.theme")).split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank() && !lines[i].startsWith("#")) {
        int j = i;
        while (j > 0 && !lines[j - 1].isBlank() && !lines[j - 1].startsWith("#")) {
          j--;
        }
        assertTrue(j > 0 && lines[j - 1].startsWith("#"), "no comment above: " + lines[i]);
      }
    }
  }

  @Test
  void aThemeFileOverridesOnlyItsKeys() throws IOException {
    Path file = dir.resolve("mine.theme");
    Files.writeString(file, "# mine\nbackground = #000000\nprecision = 3\n");
    Theme theme = Theme.load(file.toString());
    assertEquals("#000000", theme.text(ThemeKey.named("background")));
    assertEquals(3, (int) theme.number(ThemeKey.named("precision")));
    assertEquals(Theme.load("light").text(ThemeKey.named("state.done.fill")), theme.text(ThemeKey.named("state.done.fill")));
  }

  @Test
  void unknownKeyIsReportedWithItsLine() throws IOException {
    Path file = dir.resolve("bad.theme");
    Files.writeString(file, "background = #000000\n\nbackgorund = #ffffff\n");
    ThemeException e = assertThrows(ThemeException.class, () -> Theme.load(file.toString()));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("backgorund"), e.getMessage());
  }

  @Test
  void valuesThatCouldInjectMarkupAreRejected() throws IOException {
    Path file = dir.resolve("evil.theme");
    Files.writeString(file, "state.done.fill = red\" onload=\"alert(1)\n");
    ThemeException e = assertThrows(ThemeException.class, () -> Theme.load(file.toString()));
    assertEquals(1, e.line());
    Files.writeString(file, "font.family = x\"><script>\n");
    assertThrows(ThemeException.class, () -> Theme.load(file.toString()));
  }

  @Test
  void controlCharactersInATemplateAreRejectedWhereTheThemeLoads() throws IOException {
    Path file = dir.resolve("bell.theme");
    for (String bad : List.of("\u0007", "\u001b[2J", "\r", "\u0085")) {
      Files.writeString(file, "precision = 3\nlabel.input = {name} " + bad + " x\n", StandardCharsets.UTF_8);
      ThemeException e = assertThrows(ThemeException.class, () -> Theme.load(file.toString()), bad);
      assertEquals(2, e.line());
      assertTrue(e.getMessage().contains("control character"), e.getMessage());
    }
    Files.writeString(file, "label.input = {name} \u2192 \ud835\udc31\n", StandardCharsets.UTF_8);
    assertTrue(Theme.load(file.toString()).text(ThemeKey.LABEL_INPUT).contains("\u2192"), "arrows and astral letters");
  }

  @Test
  void dashesOfNothingAndOddPrecisionsAreRejected() throws IOException {
    Path file = dir.resolve("odd.theme");
    Files.writeString(file, "edge.idle.dash = 0 0\n");
    assertEquals(1, assertThrows(ThemeException.class, () -> Theme.load(file.toString())).line());
    Files.writeString(file, "precision = 0\n");
    assertThrows(ThemeException.class, () -> Theme.load(file.toString()));
    Files.writeString(file, "precision = 2.5\n");
    assertThrows(ThemeException.class, () -> Theme.load(file.toString()));
    Files.writeString(file, "precision = 3\nedge.idle.dash = 4 2\n");
    assertEquals(3, (int) Theme.load(file.toString()).number(ThemeKey.named("precision")));
  }

  @Test
  void missingThemeNameIsAnError() {
    assertThrows(ThemeException.class, () -> Theme.load("no-such-theme"));
  }

  /** A theme file's keys and values, read here as the file says: the light theme's, overridden by its own. */
  private static Map<String, String> themeFile(String name) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String file : List.of("light", name)) {
      for (String line : Files.readAllLines(Path.of("templates", file + ".theme"), StandardCharsets.UTF_8)) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#")) {
          int eq = l.indexOf('=');
          values.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
        }
      }
    }
    return values;
  }

  /** The rules of an SVG's stylesheet: selector, then what is inside the braces, declarations trimmed. */
  private static Map<String, String> stylesheet(String svg) {
    int from = svg.indexOf("<style>");
    int to = svg.indexOf("</style>");
    assertTrue(from >= 0 && to > from, "the frame has a stylesheet");
    Map<String, String> rules = new LinkedHashMap<>();
    Matcher rule = Pattern.compile("([^{}]+)\\{([^}]*)\\}").matcher(svg.substring(from + "<style>".length(), to));
    while (rule.find()) {
      rules.put(rule.group(1).strip().replaceAll("\\s+", " "), rule.group(2).strip());
    }
    return rules;
  }

  private static void assertDeclares(Map<String, String> rules, String selector, String property, String value) {
    String body = rules.get(selector);
    assertNotNull(body, "no rule for " + selector + " in " + rules.keySet());
    List<String> declarations = List.of(body.split("\\s*;\\s*"));
    assertTrue(declarations.contains(property + ": " + value), selector + " { " + body + " } should have "
        + property + ": " + value);
  }

  private static int rgb(String color) {
    return Integer.parseInt(color.substring(1), 16);
  }

  private static String hex(int rgb) {
    return String.format("#%06x", rgb & 0xffffff);
  }

  /** The names of the theme files under templates/, found without the code under test. */
  static List<String> themeFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("templates"))) {
      return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".theme"))
          .map(f -> f.substring(0, f.length() - ".theme".length())).sorted().toList();
    }
  }

  @Test
  void everyThemeFileIsBundled() throws IOException {
    assertEquals(new TreeSet<>(themeFiles()), new TreeSet<>(Theme.BUNDLED));
    assertEquals(Theme.BUNDLED.size(), new TreeSet<>(Theme.BUNDLED).size(), "each theme once");
  }

  /**
   * Every bundled theme, rendered through the real command line: the frames' stylesheet paints the background and
   * every state in the colours of the theme's file, the step's node carries the state they paint, and the PNG
   * shows the background in its corners and the active fill inside the active node's box.
   */
  @ParameterizedTest(name = "--theme {0}")
  @MethodSource("themeFiles")
  void bundledThemeRendersInItsFilesColours(String name) throws IOException {
    Map<String, String> file = themeFile(name);
    Path out = dir.resolve(name);
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int exit = new Main(new PrintWriter(stdout), new PrintWriter(stderr)).run("--theme", name, "-f", "svg,png",
        "-o", out.toString(), "samples/advanced.grad");
    assertEquals(Main.OK, exit, stderr.toString());
    assertEquals("", stderr.toString());

    // Frame 2 is the first step: y takes it.
    String svg = Files.readString(out.resolve("advanced/frame-002.svg"), StandardCharsets.UTF_8);
    assertTrue(svg.contains("class=\"gradframes gf-" + name + "\""), "the root names its theme");
    Matcher id = Pattern.compile("<svg [^>]*? id=\"([^\"]+)\"").matcher(svg);
    assertTrue(id.find(), "the root has an id");
    assertTrue(svg.contains("<g id=\"" + id.group(1) + "-node-y\" class=\"node active\">"), "y takes the step");
    Map<String, String> rules = stylesheet(svg);
    String root = "#" + id.group(1) + " ";
    assertDeclares(rules, root + ".background", "fill", file.get("background"));
    for (String state : List.of("pending", "partial", "ready", "active", "done", "constant", "unused")) {
      assertDeclares(rules, root + ".node." + state + " .box", "fill", file.get("state." + state + ".fill"));
      assertDeclares(rules, root + ".node." + state + " .box", "stroke", file.get("state." + state + ".stroke"));
      assertDeclares(rules, root + ".node." + state + " .grad", "fill", file.get("state." + state + ".grad"));
    }
    for (String state : List.of("idle", "active", "done")) {
      assertDeclares(rules, root + ".edge." + state + " .line", "stroke", file.get("edge." + state + ".stroke"));
    }
    assertDeclares(rules, root + ".node .text", "fill", file.get("node.text"));
    assertDeclares(rules, root + ".caption .text", "fill", file.get("caption.text"));

    BufferedImage png = ImageIO.read(out.resolve("advanced/frame-002.png").toFile());
    int w = png.getWidth();
    int h = png.getHeight();
    String background = file.get("background");
    for (int[] corner : new int[][] {{0, 0}, {w - 1, 0}, {0, h - 1}, {w - 1, h - 1}}) {
      assertEquals(background, hex(png.getRGB(corner[0], corner[1])), "PNG pixel " + corner[0] + "," + corner[1]);
    }
    // Just inside the top border of y's box, in the middle, where no text is: the active fill.
    Matcher box = Pattern.compile("<g id=\"[^\"]+-node-y\" class=\"node active\">.*?<rect class=\"box\" x=\"([\\d.]+)\" "
        + "y=\"([\\d.]+)\" width=\"([\\d.]+)\" height=\"([\\d.]+)\"", Pattern.DOTALL).matcher(svg);
    assertTrue(box.find(), "y's box");
    Matcher view = Pattern.compile("viewBox=\"0 0 ([\\d.]+) ([\\d.]+)\"").matcher(svg);
    assertTrue(view.find(), "the SVG's viewBox");
    assertFalse(svg.contains("<g transform="), "the graph is drawn unmoved");
    double scale = w / Double.parseDouble(view.group(1));
    double x = Double.parseDouble(box.group(1)) + Double.parseDouble(box.group(3)) / 2;
    double y = Double.parseDouble(box.group(2)) + Double.parseDouble(file.get("state.active.width")) / 2 + 2.5;
    assertEquals(file.get("state.active.fill"), hex(png.getRGB((int) (x * scale), (int) (y * scale))),
        "PNG pixel inside y's box");
  }
}
