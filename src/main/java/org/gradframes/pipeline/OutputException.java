package org.gradframes.pipeline;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file could not be written: in the output folder (then {@link #folder} names it and the cause says why), or, for
 * the font the frames are drawn with, in the temporary folder.
 */
public final class OutputException extends GradframesException {
  private static final long serialVersionUID = 1L;
  private final transient Path folder;

  OutputException(Path folder, IOException cause) {
    super(Message.of("cannot write " + folder + ": " + cause.getMessage()), cause);
    this.folder = folder;
  }

  OutputException(Message message, Throwable cause) {
    super(message, cause);
    this.folder = null;
  }

  /** The output folder that could not be written, or null when the file was another. */
  public Path folder() {
    return folder;
  }
}
