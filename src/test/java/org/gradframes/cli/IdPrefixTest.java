package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every id of an SVG frame begins with its root's id, which {@code --id-prefix} sets, and its styles stay inside it. */
class IdPrefixTest {
  private static final String PROGRAM = "x = 3\ny = x * x\n";

  @TempDir Path dir;

  private String frame(String name, int frame, String... args) throws IOException {
    List<String> line = new ArrayList<>(List.of("-f", "svg", "-o", dir.resolve(name).toString(), "-e", PROGRAM));
    line.addAll(List.of(args));
    Run run = Run.of(line.toArray(String[]::new));
    assertEquals(Main.OK, run.exit(), run.err());
    return Files.readString(dir.resolve(name + "/expression/frame-00" + frame + ".svg"));
  }

  private static String rootId(String svg) {
    Matcher m = Pattern.compile("<svg [^>]*? id=\"([^\"]+)\"").matcher(svg);
    assertTrue(m.find(), "the root has an id");
    return m.group(1);
  }

  private static void assertEverythingBeginsWith(String root, String svg) {
    Matcher id = Pattern.compile(" id=\"([^\"]+)\"").matcher(svg);
    int ids = 0;
    while (id.find()) {
      assertTrue(id.group(1).equals(root) || id.group(1).startsWith(root + "-"), id.group(1));
      ids++;
    }
    assertTrue(ids > 5, "ids: " + ids);
    Matcher labels = Pattern.compile("aria-labelledby=\"([^\"]+)\"").matcher(svg);
    assertTrue(labels.find());
    assertEquals(root + "-frame-title " + root + "-frame-desc", labels.group(1));
    String css = svg.substring(svg.indexOf("<style>") + 7, svg.indexOf("</style>"));
    for (String rule : css.strip().split("\n")) {
      assertTrue(rule.startsWith("#" + root + " ") && !rule.contains(","), "scoped to the root: " + rule);
    }
  }

  @Test
  void idPrefixBeginsEveryIdAndScopesEveryRule() throws IOException {
    String svg = frame("set", 2, "--id-prefix", "fig_1");
    assertEquals("fig_1-2", rootId(svg));
    assertTrue(svg.contains("<g id=\"fig_1-2-node-y\""), "y's group");
    assertEverythingBeginsWith("fig_1-2", svg);
  }

  @Test
  void withoutIdPrefixTheIdsComeFromTheProgramAndTheOptions() throws IOException {
    String plain = frame("plain", 2);
    assertTrue(rootId(plain).matches("gf[0-9a-f]{8}-2"), rootId(plain));
    assertEverythingBeginsWith(rootId(plain), plain);
    assertEquals(rootId(plain), rootId(frame("again", 2)), "the same render, the same ids");
    assertEquals(rootId(plain), rootId(frame("framed", 2, "--frame", "last")), "choosing frames keeps the ids");
    assertNotEquals(rootId(plain), rootId(frame("precise", 2, "--precision", "3")), "other options, other ids");
    assertNotEquals(rootId(plain), rootId(frame("dark", 2, "--theme", "dark")), "another theme, other ids");
    assertEquals(rootId(plain).replace("-2", "-1"), rootId(frame("plain", 1)), "each frame its own root id");
    Run other = Run.of("-f", "svg", "-o", dir.resolve("other").toString(), "-e", "x = 4\ny = x * x\n");
    assertEquals(Main.OK, other.exit(), other.err());
    assertNotEquals(rootId(plain), rootId(Files.readString(dir.resolve("other/expression/frame-002.svg"))),
        "another program, other ids");
  }

  @Test
  void anIdPrefixThatIsNoNameIsAUsageError() {
    for (String prefix : List.of("1fig", "fig one", "fig\"", "", "a".repeat(65))) {
      Run run = Run.of("-f", "svg", "-o", "unused", "-e", PROGRAM, "--id-prefix", prefix);
      assertEquals(Main.USAGE, run.exit(), prefix);
      assertTrue(run.err().startsWith("gradframes: error: --id-prefix: expected a letter followed by"), run.err());
    }
  }
}
