package org.gradframes.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gradframes.pipeline.Gradframes;
import org.gradframes.pipeline.RenderOptions;

/**
 * The render server: Kroki's API for a {@code gradframes} diagram type on the JDK's own HTTP server.
 * {@code POST /gradframes/FORMAT} takes the program as the body, {@code GET /gradframes/FORMAT/ENCODED} takes it in
 * Kroki's encoding; the options are query parameters. {@code GET /health} says whether it is up. Every request is
 * logged on one line of the log stream.
 */
public final class RenderServer {
  private final HttpServer http;
  private final ExecutorService handlers;
  private final Renders renders;
  private final ServerLimits limits;
  private final PrintStream log;

  private RenderServer(HttpServer http, ExecutorService handlers, Renders renders, ServerLimits limits,
      PrintStream log) {
    this.http = http;
    this.handlers = handlers;
    this.renders = renders;
    this.limits = limits;
    this.log = log;
  }

  /**
   * A server listening on {@code address} (port 0 for any free one), started, logging to {@code log}.
   *
   * @throws IOException when the address cannot be bound
   */
  public static RenderServer start(InetSocketAddress address, ServerLimits limits, PrintStream log)
      throws IOException {
    return start(address, limits, log, new Renders(limits));
  }

  /** A server whose renders are {@code renders}: tests hold a render back with a latch. */
  static RenderServer start(InetSocketAddress address, ServerLimits limits, PrintStream log, Renders renders)
      throws IOException {
    HttpServer http = HttpServer.create(address, 64);
    // Threads that read requests and write answers: more than the renders, so that a full server still answers
    // 503, /health and bad requests at once.
    AtomicInteger count = new AtomicInteger();
    ExecutorService handlers = Executors.newFixedThreadPool(limits.workers() + 4, task -> {
      Thread t = new Thread(task, "gradframes-http-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    RenderServer server = new RenderServer(http, handlers, renders, limits, log);
    http.createContext("/", server::handle);
    http.setExecutor(handlers);
    http.start();
    return server;
  }

  /** The port the server listens on. */
  public int port() {
    return http.getAddress().getPort();
  }

  /**
   * Stops accepting requests, lets those under way finish for up to the limits' stop grace, then stops the renders.
   */
  public void stop() {
    http.stop((int) Math.max(0, limits.stopGrace().toSeconds()));
    handlers.shutdown();
    renders.stop();
    try {
      handlers.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    Answer answer;
    try {
      answer = answer(exchange);
    } catch (RefusedException e) {
      answer = e.answer();
    } catch (RuntimeException | Error e) {
      answer = Answer.text(500, "gradframes: internal error: " + e + " (please report it with the program).");
      e.printStackTrace(log);
    }
    try {
      send(exchange, answer);
    } finally {
      exchange.close();
      log(exchange, answer, start);
    }
  }

  private Answer answer(HttpExchange exchange) throws IOException, RefusedException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    if (path.equals("/health")) {
      // The build's fingerprint lets a client key its cache to the server's build (the pandoc filter does).
      return allowed(method, "GET") ? Answer.text(200, "ok " + Gradframes.version() + " build " + Gradframes.build())
          : notAllowed("GET");
    }
    String[] parts = path.split("/", -1);
    if (parts.length < 3 || !parts[1].equals("gradframes") || !Figures.known(parts[2])) {
      return Answer.text(404, "no such endpoint: the server answers POST /gradframes/FORMAT and"
          + " GET /gradframes/FORMAT/ENCODED with FORMAT svg, png, pdf or json, and GET /health.");
    }
    String format = parts[2];
    byte[] program;
    if (parts.length == 3 && method.equals("POST")) {
      program = body(exchange);
    } else if (parts.length == 4 && allowed(method, "GET") && !parts[3].isEmpty()) {
      program = decoded(parts[3]);
    } else {
      return parts.length == 3 ? notAllowed("POST") : parts.length == 4 ? notAllowed("GET")
          : Answer.text(404, "no such endpoint: GET /gradframes/" + format + "/ENCODED takes one path segment.");
    }
    RenderOptions options = RequestOptions.read(format, exchange.getRequestURI().getRawQuery(), limits.maxNodes());
    return renders.render(format, text(program), options);
  }

  private static boolean allowed(String method, String expected) {
    return method.equals(expected) || expected.equals("GET") && method.equals("HEAD");
  }

  private static Answer notAllowed(String allowed) {
    return Answer.text(405, "method not allowed: use " + allowed + ".").with("Allow", allowed);
  }

  /** The request's body, at most the limit's bytes: a longer one is refused without reading it all. */
  private byte[] body(HttpExchange exchange) throws IOException, RefusedException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null && length.strip().matches("\\d{1,18}") && Long.parseLong(length.strip())
        > limits.maxBodyBytes()) {
      throw tooLarge();
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(limits.maxBodyBytes() + 1);
      if (body.length > limits.maxBodyBytes()) {
        throw tooLarge();
      }
      return body;
    }
  }

  private RefusedException tooLarge() {
    return new RefusedException(413, "the program is larger than " + limits.maxBodyBytes() + " bytes, the most"
        + " this server takes.");
  }

  private byte[] decoded(String encoded) throws RefusedException {
    try {
      return KrokiEncoding.decode(encoded, limits.maxBodyBytes());
    } catch (KrokiEncoding.MalformedException e) {
      throw new RefusedException(400, e.getMessage());
    } catch (KrokiEncoding.TooLargeException e) {
      throw new RefusedException(413, e.getMessage());
    }
  }

  /** The program's text: UTF-8, its byte-order mark dropped. */
  private static String text(byte[] program) throws RefusedException {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(program)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new RefusedException(400, Figures.NAME + ": error: is not UTF-8 text; send it as UTF-8.");
    }
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    exchange.getResponseHeaders().set("Cache-Control", answer.status() == 200 ? "public, max-age=86400" : "no-store");
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(answer.status(), head ? -1 : answer.body().length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer.body());
      }
    }
  }

  /** One line per request: time, method, path (cut at 100 characters), status, bytes, milliseconds. */
  private void log(HttpExchange exchange, Answer answer, long start) {
    String path = exchange.getRequestURI().getRawPath();
    String shown = path.length() > 100 ? path.substring(0, 100) + "…" : path;
    log.printf(Locale.ROOT, "%s %s %s %d %d %.0f ms%n", java.time.Instant.now().truncatedTo(
        java.time.temporal.ChronoUnit.MILLIS), exchange.getRequestMethod(), RequestOptions.shown(shown),
        answer.status(), answer.body().length, (System.nanoTime() - start) / 1e6);
  }
}
