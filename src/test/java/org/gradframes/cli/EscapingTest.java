package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text from users lands escaped: no input can put markup or script into the outputs. */
class EscapingTest {
  @TempDir Path dir;

  @Test
  void hostileFileNameBecomesASafeFolderName() throws IOException {
    Path file = dir.resolve("<script>alert(1)<'x'>&.grad");
    Files.writeString(file, "x = 1\ny = x * 2\n");
    Run run = Run.of("-o", dir.resolve("out").toString(), "-f", "svg,html,md,beamer", file.toString());
    assertEquals(Main.OK, run.exit(), run.err());
    Path folder;
    try (var list = Files.list(dir.resolve("out"))) {
      folder = list.findFirst().orElseThrow();
    }
    String name = folder.getFileName().toString();
    assertTrue(name.matches("[A-Za-z0-9._-]+"), name);
    try (var list = Files.list(folder)) {
      for (Path p : list.toList()) {
        String text = Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("<script>alert"), p + " holds the raw name");
      }
    }
  }

  @Test
  void nonAsciiNamesReachTheFramesAsText() throws IOException {
    Run run = Run.of("-o", dir.toString(), "-f", "svg,html", "-e", "θ = 2\nλ_1 = θ * θ\n");
    assertEquals(Main.OK, run.exit(), run.err());
    String svg = Files.readString(dir.resolve("expression/frame-002.svg"));
    assertTrue(svg.contains("-node-θ\""), "a Greek name keeps its id");
    assertTrue(svg.contains(">λ<tspan"), "λ_1 is written λ with subscript 1");
    String html = Files.readString(dir.resolve("expression/expression.html"));
    assertEquals(1, html.split("<script>", -1).length - 1, "one script element, ours");
  }

  @Test
  void aLineEndInAFileNameCannotForgeAMessage() throws IOException {
    Path file = dir.resolve("lecture\nforged.grad:1:1: error: all is lost.grad");
    Files.writeString(file, "x = 1\ny = (x\n");
    Run run = Run.of("-o", dir.resolve("out").toString(), file.toString());
    assertEquals(Main.BAD_INPUT, run.exit());
    assertTrue(run.err().contains("lecture\\x0Aforged.grad:1:1: error: all is lost.grad:2:7: error:"), run.err());
    for (String line : run.err().split("\n")) {
      assertFalse(line.startsWith("forged.grad"), "a line of the file name's own: " + run.err());
    }
  }
}
