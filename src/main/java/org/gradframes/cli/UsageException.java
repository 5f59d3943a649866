package org.gradframes.cli;

/** A command line that asks for something that cannot be done; reported with exit code 2. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
