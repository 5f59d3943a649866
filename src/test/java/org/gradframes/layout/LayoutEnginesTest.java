package org.gradframes.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Engines are entered by as many threads at once as they allow: one, when they are not concurrent. */
class LayoutEnginesTest {
  /** An engine that waits inside its layout for a second thread to come in, and counts how many are inside. */
  private static final class Waiting implements LayoutEngine {
    final boolean concurrent;
    final AtomicInteger inside = new AtomicInteger();
    final AtomicInteger most = new AtomicInteger();
    final CountDownLatch entered = new CountDownLatch(2);

    Waiting(boolean concurrent) {
      this.concurrent = concurrent;
    }

    @Override
    public Layout layout(LayoutRequest request) {
      most.accumulateAndGet(inside.incrementAndGet(), Math::max);
      entered.countDown();
      try {
        entered.await(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inside.decrementAndGet();
      return null;
    }

    @Override
    public boolean concurrent() {
      return concurrent;
    }

    @Override
    public String name() {
      return "waiting";
    }

    @Override
    public String summary() {
      return "";
    }

    @Override
    public String version() {
      return "";
    }

    @Override
    public boolean available() {
      return true;
    }

    @Override
    public String unavailableReason() {
      return "";
    }
  }

  private static int mostInsideAtOnce(Waiting engine) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Layout>> layouts = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        layouts.add(threads.submit(() -> LayoutEngines.layout(engine, null)));
      }
      for (Future<Layout> f : layouts) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    return engine.most.get();
  }

  @Test
  void anEngineThatIsNotConcurrentIsNeverEnteredByTwoThreadsAtOnce() throws Exception {
    assertEquals(1, mostInsideAtOnce(new Waiting(false)));
  }

  @Test
  void aConcurrentEngineIsEnteredByEveryThreadThatCalls() throws Exception {
    assertTrue(mostInsideAtOnce(new Waiting(true)) >= 2, "two layouts ran at once");
  }
}
