package org.gradframes.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pandoc filter integrations/pandoc/gradframes.lua run by the pandoc on the PATH, with gradframes found as a
 * {@code gradframes} command on the PATH (a launcher onto this build's classes that counts its runs): a page of
 * three fences becomes HTML with three inline SVG figures and no duplicate id, checked in Chromium, and a PDF with
 * three images, checked with pdfinfo and pdfimages; an unchanged page runs gradframes no more; a fence with a syntax
 * error stops pandoc with a message naming the block and the error's line and column. With GRADFRAMES_SERVER naming
 * a render server started in this JVM, the same page comes out byte for byte with no gradframes run, and errors read
 * the same; a server that does not answer is said once and the command line renders.
 */
class PandocFilterTest {
  private static final Path FILTER = Path.of("integrations/pandoc/gradframes.lua").toAbsolutePath();
  private static final String PAGE = """
      # Three figures

      ```grad
      x = 3; y = x * x
      ```

      ```{.grad frame=last view=network caption="A small *network*"}
      x = 1
      w1 = 0.5; b1 = 0.1; w2 = -0.3; b2 = 0.2
      h1 = relu(w1 * x + b1)
      h2 = relu(w2 * x + b2)
      v1 = 0.7; v2 = -0.4; c = 0.05
      yhat = v1 * h1 + v2 * h2 + c
      loss = (yhat - 1)^2
      ```

      ```{.grad frame=2 theme=dark}
      x = 3; y = x * x
      ```
      """;

  @TempDir Path dir;
  private Path runs;

  @BeforeEach
  void launcher() throws IOException {
    Command.assumeInstalled("pandoc", "pandoc");
    runs = dir.resolve("runs.log");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path gradframes = bin.resolve("gradframes");
    Files.writeString(gradframes, "#!/bin/sh\necho run >> '" + runs + "'\nexec '"
        + Path.of(System.getProperty("java.home"), "bin", "java") + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
        + " -cp '" + System.getProperty("java.class.path") + "' org.gradframes.cli.Main \"$@\"\n");
    assertTrue(gradframes.toFile().setExecutable(true));
    Files.writeString(dir.resolve("page.md"), PAGE);
  }

  @Test
  void threeFencesBecomeThreeInlineSvgFiguresAndAnUnchangedPageRunsNoJvm() throws Exception {
    Result html = pandoc("page.md", "-s", "--metadata", "title=Three figures", "-o", "page.html");
    assertEquals(0, html.exit(), html.err());
    assertEquals(3, runs(), "one gradframes run per fence");
    String page = Files.readString(dir.resolve("page.html"));
    assertEquals(-1, page.indexOf("<?xml"), "the SVG is inlined without its XML declaration");

    Result again = pandoc("page.md", "-s", "--metadata", "title=Three figures", "-o", "again.html");
    assertEquals(0, again.exit(), again.err());
    assertEquals(3, runs(), "an unchanged page takes its figures from the cache");
    assertEquals(page, Files.readString(dir.resolve("again.html")));
    theRenderServerMakesTheSamePageAndNoJvmStarts(page);

    try (Chromium chromium = Chromium.start()) {
      DevTools tab = chromium.openPage();
      tab.navigate(dir.resolve("page.html").toUri().toString());
      assertEquals(3, tab.evaluate("document.querySelectorAll('figure.gradframes > svg').length").asInt());
      JsonNode ids = tab.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)");
      List<String> all = new ArrayList<>();
      ids.forEach(id -> all.add(id.asText()));
      Set<String> seen = new HashSet<>();
      assertEquals(List.of(), all.stream().filter(id -> !seen.add(id)).toList(), "ids the page holds twice");
      assertEquals("A small network", tab.evaluate("document.querySelector('figcaption').textContent.trim()")
          .asText());
      assertEquals("network", tab.evaluate("document.querySelector('figcaption em').textContent").asText(),
          "the caption is Markdown");
      JsonNode fills = tab.evaluate("[...document.querySelectorAll('figure.gradframes > svg')].map(s =>"
          + " getComputedStyle(s.querySelector('.background')).fill)");
      assertNotEquals(fills.get(0).asText(), fills.get(2).asText(), "the dark figure keeps its own background");
      assertEquals(List.of(), tab.errors(0), "the page has no errors");
    }
  }

  @Test
  void threeFencesBecomeThreeImagesInAPdfThroughLatex() throws Exception {
    Command.assumeInstalled("pdflatex", "texlive-latex-recommended");
    Command.assumeInstalled("pdfinfo", "poppler-utils");
    Result pdf = pandoc("page.md", "-o", "page.pdf");
    assertEquals(0, pdf.exit(), pdf.err());
    Command info = Command.run("pdfinfo", dir.resolve("page.pdf").toString());
    assertTrue(info.out().matches("(?s).*Pages:\\s+[1-9].*"), info.out());
    Command images = Command.run("pdfimages", "-list", dir.resolve("page.pdf").toString());
    long count = images.out().lines().skip(2).filter(line -> !line.isBlank()).count();
    assertEquals(3, count, "the three figures are in the PDF:\n" + images.out());
    Result latex = pandoc("page.md", "-t", "latex");
    assertTrue(latex.out().contains("\\caption{A small \\emph{network}}"), latex.out());
  }

  @Test
  void aFenceWithASyntaxErrorStopsPandocNamingTheBlock() throws Exception {
    Files.writeString(dir.resolve("bad.md"), "Text.\n\n```grad\nx = 3\n```\n\n```grad\nx = 2\ny = x * * x\n```\n");
    Result bad = pandoc("bad.md", "-o", "bad.html");
    assertNotEquals(0, bad.exit(), "pandoc fails");
    assertTrue(bad.err().contains("```grad block 2 (first line: x = 2)"), bad.err());
    assertTrue(bad.err().contains("block 2:2:9: error: Expected an expression, found '*'."), bad.err());
    assertTrue(bad.err().contains("y = x * * x\n        ^"), bad.err());
  }

  /** The page built through a render server (a cache of its own) is {@code page}, and no gradframes command runs. */
  private void theRenderServerMakesTheSamePageAndNoJvmStarts(String page) throws Exception {
    try (Server server = Server.start()) {
      Map<String, String> environment = Map.of("GRADFRAMES_SERVER", server.url(), "GRADFRAMES_CACHE", "served-cache");
      Result served = pandoc(environment, "page.md", "-s", "--metadata", "title=Three figures", "-o", "served.html");
      assertEquals(0, served.exit(), served.err());
      assertEquals("", served.err(), "no warning");
      assertEquals(3, runs(), "the server renders every fence; no gradframes command runs");
      assertEquals(3, server.requests("POST /gradframes/svg 200"), "one request per fence");
      assertEquals(page, Files.readString(dir.resolve("served.html")),
          "the same page through the server and through the command line");
      Result again = pandoc(environment, "page.md", "-s", "--metadata", "title=Three figures", "-o", "again.html");
      assertEquals(0, again.exit(), again.err());
      assertEquals(3, server.requests("POST /gradframes/svg"), "an unchanged page takes its figures from the cache");
    }
  }

  @Test
  void aServerThatDoesNotAnswerIsSaidOnceAndTheCommandLineRenders() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Files.writeString(dir.resolve("two.md"), "```grad\nx = 3; y = x * x\n```\n\n```grad\nx = 3; y = x * x\n```\n");
    Result html = pandoc(Map.of("GRADFRAMES_SERVER", "http://127.0.0.1:" + port), "two.md", "-o", "two.html");
    assertEquals(0, html.exit(), html.err());
    assertEquals(1, html.err().split("cannot be used", -1).length - 1, "one warning:\n" + html.err());
    assertTrue(html.err().contains("http://127.0.0.1:" + port), html.err());
    assertEquals(1, runs(), "the command line renders the figure (once: the second fence is the first's)");
    assertEquals(2, Files.readString(dir.resolve("two.html")).split("<figure class=\"gradframes\">", -1).length - 1);
  }

  @Test
  void aSyntaxErrorFromTheServerNamesTheBlockAsTheCommandLineDoes() throws Exception {
    Files.writeString(dir.resolve("bad.md"), "Text.\n\n```grad\nx = 3\n```\n\n```grad\nx = 2\ny = x * * x\n```\n");
    try (Server server = Server.start()) {
      Result bad = pandoc(Map.of("GRADFRAMES_SERVER", server.url()), "bad.md", "-o", "bad.html");
      assertNotEquals(0, bad.exit(), "pandoc fails");
      assertEquals(1, server.requests("POST /gradframes/svg 400"), "the server found the error");
      // What aFenceWithASyntaxErrorStopsPandocNamingTheBlock finds the command line's path to print, line by line.
      assertTrue(bad.err().contains("gradframes.lua: ```grad block 2 (first line: x = 2):\n"
          + "block 2:2:9: error: Expected an expression, found '*'.\ny = x * * x\n        ^\n"), bad.err());
    }
    assertEquals(0, runs(), "no gradframes command runs");
  }

  /** A render server in this JVM on a free loopback port, with its access log. */
  private record Server(org.gradframes.serve.RenderServer server, java.io.ByteArrayOutputStream log)
      implements AutoCloseable {
    static Server start() throws IOException {
      Command.assumeInstalled("curl", "curl");
      java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
      return new Server(org.gradframes.serve.RenderServer.start(new java.net.InetSocketAddress(
          java.net.InetAddress.getLoopbackAddress(), 0), org.gradframes.serve.ServerLimits.defaults().withWorkers(2)
          .withStopGrace(java.time.Duration.ZERO), new java.io.PrintStream(log, true, StandardCharsets.UTF_8)), log);
    }

    String url() {
      return "http://127.0.0.1:" + server.port();
    }

    /** How many requests the log holds whose line has {@code text}. */
    long requests(String text) {
      return log.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains(text)).count();
    }

    @Override
    public void close() {
      server.stop();
    }
  }

  /** What a run of pandoc printed. */
  private record Result(int exit, String out, String err) {}

  private int runs() throws IOException {
    return Files.exists(runs) ? Files.readAllLines(runs).size() : 0;
  }

  private Result pandoc(String... args) throws IOException, InterruptedException {
    return pandoc(Map.of(), args);
  }

  /** A run of pandoc with {@code environment} added to its environment, GRADFRAMES_SERVER not set otherwise. */
  private Result pandoc(Map<String, String> environment, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("pandoc", "--lua-filter", FILTER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(dir.resolve("pandoc.out").toFile()).redirectError(dir.resolve("pandoc.err").toFile());
    builder.environment().remove("GRADFRAMES_JAR");
    builder.environment().remove("GRADFRAMES_SERVER");
    builder.environment().putAll(environment);
    builder.environment().put("PATH", dir.resolve("bin") + java.io.File.pathSeparator + System.getenv("PATH"));
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("pandoc did not finish within 120 s");
    }
    return new Result(process.exitValue(), Files.readString(dir.resolve("pandoc.out"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("pandoc.err"), StandardCharsets.UTF_8));
  }
}
