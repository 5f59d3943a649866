package org.gradframes.serve;

import java.time.Duration;

/**
 * What one server lets its requests take: renders at once, body bytes, graph nodes, time per render, and how long a
 * stop waits for the requests under way.
 *
 * @param workers renders at once; a request past them is answered 503 with {@code Retry-After}
 * @param maxBodyBytes the largest program a request may send (after decoding a GET's), in bytes
 * @param maxNodes the most nodes a graph may have to be laid out
 * @param timeLimit the longest a render may take before its request is answered 503
 * @param stopGrace how long a stop waits for the requests under way to finish
 */
public record ServerLimits(int workers, int maxBodyBytes, int maxNodes, Duration timeLimit, Duration stopGrace) {
  /** One megabyte: far more program text than can be laid out. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
  /** The most nodes a request's graph may have: a figure in a page is small, and a render must stay short. */
  public static final int DEFAULT_MAX_NODES = 500;
  /** Ten seconds a render: a figure of the default node limit takes about one on two cores. */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

  public ServerLimits {
    if (workers < 1 || workers > 256) {
      throw new IllegalArgumentException("workers must be 1 to 256, not " + workers);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("the body limit must be positive, not " + maxBodyBytes);
    }
    if (maxNodes < 1 || maxNodes > 1_000_000) {
      throw new IllegalArgumentException("the node limit must be 1 to 1000000, not " + maxNodes);
    }
    if (timeLimit.isNegative() || timeLimit.isZero() || stopGrace.isNegative()) {
      throw new IllegalArgumentException("the time limit must be positive and the stop grace not negative");
    }
  }

  /** The defaults: a render per core, 1 MB bodies, 500 nodes, 10 s a render, 5 s to stop. */
  public static ServerLimits defaults() {
    return new ServerLimits(Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_NODES,
        DEFAULT_TIME_LIMIT, Duration.ofSeconds(5));
  }

  public ServerLimits withWorkers(int n) {
    return new ServerLimits(n, maxBodyBytes, maxNodes, timeLimit, stopGrace);
  }

  public ServerLimits withMaxBodyBytes(int n) {
    return new ServerLimits(workers, n, maxNodes, timeLimit, stopGrace);
  }

  public ServerLimits withMaxNodes(int n) {
    return new ServerLimits(workers, maxBodyBytes, n, timeLimit, stopGrace);
  }

  public ServerLimits withStopGrace(Duration grace) {
    return new ServerLimits(workers, maxBodyBytes, maxNodes, timeLimit, grace);
  }

  public ServerLimits withTimeLimit(Duration limit) {
    return new ServerLimits(workers, maxBodyBytes, maxNodes, limit, stopGrace);
  }
}
