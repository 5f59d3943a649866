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

/**
 * The examples of the README and of the reference under {@code docs/} run as written, so the documents cannot drift
 * from the tool.
 */
class ReadmeTest {
  @TempDir Path dir;

  /** The README, then every document of {@code docs/} in name order. */
  static List<Path> documents() throws IOException {
    List<Path> documents = new ArrayList<>(List.of(Path.of("README.md")));
    try (var docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    assertTrue(documents.size() > 1, "the reference is in docs/*.md");
    return documents;
  }

  /** Every document's text, one after the other. */
  static String text() throws IOException {
    StringBuilder text = new StringBuilder();
    for (Path document : documents()) {
      text.append(Files.readString(document, StandardCharsets.UTF_8)).append('\n');
    }
    return text.toString();
  }

  record Block(String tag, String text) {}

  static List<Block> blocks() throws IOException {
    List<Block> blocks = new ArrayList<>();
    String tag = null;
    StringBuilder text = new StringBuilder();
    for (String line : text().split("\n", -1)) {
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
    String readme = text();
    List<String> names = Formats.names();
    List<String> table = new ArrayList<>();
    String section = readme.substring(readme.indexOf("## Decks and docs"), readme.indexOf("`--canvas auto", readme.indexOf("## Decks and docs")));
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

  /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
  private static String anchor(String heading) {
    return heading.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }

  @Test
  void everyLinkOfTheDocumentsArrives() throws IOException {
    Pattern link = Pattern.compile("\\]\\(([^)#\\s]*)(?:#([^)\\s]+))?\\)");
    int links = 0;
    for (Path document : documents()) {
      Matcher m = link.matcher(Files.readString(document, StandardCharsets.UTF_8));
      while (m.find()) {
        if (m.group(1).startsWith("http")) {
          continue;
        }
        Path target = m.group(1).isEmpty() ? document : document.resolveSibling(m.group(1)).normalize();
        assertTrue(Files.exists(target), document + " links to " + m.group(0) + ", which is not there");
        if (m.group(2) != null) {
          List<String> anchors = Files.readAllLines(target, StandardCharsets.UTF_8).stream()
              .filter(l -> l.startsWith("#")).map(l -> anchor(l.replaceFirst("^#+", ""))).toList();
          assertTrue(anchors.contains(m.group(2)), document + " links to " + m.group(0) + ": no such heading");
        }
        links++;
      }
    }
    assertTrue(links > 10, "the documents link to each other");
  }
}
