package org.gradframes.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The render server on an ephemeral loopback port, driven by the JDK's HTTP client. */
class RenderServerTest {
  private static final String PROGRAM = "x = 3; y = x * x\n";
  private final HttpClient client = HttpClient.newHttpClient();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private RenderServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private void start(ServerLimits limits) throws IOException {
    server = RenderServer.start(loopback(), limits, new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  private void start(ServerLimits limits, Renders.Work work) throws IOException {
    server = RenderServer.start(loopback(), limits, new PrintStream(log, true, StandardCharsets.UTF_8),
        new Renders(limits, work));
  }

  private static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  private static ServerLimits limits() {
    // The JDK 17 server's stop waits its whole grace even when no exchange is under way.
    return ServerLimits.defaults().withWorkers(2).withStopGrace(Duration.ZERO);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private HttpResponse<byte[]> post(String path, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }


  @Test
  void postAndGetGiveTheBytesOfTheCommandLinesFigure() throws Exception {
    start(limits());
    byte[] expected = org.gradframes.cli.Figures.standardOutput(PROGRAM, "-f", "svg", "--frame", "last",
        "--view", "statements", "--edge-labels", "flow");
    HttpResponse<byte[]> posted = post("/gradframes/svg?view=statements&edge-labels=flow", PROGRAM);
    assertEquals(200, posted.statusCode(), text(posted));
    assertEquals("image/svg+xml", posted.headers().firstValue("Content-Type").orElseThrow());
    assertArrayEquals(expected, posted.body(), "POST: the figure of gradframes - -o -, byte for byte");
    String encoded = KrokiEncoding.encode(PROGRAM.getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> got = get("/gradframes/svg/" + encoded + "?view=statements&edge-labels=flow");
    assertEquals(200, got.statusCode(), text(got));
    assertArrayEquals(expected, got.body(), "GET in Kroki's encoding: the same bytes");
    HttpResponse<byte[]> auto = post("/gradframes/svg?theme=auto", PROGRAM);
    assertEquals(200, auto.statusCode(), text(auto));
    assertArrayEquals(org.gradframes.cli.Figures.standardOutput(PROGRAM, "-f", "svg", "--frame", "last", "--theme",
        "auto"), auto.body(), "theme=auto, the figure that follows the reader's scheme");
    HttpResponse<byte[]> png = post("/gradframes/png?frame=first", PROGRAM);
    assertEquals("image/png", png.headers().firstValue("Content-Type").orElseThrow());
    assertArrayEquals(org.gradframes.cli.Figures.standardOutput(PROGRAM, "-f", "png", "--frame", "first"),
        png.body());
  }

  @Test
  void pdfAndJsonAreTheDeckAndTheTraceOfTheFramesChosen() throws Exception {
    start(limits());
    HttpResponse<byte[]> pdf = post("/gradframes/pdf?frame=0-last", PROGRAM);
    assertEquals(200, pdf.statusCode(), text(pdf));
    assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
    assertArrayEquals(org.gradframes.cli.Figures.folderFile(PROGRAM, "stdin.pdf", "-f", "pdf", "--frame", "0-last"),
        pdf.body(), "the PDF a render into a folder writes");
    HttpResponse<byte[]> json = post("/gradframes/json", PROGRAM);
    assertEquals("application/json", json.headers().firstValue("Content-Type").orElseThrow());
    assertArrayEquals(org.gradframes.cli.Figures.folderFile(PROGRAM, "trace.json", "-f", "json", "--frame", "last"),
        json.body(), "the trace a render into a folder writes");
    assertArrayEquals(json.body(), post("/gradframes/json", PROGRAM).body(), "deterministic");
  }

  @Test
  void aSyntaxErrorIs400WithTheLocatedMessage() throws Exception {
    start(limits());
    HttpResponse<byte[]> response = post("/gradframes/svg", "x1 = 1\ny = (x1 + 2\n");
    assertEquals(400, response.statusCode());
    assertEquals("text/plain; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("<stdin>:2:12: error: Expected ')' to close the '(' at 2:5, found end of line.\n"
        + "y = (x1 + 2\n"
        + "           ^\n", text(response));
  }

  @Test
  void aRequestCannotNameAFileNorAnUnknownParameter() throws Exception {
    start(limits());
    HttpResponse<byte[]> theme = post("/gradframes/svg?theme=/etc/passwd", PROGRAM);
    assertEquals(400, theme.statusCode());
    assertTrue(text(theme).contains("a server reads no theme files"), text(theme));
    HttpResponse<byte[]> out = post("/gradframes/svg?out=/tmp/x", PROGRAM);
    assertEquals(400, out.statusCode());
    assertTrue(text(out).startsWith("unknown parameter 'out'"), text(out));
    HttpResponse<byte[]> frames = post("/gradframes/svg?frame=0-last", PROGRAM);
    assertEquals(400, frames.statusCode(), text(frames));
  }

  @Test
  void theServersNodeLimitIsNamedInItsMessage() throws Exception {
    start(limits().withMaxNodes(5));
    HttpResponse<byte[]> response = post("/gradframes/svg?view=ops",
        "x = 1\ny = " + "sin(".repeat(20) + "x" + ")".repeat(20) + "\n");
    assertEquals(400, response.statusCode());
    assertTrue(text(response).contains("(the server's --max-nodes raises the limit)"), text(response));
    assertTrue(text(response).startsWith("<stdin>:2:"), text(response));
  }

  @Test
  void anOversizedBodyIs413AndSoIsAGetThatInflatesPastIt() throws Exception {
    start(limits().withMaxBodyBytes(1000));
    HttpResponse<byte[]> response = post("/gradframes/svg", "x = 1\n" + "#".repeat(2000));
    assertEquals(413, response.statusCode());
    String bomb = KrokiEncoding.encode(new byte[1_000_000]);
    assertTrue(bomb.length() < 2000, "a megabyte of zeros deflates to " + bomb.length() + " characters");
    assertEquals(413, get("/gradframes/svg/" + bomb).statusCode());
    assertEquals(400, get("/gradframes/svg/not*base64").statusCode());
  }

  @Test
  void aFullServerAnswers503WithRetryAfter() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    start(limits().withWorkers(1), (format, text, options) -> {
      started.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Answer.text(200, "done");
    });
    CompletableFuture<HttpResponse<byte[]>> first = client.sendAsync(HttpRequest.newBuilder(uri("/gradframes/svg"))
        .POST(HttpRequest.BodyPublishers.ofString(PROGRAM)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertTrue(started.await(10, TimeUnit.SECONDS));
    HttpResponse<byte[]> second = post("/gradframes/svg", PROGRAM);
    assertEquals(503, second.statusCode(), text(second));
    assertEquals("1", second.headers().firstValue("Retry-After").orElseThrow());
    assertEquals(200, get("/health").statusCode(), "a full server still says it is up");
    release.countDown();
    assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
  }

  @Test
  void aRenderPastTheTimeLimitIs503() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    start(limits().withWorkers(1).withTimeLimit(Duration.ofMillis(300)), (format, text, options) -> {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Answer.text(200, "too late");
    });
    HttpResponse<byte[]> response = post("/gradframes/svg", PROGRAM);
    assertEquals(503, response.statusCode());
    assertTrue(text(response).startsWith("the render took longer than 300 ms"), text(response));
    release.countDown();
  }

  @Test
  void healthUnknownFormatsAndTheAccessLog() throws Exception {
    start(limits());
    HttpResponse<byte[]> health = get("/health");
    assertEquals(200, health.statusCode());
    assertEquals("ok " + org.gradframes.pipeline.Gradframes.version() + " build "
        + org.gradframes.pipeline.Gradframes.build() + "\n", text(health), "the version and the build's fingerprint");
    assertEquals(404, post("/gradframes/gif", PROGRAM).statusCode());
    assertEquals(404, get("/plantuml/svg/abc").statusCode());
    assertEquals(405, get("/gradframes/svg").statusCode());
    String lines = log.toString(StandardCharsets.UTF_8);
    assertTrue(lines.matches("(?s).* GET /health 200 \\d+ \\d+ ms\n.*"), lines);
    assertTrue(lines.matches("(?s).* POST /gradframes/gif 404 \\d+ \\d+ ms\n.*"), lines);
  }
}
