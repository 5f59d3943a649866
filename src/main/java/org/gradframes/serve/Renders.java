package org.gradframes.serve;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.gradframes.pipeline.RenderOptions;

/**
 * The server's renders: at most {@link ServerLimits#workers} at once, each on a thread with a deep stack, each
 * answered within the time limit. A request that finds every worker busy is answered 503 with {@code Retry-After} at
 * once, never queued; a render past its time limit is answered 503 and keeps its worker until it ends, so that
 * runaway renders cannot pile up past the limit.
 */
class Renders {
  /** How a request's program becomes an answer: the real render, or one a test holds back. */
  interface Work {
    Answer render(String format, String text, RenderOptions options) throws RefusedException;
  }

  private static final long STACK_BYTES = 1L << 28;

  private final ServerLimits limits;
  private final Work work;
  private final Semaphore free;
  private final ExecutorService pool;

  Renders(ServerLimits limits) {
    this(limits, Figures::render);
  }

  Renders(ServerLimits limits, Work work) {
    this.limits = limits;
    this.work = work;
    this.free = new Semaphore(limits.workers());
    AtomicInteger count = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(limits.workers(), task -> {
      Thread t = new Thread(null, task, "gradframes-render-" + count.incrementAndGet(), STACK_BYTES);
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * The answer to one request, rendered by a free worker.
   *
   * @throws RefusedException 503 when every worker is busy or the render takes too long, 400 for a wrong program
   */
  Answer render(String format, String text, RenderOptions options) throws RefusedException {
    if (!free.tryAcquire()) {
      throw busy();
    }
    Future<Answer> answer;
    try {
      answer = pool.submit(() -> {
        try {
          return work.render(format, text, options);
        } finally {
          free.release();
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      free.release();
      throw new RefusedException(503, "the server is stopping.");
    }
    return await(answer);
  }

  private Answer await(Future<Answer> answer) throws RefusedException {
    try {
      return answer.get(limits.timeLimit().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new RefusedException(503, "the render took longer than " + seconds() + ", the most this server gives"
          + " one; a smaller program, a coarser view or steps=level renders faster.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RefusedException(503, "the server is stopping.");
    } catch (ExecutionException e) {
      return failed(e.getCause());
    }
  }

  private static Answer failed(Throwable cause) throws RefusedException {
    if (cause instanceof RefusedException refused) {
      throw refused;
    }
    if (cause instanceof StackOverflowError) {
      throw new RefusedException(400, Figures.NAME + ": error: the program is too deeply nested to compile.");
    }
    if (cause instanceof OutOfMemoryError) {
      throw new RefusedException(503, Figures.NAME + ": error: out of memory; the program is too large for this"
          + " server.");
    }
    if (cause instanceof RuntimeException e) {
      throw e;
    }
    throw new IllegalStateException(cause);
  }

  private RefusedException busy() {
    long retry = Math.max(1, (limits.timeLimit().toSeconds() + 9) / 10);
    return new RefusedException(503, "every worker of this server is rendering (" + limits.workers() + " at once);"
        + " try again in " + retry + " s.", retry);
  }

  private String seconds() {
    long ms = limits.timeLimit().toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  void stop() {
    pool.shutdownNow();
  }
}
