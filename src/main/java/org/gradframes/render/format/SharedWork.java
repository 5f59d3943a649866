package org.gradframes.render.format;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Numbered pieces of work done by the calling thread together with whichever threads of an executor are free. The
 * caller takes pieces too and waits only for pieces already begun, so work shared with a pool whose threads are all
 * busy (a batch rendering a program on each) is done by the caller alone: the parallelism is the executor's, one
 * level of it, and nothing waits for a thread.
 */
public final class SharedWork {
  /** One numbered piece of work. */
  @FunctionalInterface
  public interface Piece {
    /**
     * Does piece {@code index}.
     *
     * @throws IOException when it fails
     */
    void run(int index) throws IOException;
  }

  private SharedWork() {}

  /**
   * Does pieces {@code 0} to {@code count - 1}, each once, on this thread and on up to {@code helpers} tasks given to
   * {@code executor}; returns when every piece is done.
   *
   * @throws IOException the first failure of a piece (the pieces not yet begun are then skipped)
   */
  public static void run(Executor executor, int helpers, int count, Piece piece) throws IOException {
    AtomicInteger next = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(count);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker = () -> work(next, count, done, failure, piece);
    try {
      for (int h = 0; h < Math.min(helpers, count - 1); h++) {
        executor.execute(worker);
      }
    } catch (RejectedExecutionException e) {
      // a pool that is shutting down: this thread does the rest
    }
    worker.run();
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while frames were painted");
    }
    rethrow(failure.get());
  }

  private static void work(AtomicInteger next, int count, CountDownLatch done, AtomicReference<Throwable> failure,
      Piece piece) {
    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
      try {
        if (failure.get() == null) {
          piece.run(i);
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      } finally {
        done.countDown();
      }
    }
  }

  private static void rethrow(Throwable t) throws IOException {
    if (t instanceof IOException e) {
      throw e;
    } else if (t instanceof RuntimeException e) {
      throw e;
    } else if (t instanceof Error e) {
      throw e;
    } else if (t != null) {
      throw new IOException(t);
    }
  }
}
