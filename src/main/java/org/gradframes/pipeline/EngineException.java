package org.gradframes.pipeline;

/** The layout engine failed while laying out a program, or none can run here. */
public final class EngineException extends GradframesException {
  private static final long serialVersionUID = 1L;

  EngineException(Message message, Throwable cause) {
    super(message, cause);
  }
}
