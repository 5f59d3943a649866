package org.gradframes.pipeline;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that help paint frames when the library's caller gives none: one fewer than the cores (the caller's
 * own thread paints too), shared by every render of this process, started when first needed, never keeping the
 * process alive.
 */
final class Painters {
  private Painters() {}

  private static final class Shared {
    static final ExecutorService POOL = pool();

    private static ExecutorService pool() {
      AtomicInteger count = new AtomicInteger();
      return Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), task -> {
        Thread thread = new Thread(task, "gradframes-painter-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
    }
  }

  /** The shared painters. */
  static ExecutorService shared() {
    return Shared.POOL;
  }
}
