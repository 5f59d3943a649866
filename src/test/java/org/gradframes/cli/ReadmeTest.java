package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's examples run as written, so the README cannot drift from the tool. */
class ReadmeTest {
  @TempDir Path dir;

  record Block(String tag, String text) {}

  static List<Block> blocks() throws IOException {
    List<Block> blocks = new ArrayList<>();
    String tag = null;
    StringBuilder text = new StringBuilder();
    for (String line : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
      if (line.startsWith("```") && tag == null) {
        tag = line.substring(3).strip();
        text.setLength(0);
      } else if (line.startsWith("```")) {
        blocks.add(new Block(tag, text.toString()));
        tag = null;
      } else if (tag != null) {
        text.append(line).append('\n');
      }
    }
    return blocks;
  }

  @Test
  void everyProgramInTheReadmeRenders() throws IOException {
    int programs = 0;
    for (Block block : blocks()) {
      if (block.tag().equals("grad")) {
        Run run = Run.of("-o", dir.toString(), "-f", "json", "-e", block.text());
        assertEquals(Main.OK, run.exit(), block.text() + run.err());
        programs++;
      }
    }
    assertTrue(programs > 0, "the README shows a program");
  }

  @Test
  void theReadmesChainRuleProgramIsTheSample() throws IOException {
    Block program = blocks().stream().filter(b -> b.tag().equals("grad")).findFirst().orElseThrow();
    String sample = Files.readString(Path.of("samples/chain-rule.grad"));
    assertTrue(sample.endsWith(program.text().substring(program.text().indexOf("\nx1"))), "README drifted");
  }

  @Test
  void theReadmesErrorExampleIsWhatTheToolPrints() throws IOException {
    List<Block> blocks = blocks();
    Block program = blocks.stream().filter(b -> b.tag().equals("grad-error")).findFirst().orElseThrow();
    Block expected = blocks.stream().filter(b -> b.tag().equals("stderr")).findFirst().orElseThrow();
    Path file = dir.resolve("lecture.grad");
    Files.writeString(file, program.text());
    Run run = Run.of("-o", dir.resolve("out").toString(), file.toString());
    assertEquals(Main.BAD_INPUT, run.exit());
    assertEquals(expected.text(), run.err().replace(file.toString(), "lecture.grad"));
    assertFalse(Files.exists(dir.resolve("out/lecture")));
  }
}
