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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.gradframes.render.format.Formats;
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

  @Test
  void theJavaExampleCompilesRunsAndPrintsWhatTheReadmeSays() throws Exception {
    List<Block> blocks = blocks();
    Block example = blocks.stream().filter(b -> b.tag().equals("java")).findFirst().orElseThrow();
    Block output = blocks.stream().filter(b -> b.tag().equals("output")).findFirst().orElseThrow();
    Matcher name = Pattern.compile("public class (\\w+)").matcher(example.text());
    assertTrue(name.find(), "the Java example declares a public class");
    Path source = dir.resolve(name.group(1) + ".java");
    Files.writeString(source, example.text());
    String classpath = System.getProperty("java.class.path");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertEquals(0, javac.run(null, null, null, "-cp", classpath, "-d", dir.toString(), source.toString()),
        "the Java example compiles");
    Path java17 = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java17.toString(), "-cp", dir + java.io.File.pathSeparator + classpath,
        name.group(1)).directory(dir.toFile()).redirectErrorStream(true).start();
    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), printed);
    assertEquals(output.text(), printed);
    Path folder = dir.resolve("figures/lecture");
    assertTrue(Files.isRegularFile(folder.resolve("trace.json")), "the example writes trace.json");
    for (int i = 0; i < 3; i++) {
      assertTrue(Files.isRegularFile(folder.resolve(String.format("frame-%03d.svg", i))), "frame " + i);
    }
    assertFalse(Files.exists(folder.resolve("frame-000.png")), "only the formats asked for");
  }

  @Test
  void theReadmesFormatListsAreTheRegistry() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    List<String> names = Formats.names();
    List<String> table = new ArrayList<>();
    String section = readme.substring(readme.indexOf("## Decks and docs"), readme.indexOf("`--canvas auto"));
    Matcher row = Pattern.compile("(?m)^\\| `([a-z]+)` \\|").matcher(section);
    while (row.find()) {
      table.add(row.group(1));
    }
    assertEquals(names, table, "the README's format table lists the registry's formats, in its order");
    assertTrue(section.contains("`-f` takes any of `" + String.join(",", names) + "` (or `all`)"));
    List<String> quoted = names.stream().map(n -> "`" + n + "`").toList();
    assertTrue(readme.contains("comma list of " + String.join(", ", quoted) + ", or `all`"),
        "the command-line table lists the registry's formats");
  }
}
