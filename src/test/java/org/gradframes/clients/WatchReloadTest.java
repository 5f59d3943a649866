package org.gradframes.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gradframes.cli.Main;
import org.gradframes.render.format.HtmlFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML stepper made under {@code --watch}, opened from file:// in headless Chromium, reloads itself on the frame
 * it showed when the program is rendered again; the page of a normal run has no such script, and a normal run
 * after the watch puts that page back. Slow for this suite (12 to 15 s measured at a load of 13 to 16 on 2 cores;
 * the reload itself 1.1 s): a browser's start, four renders, and the page's poll once a second. It is the one test
 * that shows the reload works where teachers open the page, from file://.
 */
class WatchReloadTest {
  private static final long TIMEOUT_S = 20;

  @TempDir Path dir;

  @Test
  void theStepperOfAWatchReloadsOnTheSameFrameWhenTheProgramChanges() throws Exception {
    Path program = dir.resolve("lecture.grad");
    Files.writeString(program, "x = 3\ny = x * x\n");
    Path out = dir.resolve("out");
    Run normal = Run.of("-f", "html", "-o", dir.resolve("normal").toString(), program.toString());
    assertEquals(Main.OK, normal.exit(), normal.err());
    String plain = Files.readString(dir.resolve("normal/lecture/lecture.html"));
    assertFalse(plain.contains("gradframesVersion"), "a normal run's page does not poll");

    StringWriter err = new StringWriter();
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Thread watch = new Thread(() -> exit.complete(new Main(new PrintWriter(new StringWriter()), new PrintWriter(err))
        .run("--watch", "-f", "html", "-o", out.toString(), program.toString())), "watch");
    watch.setDaemon(true);
    watch.start();
    try (Chromium chromium = Chromium.start()) {
      await(() -> err.toString().contains("watching"), "the first render", err);
      String page = Files.readString(out.resolve("lecture/lecture.html"));
      assertEquals(plain, page.replaceAll("(?s)<script>\\n\\(function \\(\\) \\{\\n\"use strict\";\\nvar version"
          + ".*?</script>\\n(?=</body>)", ""), "the watched page is the normal page and the polling script");
      assertTrue(Files.isRegularFile(out.resolve("lecture").resolve(HtmlFormat.versionFile("lecture"))));

      DevTools tab = chromium.openPage();
      tab.navigate(out.resolve("lecture/lecture.html").toUri() + "#step=2");
      tab.evaluate("window.notReloaded = true");
      assertTrue(tab.evaluate("document.body.textContent.includes('value 9')").asBoolean(), "the first program");

      Files.writeString(program, "x = 4\ny = x * x\n");
      await(() -> tab.evaluate("window.notReloaded !== true && document.readyState === 'complete'"
          + " && document.body.textContent.includes('value 16')").asBoolean(), "the page to reload", err);
      assertEquals("#step=2", tab.evaluate("location.hash").asText(), "the same frame");
      assertEquals(1, tab.evaluate("window.gradframes.index()").asInt(), "the stepper shows that frame");
      assertTrue(tab.errors(0).isEmpty(), "no script errors: " + tab.errors(0));
    } finally {
      watch.interrupt();
      assertEquals(Main.OK, exit.get(TIMEOUT_S, TimeUnit.SECONDS));
    }
    Files.writeString(program, "x = 3\ny = x * x\n");
    Run after = Run.of("-f", "html", "-o", out.toString(), program.toString());
    assertEquals(Main.OK, after.exit(), after.err());
    assertEquals(plain, Files.readString(out.resolve("lecture/lecture.html")),
        "a normal run after the watch renders the normal page again, though the program is the same");
    assertFalse(Files.exists(out.resolve("lecture").resolve(HtmlFormat.versionFile("lecture"))));
  }

  private interface Condition {
    boolean holds() throws Exception;
  }

  private static void await(Condition condition, String what, StringWriter err) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
    while (System.nanoTime() < deadline) {
      try {
        if (condition.holds()) {
          return;
        }
      } catch (java.io.IOException | AssertionError e) {
        // The page is between two documents while it reloads: ask again.
      }
      Thread.sleep(20);
    }
    throw new AssertionError("waited " + TIMEOUT_S + " s for " + what + "; stderr:\n" + err);
  }

  /** One in-process run of the command line. */
  private record Run(int exit, String err) {
    static Run of(String... args) {
      StringWriter err = new StringWriter();
      int exit = new Main(new PrintWriter(new StringWriter()), new PrintWriter(err)).run(args);
      return new Run(exit, err.toString());
    }
  }
}
