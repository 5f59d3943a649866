package org.gradframes.render.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import org.gradframes.pipeline.Gradframes;
import org.gradframes.pipeline.RenderOptions;
import org.gradframes.pipeline.Rendering;
import org.junit.jupiter.api.Test;

/** Frames are painted by the caller and the free threads of the executor it gives, and by no other thread. */
class SharedWorkTest {

  private static Deck deck(List<Format> formats, ExecutorService painters) throws IOException {
    Rendering r = new Gradframes(RenderOptions.builder().formats("png").build())
        .render("advanced.grad", Files.readString(Path.of("samples/advanced.grad")));
    Deck.Info info = new Deck.Info("advanced", "advanced.grad", "gradframes", "e", "1", "", r.scale(), 100, "ops");
    return new Deck(info, r.drawing(), formats, painters);
  }

  /** A sink in memory that records the threads that read its files back. */
  private static final class Memory implements FileSink {
    final Map<String, ByteArrayOutputStream> files = new ConcurrentHashMap<>();
    final Set<Thread> readers = ConcurrentHashMap.newKeySet();

    @Override
    public OutputStream create(String name) {
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      files.put(name, file);
      return file;
    }

    @Override
    public InputStream open(String name) {
      readers.add(Thread.currentThread());
      return new ByteArrayInputStream(files.get(name).toByteArray());
    }
  }

  private static ExecutorService pool(Set<Thread> threads) {
    return Executors.newFixedThreadPool(2, task -> {
      Thread t = new Thread(task, "painter");
      threads.add(t);
      return t;
    });
  }

  private static void assertOnlyOn(Set<Thread> painted, Set<Thread> pool) {
    for (Thread t : painted) {
      assertFalse(t instanceof ForkJoinWorkerThread w && w.getPool() == ForkJoinPool.commonPool(),
          t.getName() + " of the common pool painted a frame");
      assertTrue(t == Thread.currentThread() || pool.contains(t), t.getName() + " painted a frame");
    }
  }

  @Test
  void frameFilesArePaintedByTheCallerAndTheGivenExecutorNeverTheCommonPool() throws IOException {
    Set<Thread> pool = ConcurrentHashMap.newKeySet();
    Set<Thread> painted = ConcurrentHashMap.newKeySet();
    Format png = new PngFormat();
    Format recording = new Format() {
      @Override
      public String name() {
        return "png";
      }

      @Override
      public String summary() {
        return "";
      }

      @Override
      public Phase phase() {
        return Phase.FRAME;
      }

      @Override
      public byte[] frame(Deck deck, int frame) throws IOException {
        painted.add(Thread.currentThread());
        return png.frame(deck, frame);
      }
    };
    ExecutorService painters = pool(pool);
    try {
      Deck deck = deck(List.of(recording), painters);
      Memory sink = new Memory();
      FrameFiles.write(deck, List.of(recording), sink);
      assertEquals(deck.frames(), sink.files.size());
      assertFalse(painted.isEmpty());
      assertOnlyOn(painted, pool);
    } finally {
      painters.shutdownNow();
    }
  }

  @Test
  void theGifReadsItsFramesBackOnTheGivenExecutorNeverTheCommonPool() throws IOException {
    Set<Thread> pool = ConcurrentHashMap.newKeySet();
    ExecutorService painters = pool(pool);
    try {
      Deck deck = deck(List.of(new PngFormat(), new GifFormat()), painters);
      Memory sink = new Memory();
      FrameFiles.write(deck, List.of(new PngFormat()), sink);
      new GifFormat().write(deck, sink);
      assertTrue(sink.files.containsKey("advanced.gif"));
      assertFalse(sink.readers.isEmpty());
      assertOnlyOn(sink.readers, pool);
    } finally {
      painters.shutdownNow();
    }
  }

  @Test
  void workSharedWithAPoolWhoseThreadsAreAllBusyIsDoneByTheCaller() throws IOException {
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService busy = Executors.newSingleThreadExecutor();
    try {
      busy.execute(() -> {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      Set<Thread> workers = ConcurrentHashMap.newKeySet();
      AtomicInteger done = new AtomicInteger();
      SharedWork.run(busy, 3, 20, i -> {
        workers.add(Thread.currentThread());
        done.incrementAndGet();
      });
      assertEquals(20, done.get(), "each piece done once");
      assertEquals(Set.of(Thread.currentThread()), workers);
    } finally {
      release.countDown();
      busy.shutdownNow();
    }
  }

  @Test
  void aFailedPieceIsThrownToTheCaller() {
    ExecutorService painters = Executors.newFixedThreadPool(2);
    try {
      IOException failure = new IOException("disk full");
      assertSame(failure, assertThrows(IOException.class, () -> SharedWork.run(painters, 2, 10, i -> {
        if (i == 3) {
          throw failure;
        }
      })));
    } finally {
      painters.shutdownNow();
    }
  }
}
