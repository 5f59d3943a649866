package org.gradframes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run loads the libraries of the formats it writes and no others: an SVG figure starts no PNG encoder, PDF, deck
 * or JSON library, and the trace needs Jackson's generator, not its object mapper. Checked on the names of the
 * classes a child JVM loads, as {@code -Xlog:class+load} lists them (about 2 s a test on an idle machine).
 */
class ClassLoadingTest {
  /** Packages only other formats need: ImageIO (PNG, GIF), Jackson (json), PDFBox (pdf), POI and XmlBeans (pptx). */
  private static final List<String> NOT_FOR_SVG = List.of("javax.imageio.", "com.fasterxml.jackson.",
      "org.apache.pdfbox.", "org.apache.poi.", "org.apache.xmlbeans.", "org.apache.commons.compress.",
      "me.tongfei.progressbar.");

  @TempDir Path dir;

  private List<String> loadedBy(String... args) throws Exception {
    Path log = dir.resolve("classes.log");
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
        "org.gradframes.cli.Main"));
    command.addAll(List.of(args));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    child.getOutputStream().close();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the child finished");
    assertEquals(0, child.exitValue(), output);
    List<String> classes = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      // [0.154s][info][class,load] org.gradframes.cli.Main source: file:/…
      int name = line.indexOf("] ", line.indexOf("class,load")) + 2;
      classes.add(line.substring(name, line.indexOf(' ', name)));
    }
    return classes;
  }

  @Test
  void anSvgRunLoadsNoOtherFormatsLibraries() throws Exception {
    List<String> classes = loadedBy("-f", "svg", "-o", dir.resolve("out").toString(), "samples/chain-rule.grad");
    assertTrue(classes.contains("org.gradframes.render.format.SvgFormat"), "the log lists the run's classes");
    assertTrue(classes.contains("org.eclipse.elk.alg.layered.LayeredLayoutProvider"), "the log lists libraries");
    assertTrue(Files.isRegularFile(dir.resolve("out/chain-rule/frame-003.svg")), "the run wrote its frames");
    List<String> needless = classes.stream().filter(c -> NOT_FOR_SVG.stream().anyMatch(c::startsWith)).toList();
    assertEquals(List.of(), needless, "classes of formats the run did not ask for");
  }

  @Test
  void theDefaultFormatsLoadTheirLibrariesButNotJacksonsObjectMapperNorThePdfOrDeckLibraries() throws Exception {
    List<String> classes = loadedBy("-o", dir.resolve("out").toString(), "samples/chain-rule.grad");
    assertTrue(classes.contains("javax.imageio.ImageIO"), "the PNG frames are encoded with ImageIO");
    assertTrue(classes.contains("com.fasterxml.jackson.core.JsonGenerator"), "trace.json is written with Jackson");
    assertTrue(Files.isRegularFile(dir.resolve("out/chain-rule/trace.json")), "the run wrote its trace");
    List<String> needless = classes.stream().filter(c -> c.startsWith("com.fasterxml.jackson.databind.ObjectMapper")
        || c.startsWith("org.apache.pdfbox.") || c.startsWith("org.apache.poi.") || c.startsWith("org.apache.xmlbeans.")
        || c.startsWith("me.tongfei.progressbar.")).toList();
    assertEquals(List.of(), needless, "classes of formats the run did not ask for, or of a mapper it does not need");
  }
}
