package org.gradframes.pipeline;

/** A program that the options cannot apply to, such as a --params name it does not define, or one too big. */
public final class ProgramException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProgramException(String message) {
    super(message);
  }
}
