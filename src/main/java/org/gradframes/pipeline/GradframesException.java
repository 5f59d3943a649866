package org.gradframes.pipeline;

import java.util.function.Function;

/**
 * Why the library could not do what it was asked, for a reason of the program, the options, the layout engine or
 * the files it writes; anything else it throws is a fault of gradframes itself. Messages name options as the
 * library does ({@link Option#key}); {@link #message(Function)} names them otherwise.
 */
public abstract sealed class GradframesException extends RuntimeException
    permits InvalidProgramException, InvalidOptionException, EngineException, OutputException {
  private static final long serialVersionUID = 1L;
  private final transient Message message;

  GradframesException(Message message, Throwable cause) {
    super(message.text(), cause);
    this.message = message;
  }

  /** The message with each option named by {@code names}: a command line names them by its flags. */
  public String message(Function<Option, String> names) {
    return message.text(names);
  }
}
