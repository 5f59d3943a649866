package org.gradframes.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** One DevTools protocol connection, to the browser or to one page: commands with their replies, and the events seen. */
final class DevTools implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Key> KEYS = Map.of(
      "ArrowRight", new Key("ArrowRight", "ArrowRight", 39, ""),
      "ArrowLeft", new Key("ArrowLeft", "ArrowLeft", 37, ""),
      "Home", new Key("Home", "Home", 36, ""),
      "End", new Key("End", "End", 35, ""),
      "Space", new Key(" ", "Space", 32, " "),
      "Enter", new Key("Enter", "Enter", 13, "\r"),
      "Escape", new Key("Escape", "Escape", 27, ""));

  private record Key(String key, String code, int keyCode, String text) {}

  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new ArrayList<>();
  private final WebSocket socket;

  DevTools(URI endpoint) throws IOException {
    this.socket = await(HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(endpoint, new Inbox()),
        "connecting to " + endpoint);
  }

  /** Sends one command and returns its result. @throws IOException when it fails or has no reply in time */
  JsonNode send(String method, Map<String, ?> params) throws IOException {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    replies.put(id, reply);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    await(socket.sendText(message.toString(), true), "sending " + method);
    JsonNode answer = await(reply, method);
    if (answer.has("error")) {
      throw new IOException(method + " failed: " + answer.get("error"));
    }
    return answer.get("result");
  }

  /** How many events have arrived: pass it to {@link #events} or {@link #awaitEvent} to see only later ones. */
  int mark() {
    synchronized (events) {
      return events.size();
    }
  }

  /** The parameters of the events called {@code method} that arrived since {@code from}. */
  List<JsonNode> events(String method, int from) {
    synchronized (events) {
      return events.subList(from, events.size()).stream()
          .filter(e -> method.equals(e.path("method").asText())).map(e -> e.get("params")).toList();
    }
  }

  /** Waits for an event called {@code method}, arrived since {@code from}, whose parameters match. */
  JsonNode awaitEvent(String method, int from, Predicate<JsonNode> matches) throws IOException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    synchronized (events) {
      while (true) {
        for (JsonNode params : events(method, from)) {
          if (matches.test(params)) {
            return params;
          }
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new IOException("no " + method + " within " + TIMEOUT.toSeconds() + " s");
        }
        try {
          events.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException(method);
        }
      }
    }
  }

  void navigate(String url) throws IOException {
    int from = mark();
    JsonNode result = send("Page.navigate", Map.of("url", url));
    if (result.hasNonNull("errorText")) {
      throw new IOException(url + ": " + result.get("errorText").asText());
    }
    awaitEvent("Page.loadEventFired", from, e -> true);
  }

  /** Evaluates JavaScript in the main frame and returns its value, promises awaited; a throw fails the test. */
  JsonNode evaluate(String expression) throws IOException {
    return evaluate(expression, Map.of());
  }

  JsonNode evaluateIn(int context, String expression) throws IOException {
    return evaluate(expression, Map.of("contextId", context));
  }

  private JsonNode evaluate(String expression, Map<String, ?> where) throws IOException {
    Map<String, Object> params = new HashMap<>(where);
    params.putAll(Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    JsonNode result = send("Runtime.evaluate", params);
    if (result.has("exceptionDetails")) {
      JsonNode details = result.get("exceptionDetails");
      throw new AssertionError(expression + " threw "
          + details.path("exception").path("description").asText(details.path("text").asText()));
    }
    return result.path("result").path("value");
  }

  /** Presses and releases a key (ArrowRight, ArrowLeft, Home, End or Space) as a user's keyboard would. */
  void press(String name) throws IOException {
    Key key = KEYS.get(name);
    send("Input.dispatchKeyEvent", Map.of("type", key.text().isEmpty() ? "rawKeyDown" : "keyDown", "key", key.key(),
        "code", key.code(), "windowsVirtualKeyCode", key.keyCode(), "text", key.text()));
    send("Input.dispatchKeyEvent", Map.of("type", "keyUp", "key", key.key(), "code", key.code(),
        "windowsVirtualKeyCode", key.keyCode()));
  }

  /** Clicks the middle of the first element that a CSS selector finds, with the mouse. */
  void click(String selector) throws IOException {
    JsonNode at = evaluate("(() => { const e = document.querySelector(" + JSON.valueToTree(selector) + ");"
        + " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
        + " return [r.x + r.width / 2, r.y + r.height / 2]; })()");
    for (String type : List.of("mousePressed", "mouseReleased")) {
      send("Input.dispatchMouseEvent", Map.of("type", type, "x", at.get(0).asDouble(), "y", at.get(1).asDouble(),
          "button", "left", "clickCount", 1));
    }
  }

  byte[] screenshot() throws IOException {
    return Base64.getDecoder().decode(send("Page.captureScreenshot", Map.of("format", "png")).get("data").asText());
  }

  /** Uncaught exceptions, console errors and logged errors (such as failed loads) since {@code from}. */
  List<String> errors(int from) {
    List<String> found = new ArrayList<>();
    events("Runtime.exceptionThrown", from).forEach(e -> found.add(e.path("exceptionDetails").toString()));
    events("Runtime.consoleAPICalled", from).stream().filter(e -> e.path("type").asText().equals("error"))
        .forEach(e -> found.add("console.error " + e.path("args")));
    events("Log.entryAdded", from).stream().filter(e -> e.path("entry").path("level").asText().equals("error"))
        .forEach(e -> found.add(e.path("entry").path("text").asText() + " " + e.path("entry").path("url")));
    return found;
  }

  @Override
  public void close() {
    socket.abort();
  }

  private static <T> T await(CompletableFuture<T> future, String what) throws IOException {
    try {
      return future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException(what + (e instanceof TimeoutException ? ": no answer within 30 s" : " failed"), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(what);
    }
  }

  /** Joins a message's fragments, then completes the command it answers or records it as an event. */
  private final class Inbox implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        receive(text.toString());
        text.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    private void receive(String message) {
      try {
        JsonNode node = JSON.readTree(message);
        if (node.has("id")) {
          Optional.ofNullable(replies.remove(node.get("id").asInt())).ifPresent(reply -> reply.complete(node));
          return;
        }
        synchronized (events) {
          events.add(node);
          events.notifyAll();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + message, e);
      }
    }
  }
}
