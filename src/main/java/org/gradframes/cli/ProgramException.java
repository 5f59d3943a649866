package org.gradframes.cli;

/** A program that the options cannot apply to, such as a --params name it does not define. */
final class ProgramException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ProgramException(String message) {
    super(message);
  }
}
