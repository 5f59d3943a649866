package org.gradframes.render.theme;

/** A theme file that cannot be used, with the line at fault (0 when the whole file is at fault). */
public final class ThemeException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final int line;

  public ThemeException(String file, int line, String message) {
    super(message);
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }
}
