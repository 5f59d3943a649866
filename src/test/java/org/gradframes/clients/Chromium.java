package org.gradframes.clients;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A headless Chromium with a profile of its own, driven over the DevTools protocol; closing it kills it. */
final class Chromium implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final Path profile;
  private final URI endpoint;
  private final DevTools browser;
  private final List<DevTools> targets = new ArrayList<>();

  private Chromium(Process process, Path profile, URI endpoint) throws IOException {
    this.process = process;
    this.profile = profile;
    this.endpoint = endpoint;
    this.browser = new DevTools(endpoint);
  }

  /** Starts a browser and connects to it; skips the calling test when Chromium is not installed. */
  static Chromium start() throws IOException {
    Command.assumeInstalled("chromium", "chromium");
    Path profile = Files.createTempDirectory("gradframes-chromium");
    Process process = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      String endpoint = listeningOn(process).get(DevTools.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return new Chromium(process, profile, URI.create(endpoint));
    } catch (Exception e) {
      kill(process, profile);
      throw new IOException("chromium did not start", e);
    }
  }

  /** Opens a new blank tab and connects to it. */
  DevTools openPage() throws IOException {
    return attach(browser.send("Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText());
  }

  /** Connects to a target (a tab, or an iframe that runs in a process of its own), its main domains enabled. */
  DevTools attach(String targetId) throws IOException {
    DevTools target = new DevTools(endpoint.resolve("/devtools/page/" + targetId));
    targets.add(target);
    for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
      target.send(domain + ".enable", Map.of());
    }
    return target;
  }

  // Reads stderr until Chromium names its endpoint, then drains it so that the browser never blocks on a full pipe.
  private static CompletableFuture<String> listeningOn(Process process) {
    CompletableFuture<String> endpoint = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      List<String> before = new ArrayList<>();
      try (BufferedReader err = new BufferedReader(
          new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line = err.readLine(); line != null; line = err.readLine()) {
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            endpoint.complete(m.group(1));
          } else if (!endpoint.isDone()) {
            before.add(line);
          }
        }
      } catch (IOException e) {
        // the pipe closes when the browser dies
      }
      endpoint.completeExceptionally(new IOException("chromium exited:\n" + String.join("\n", before)));
    }, "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    return endpoint;
  }

  @Override
  public void close() {
    targets.forEach(DevTools::close);
    browser.close();
    kill(process, profile);
  }

  private static void kill(Process process, Path profile) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> walk = Files.walk(profile)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a profile left in the temporary folder does no harm
    }
  }
}
