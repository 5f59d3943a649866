package org.gradframes.render.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The system's temporary folder could not be written (it is full, missing or read-only): a failure of that folder,
 * not of the output folder, and the message names it and the space left in it.
 */
public final class TemporaryFolderException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path folder;

  /** A failure of {@code folder} while writing {@code what}, caused by {@code cause}. */
  public TemporaryFolderException(Path folder, String what, IOException cause) {
    super("cannot write " + what + " to the temporary folder " + folder + " (" + space(folder) + "): "
        + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName())
        + "; free space there, or point java at another with -Djava.io.tmpdir=DIR.", cause);
    this.folder = folder;
  }

  /** The temporary folder that could not be written. */
  public Path folder() {
    return folder;
  }

  /** The folder the JDK and the libraries put temporary files in: {@code java.io.tmpdir}. */
  static Path system() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  private static String space(Path folder) {
    try {
      return String.format(Locale.ROOT, "%,d MB free", Files.getFileStore(folder).getUsableSpace() / 1_000_000);
    } catch (IOException | RuntimeException e) {
      return "free space unknown: " + (Files.exists(folder) ? "its disk cannot be read" : "it does not exist");
    }
  }
}
