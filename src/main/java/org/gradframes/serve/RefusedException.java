package org.gradframes.serve;

/** A request the server will not render, with the status and the message to answer it with. */
final class RefusedException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final long retryAfterSeconds;

  RefusedException(int status, String message) {
    this(status, message, 0);
  }

  /** A refusal that asks the client to try again in {@code retryAfterSeconds} (0: no such header). */
  RefusedException(int status, String message, long retryAfterSeconds) {
    super(message);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  Answer answer() {
    Answer answer = Answer.text(status, getMessage());
    return retryAfterSeconds > 0 ? answer.with("Retry-After", Long.toString(retryAfterSeconds)) : answer;
  }
}
