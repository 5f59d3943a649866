package org.gradframes.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gradframes.render.format.FileSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder swap removes only what gradframes wrote, and puts back the last complete folder after any crash. */
class OutputFolderTest {
  /** A process id no process has: the runs that left these folders are dead. */
  private static final long DEAD = Integer.MAX_VALUE;

  @TempDir Path out;

  private OutputFolder folder() {
    return new OutputFolder(out);
  }

  private static void file(FileSink sink, String name, String text) throws IOException {
    try (OutputStream stream = sink.create(name)) {
      stream.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private void render(String text, String key) throws IOException {
    folder().write("p", sink -> file(sink, "frame-000.svg", text), key);
  }

  private List<String> names(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void rendersOfOneFolderAtOnceAreTurnedAwayWithAMessageAndLeaveNothingBehind() throws Exception {
    render("old", "k0");
    int threads = 8;
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
    // The render that gets the folder holds it until every other render has been turned away (or 10 s pass).
    java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(threads - 1);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String text = "render " + t;
      results.add(pool.submit(() -> {
        start.await();
        try {
          folder().write("p", sink -> {
            file(sink, "frame-000.svg", text);
            try {
              written.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }, "k");
          return "ok";
        } catch (OutputException e) {
          written.countDown();
          return e.getCause().getMessage();
        }
      }));
    }
    List<String> outcomes = new java.util.ArrayList<>();
    for (var r : results) {
      outcomes.add(r.get());
    }
    pool.shutdown();
    assertEquals(1, outcomes.stream().filter("ok"::equals).count(), outcomes.toString());
    for (String o : outcomes) {
      assertTrue(o.equals("ok") || o.startsWith("another render is writing this folder now"), o);
    }
    assertTrue(Files.readString(out.resolve("p/frame-000.svg")).startsWith("render "));
    assertEquals(List.of("p"), names(out), "no temporary or old folder left");
  }

  @Test
  void aFileWrittenIntoTheFolderDuringTheRenderSurvives() throws IOException {
    render("old", "k1");
    IOException e = (IOException) assertThrows(OutputException.class, () -> folder().write("p", sink -> {
      file(sink, "frame-000.svg", "new");
      Files.writeString(out.resolve("p/NOTES.txt"), "mine");
    }, "k2")).getCause();
    assertTrue(e.getMessage().contains("now holds NOTES.txt, which gradframes did not write"), e.getMessage());
    assertEquals("mine", Files.readString(out.resolve("p/NOTES.txt")));
    assertEquals("old", Files.readString(out.resolve("p/frame-000.svg")));
    assertEquals(List.of(".gradframes-manifest", "NOTES.txt", "frame-000.svg"), names(out.resolve("p")));
    assertEquals(List.of("p"), names(out), "no temporary folder left");
  }

  @Test
  void aUserFolderThatLooksTemporaryIsKept() throws IOException {
    Path thesis = Files.createDirectories(out.resolve(".p.old-" + DEAD + "-abc")).resolve("thesis.tex");
    Files.writeString(thesis, "\\documentclass{article}");
    render("new", "k1");
    assertTrue(Files.exists(thesis));
    Files.delete(out.resolve("p/frame-000.svg"));
    Files.delete(out.resolve("p/" + OutputFolder.MANIFEST));
    Files.delete(out.resolve("p"));
    folder().recover("p");
    assertTrue(Files.exists(thesis), "not put back in place of a missing folder either");
    assertTrue(Files.notExists(out.resolve("p")));
  }

  @Test
  void aKillBetweenTheRenamesIsUndoneByAnyLaterRun() throws IOException {
    render("old", "k1");
    Files.move(out.resolve("p"), out.resolve(".p.old-" + DEAD + "-1"));
    Path partial = Files.createDirectory(out.resolve(".p.partial-" + DEAD + "-2"));
    Files.writeString(partial.resolve("frame-000.svg"), "new");
    Files.writeString(partial.resolve(OutputFolder.MANIFEST), "# key k2\nframe-000.svg\n");
    folder().recover("p");
    assertEquals("new", Files.readString(out.resolve("p/frame-000.svg")), "the last complete render");
    assertEquals("k2", folder().key("p"));
    assertEquals(List.of("p"), names(out), "no temporary folder left");
  }

  @Test
  void aKillWhileWritingLeavesNothingAfterAnyLaterRun() throws IOException {
    render("old", "k1");
    Path partial = Files.createDirectory(out.resolve(".p.partial-" + DEAD + "-3"));
    Files.writeString(partial.resolve("frame-000.svg"), "half");
    Files.writeString(partial.resolve(OutputFolder.MANIFEST), "# writing\nframe-000.svg\nframe-001.svg\n");
    assertEquals("k1", folder().key("p"), "still up to date");
    folder().recover("p");
    assertEquals(List.of("p"), names(out));
    assertEquals("old", Files.readString(out.resolve("p/frame-000.svg")));
  }

  @Test
  void aStoppedRunRemovesWhatItWasWriting() throws IOException {
    render("old", "k1");
    IOException e = (IOException) assertThrows(OutputException.class, () -> folder().write("p", sink -> {
      file(sink, "frame-000.svg", "new");
      OutputFolder.abandonAll();
      file(sink, "frame-001.svg", "new");
    }, "k2")).getCause();
    assertTrue(e.getMessage().contains("the run was stopped"), e.getMessage());
    assertEquals(List.of("p"), names(out));
    assertEquals("old", Files.readString(out.resolve("p/frame-000.svg")));
  }

  @Test
  void aManifestCannotNameAFileOutsideItsFolder() throws IOException {
    Path victim = Files.writeString(out.resolve("victim.txt"), "keep");
    Path partial = Files.createDirectory(out.resolve(".p.partial-" + DEAD + "-4"));
    Files.writeString(partial.resolve(OutputFolder.MANIFEST), "# writing\n../victim.txt\n");
    folder().recover("p");
    assertTrue(Files.exists(victim));
  }
}
