package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFGroupShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.gradframes.render.theme.Theme;
import org.gradframes.render.theme.ThemeKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What --highlight, --decimals, --step-label and --legend put into the frames, read back from the files the
 * command line writes: one small program, every format rendered once with every mark.
 */
class MarksTest {
  /** z reaches y only through b; x through a and b. */
  private static final String PROGRAM = "x = 1.5\nz = -2\na = x * x\nb = x + z\ny = a * b\n";
  private static final Pattern GROUP = Pattern.compile("<g id=\"[^\"]*?node-(\\w+)\" class=\"(node [^\"]*)\"");

  @TempDir static Path dir;
  static Path all;

  @BeforeAll
  static void renderEveryFormat() throws IOException {
    // The last frame only: every format is written, each with little to do.
    all = render("all", "-f", "all", "--frame", "last", "--highlight", "z", "--decimals", "2", "--legend");
  }

  private static Path render(String name, String... options) throws IOException {
    Path program = dir.resolve(name + ".grad");
    Files.writeString(program, PROGRAM);
    List<String> args = new ArrayList<>(List.of("-q", "-o", dir.resolve("out").toString()));
    args.addAll(List.of(options));
    args.add(program.toString());
    Run run = Run.of(args.toArray(String[]::new));
    assertEquals(Main.OK, run.exit(), run.err());
    return dir.resolve("out").resolve(name);
  }

  private static List<Path> files(Path folder, String suffix) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  /** The classes of each node's group in an SVG frame, by node. */
  private static Map<String, String> nodeClasses(Path svg) throws IOException {
    Map<String, String> classes = new TreeMap<>();
    Matcher m = GROUP.matcher(Files.readString(svg));
    while (m.find()) {
      classes.put(m.group(1), m.group(2));
    }
    return classes;
  }

  @Test
  void everyFormatIsWrittenWithEveryMark() throws IOException {
    for (String file : List.of("all.pdf", "all.pptx", "all.gif", "all.html", "all.md", "all.tex", "all.dot",
        "trace.json", "frame-004.svg", "frame-004.png")) {
      Path path = all.resolve(file);
      assertTrue(Files.isRegularFile(path) && Files.size(path) > 0, file + " is written: " + listing(all));
    }
  }

  private static List<String> listing(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theNodesOffTheHighlightedPathsAreDimmedInSvg() throws IOException {
    for (Path svg : files(all, ".svg")) {
      Map<String, String> classes = nodeClasses(svg);
      assertEquals(List.of("a", "b", "x", "y", "z"), new ArrayList<>(classes.keySet()), svg.toString());
      for (String node : List.of("x", "a")) {
        assertTrue(classes.get(node).endsWith(" dim"), node + " is off z's path: " + classes);
      }
      for (String node : List.of("z", "b", "y")) {
        assertFalse(classes.get(node).contains("dim"), node + " is on z's path: " + classes);
      }
    }
  }

  @Test
  void dotGreysTheNodesOffThePaths() throws IOException {
    String dot = Files.readString(all.resolve("all.dot"));
    for (String node : List.of("x", "a")) {
      assertTrue(Pattern.compile("(?m)^  \"" + node + "\" \\[.*, color=\"#[0-9a-f]{6}\", fontcolor=").matcher(dot)
          .find(), node + " is greyed: " + dot);
    }
    for (String node : List.of("z", "b", "y")) {
      assertTrue(Pattern.compile("(?m)^  \"" + node + "\" \\[[^\\n]*label=\"[^\"]*\"\\];$").matcher(dot).find(),
          node + " keeps Graphviz's colours: " + dot);
    }
  }

  @Test
  void aDimmedBoxIsPaintedInTheThemesColourMovedTowardTheBackground() throws IOException {
    String svg = Files.readString(all.resolve("frame-004.svg"));
    Theme theme = Theme.load("light");
    String done = theme.text(ThemeKey.fill(org.gradframes.autodiff.NodeState.PENDING));
    String expected = towards(done, theme.text(ThemeKey.BACKGROUND), theme.number(ThemeKey.DIM_FADE));
    Matcher rule = Pattern.compile("\\.node\\.pending\\.dim \\.box \\{ fill: (#[0-9a-f]{6});").matcher(svg);
    assertTrue(rule.find(), "the stylesheet paints dimmed pending boxes");
    assertEquals(expected, rule.group(1));
    assertFalse(expected.equalsIgnoreCase(done));
  }

  /** Each channel moved {@code t} of the way from {@code a} to {@code b}, computed here on its own. */
  private static String towards(String a, String b, double t) {
    StringBuilder out = new StringBuilder("#");
    for (int k = 1; k < 7; k += 2) {
      int x = Integer.parseInt(a.substring(k, k + 2), 16);
      int y = Integer.parseInt(b.substring(k, k + 2), 16);
      out.append(String.format(Locale.ROOT, "%02x", Math.round(x + (y - x) * t)));
    }
    return out.toString();
  }

  @Test
  void decimalsFixEveryValueGradientAndEdgeLabel() throws IOException {
    String last = Files.readString(files(all, ".svg").get(files(all, ".svg").size() - 1));
    Matcher lines = Pattern.compile(">(value|grad) ([^<]*)</text>").matcher(last);
    int count = 0;
    while (lines.find()) {
      assertTrue(lines.group(2).matches("−?\\d+\\.\\d\\d"), lines.group() + " has two decimals");
      count++;
    }
    assertEquals(10, count, "a value and a gradient line in each of the five boxes");
    // dy/db and dy/dx by central differences of the program, independent of the gradients gradframes computes.
    double h = 1e-5;
    double slope = (y(1.5, 1.5 * 1.5, -0.5 + h) - y(1.5, 1.5 * 1.5, -0.5 - h)) / (2 * h);
    assertTrue(labels(last).contains("∂y/∂b = a = " + fixed(slope)), "the edge label of b → y: " + labels(last));
    double dx = (y(1.5 + h, Double.NaN, Double.NaN) - y(1.5 - h, Double.NaN, Double.NaN)) / (2 * h);
    assertTrue(last.contains(">grad " + fixed(dx) + "</text>"), "x's gradient " + fixed(dx) + " with two decimals");
  }

  /** y of the program at x, with a and b as given, or (NaN) computed from x and z = −2. */
  private static double y(double x, double a, double b) {
    return (Double.isNaN(a) ? x * x : a) * (Double.isNaN(b) ? x - 2 : b);
  }

  private static String fixed(double value) {
    return String.format(Locale.ROOT, "%.2f", value).replace('-', '−');
  }

  private static List<String> labels(String svg) {
    List<String> labels = new ArrayList<>();
    Matcher m = Pattern.compile("<text class=\"label\"[^>]*>([^<]*)</text>").matcher(svg);
    while (m.find()) {
      labels.add(m.group(1));
    }
    return labels;
  }

  @Test
  void everyFrameSaysWhichStepItIsUnlessTurnedOff() throws IOException {
    List<Path> frames = files(render("steps", "-f", "svg"), ".svg");
    assertEquals(5, frames.size(), "every frame of the program: " + frames);
    for (int k = 0; k < frames.size(); k++) {
      String svg = Files.readString(frames.get(k));
      assertTrue(svg.contains(">Step " + (k + 1) + " of " + frames.size() + "</text>"), frames.get(k) + " says"
          + " which step it is");
    }
    Path off = render("off", "-f", "svg", "--frame", "0,last", "--step-label", "off");
    for (Path svg : files(off, ".svg")) {
      assertFalse(Files.readString(svg).contains("Step "), svg + " has no step label");
    }
  }

  @Test
  void theLegendIsInSvgPdfAndPptx() throws IOException {
    String svg = Files.readString(all.resolve("frame-004.svg"));
    for (String words : List.of("gradient passed on", "taking its step", "gradient sent back now",
        "off the highlighted paths")) {
      assertTrue(svg.contains(">" + words + "</text>"), "the SVG key says " + words);
    }
    String pdf;
    try (PDDocument doc = Loader.loadPDF(all.resolve("all.pdf").toFile())) {
      pdf = new PDFTextStripper().getText(doc);
    }
    assertTrue(pdf.contains("gradient passed on"), "the PDF's text has the key: " + pdf);
    assertTrue(pdf.contains("Step 5 of 5"), "the PDF's text has the step label");
    try (XMLSlideShow show = new XMLSlideShow(Files.newInputStream(all.resolve("all.pptx")))) {
      XSLFSlide first = show.getSlides().get(0);
      String text = String.join("\n", texts(first.getShapes()));
      assertTrue(text.contains("gradient passed on"), "the first slide has the key: " + text);
      assertTrue(text.contains("Step 5 of 5"), "the first slide has the step label");
    }
  }

  private static List<String> texts(List<XSLFShape> shapes) {
    List<String> texts = new ArrayList<>();
    for (XSLFShape shape : shapes) {
      if (shape instanceof XSLFGroupShape group) {
        texts.addAll(texts(group.getShapes()));
      } else if (shape instanceof XSLFTextShape text) {
        texts.add(text.getText());
      }
    }
    return texts;
  }

  @Test
  void theLegendsSwatchesArePaintedInThePngInTheThemesColours() throws IOException {
    Path plain = render("plain", "-f", "png", "--frame", "last");
    BufferedImage with = ImageIO.read(all.resolve(lastName(all)).toFile());
    BufferedImage without = ImageIO.read(plain.resolve(lastName(plain)).toFile());
    int ready = Integer.parseInt(Theme.load("light").text(ThemeKey.fill(org.gradframes.autodiff.NodeState.READY))
        .substring(1), 16);
    assertTrue(count(with, ready) > 20, "the key's swatch of a node whose gradient is known");
    assertEquals(0, count(without, ready), "no such swatch without --legend (the last frame has no such node)");
  }

  private static String lastName(Path folder) throws IOException {
    List<Path> pngs = files(folder, ".png");
    return pngs.get(pngs.size() - 1).getFileName().toString();
  }

  /** Pixels of exactly {@code rgb} in {@code image}. */
  private static int count(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        n += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void wrongMarksAreRefused() throws IOException {
    Path program = dir.resolve("refused.grad");
    Files.writeString(program, PROGRAM);
    Run decimals = Run.of("-o", dir.resolve("no").toString(), "--decimals", "13", program.toString());
    assertEquals(Main.USAGE, decimals.exit());
    assertTrue(decimals.err().contains("--decimals: expected a whole number from 0 to 12, not 13."), decimals.err());
    Run both = Run.of("-o", dir.resolve("no").toString(), "--decimals", "2", "--precision", "3", program.toString());
    assertEquals(Main.USAGE, both.exit());
    Run label = Run.of("-o", dir.resolve("no").toString(), "--step-label", "maybe", program.toString());
    assertEquals(Main.USAGE, label.exit());
    assertTrue(label.err().contains("--step-label: expected on or off, not 'maybe'."), label.err());
    Path loss = dir.resolve("loss.grad");
    Files.writeString(loss, "w = 0.5\nloss = w * w\n");
    Run unknown = Run.of("-o", dir.resolve("no").toString(), "--highlight", "lost", loss.toString());
    assertEquals(Main.BAD_INPUT, unknown.exit());
    assertTrue(unknown.err().contains("--highlight: the program has no variable 'lost'; did you mean 'loss'?"),
        unknown.err());
    assertFalse(Files.exists(dir.resolve("no")), "nothing is written");
  }
}
