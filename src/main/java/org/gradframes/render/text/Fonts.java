package org.gradframes.render.text;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one font that PNG frames are drawn in and all text is measured with: Liberation Sans, which has the metrics
 * of Arial, shipped inside PDFBox. Bundling it keeps PNG frames the same on every machine, fonts installed or not.
 */
public final class Fonts {
  private static final String RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);
  private static final Map<String, Font> CACHE = new ConcurrentHashMap<>();
  private static volatile Font base;

  private Fonts() {}

  /**
   * The font, loaded on first use. Java copies a font to the temporary folder to load it; when that fails (the
   * folder is full or not writable) each use says so, and a later use tries again.
   *
   * @throws FontUnavailableException when the font cannot be loaded
   */
  private static Font base() {
    Font font = base;
    if (font == null) {
      synchronized (Fonts.class) {
        if (base == null) {
          base = load();
        }
        font = base;
      }
    }
    return font;
  }

  private static Font load() {
    try (InputStream in = Fonts.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("font missing from the build: " + RESOURCE);
      }
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException e) {
      throw new FontUnavailableException("cannot load the font Liberation Sans: Java copies it to the temporary"
          + " folder " + System.getProperty("java.io.tmpdir") + " first, and that failed (" + e.getMessage()
          + "); free space there, or point java at another with -Djava.io.tmpdir=DIR.", e);
    } catch (FontFormatException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The font could not be loaded, for a reason outside the program (the temporary folder is full). */
  public static final class FontUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FontUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The font file itself, for writers that embed it. */
  public static InputStream stream() {
    return Fonts.class.getResourceAsStream(RESOURCE);
  }

  /** The text with every character the font has no glyph for replaced by '?'. */
  public static String displayable(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> out.appendCodePoint(base().canDisplay(c) ? c : '?'));
    return out.toString();
  }

  /** Whether the frames' font has a glyph for {@code codePoint}, so that every format draws it. */
  public static boolean draws(int codePoint) {
    return base().canDisplay(codePoint);
  }

  /** The font at {@code size} points, bold or not. */
  public static Font font(double size, boolean bold) {
    return CACHE.computeIfAbsent(size + (bold ? "b" : ""),
        k -> base().deriveFont(bold ? Font.BOLD : Font.PLAIN, (float) size));
  }

  /** The advance width of {@code text} at {@code size}, in points. */
  public static double width(String text, double size, boolean bold) {
    if (text.isEmpty()) {
      return 0;
    }
    String key = size + (bold ? "b:" : ":") + text;
    Double width = WIDTHS.get(key);
    if (width == null) {
      if (WIDTHS.size() > 50_000) {
        WIDTHS.clear();
      }
      width = font(size, bold).getStringBounds(text, CONTEXT).getWidth();
      WIDTHS.put(key, width);
    }
    return width;
  }

  private static final Map<String, Double> WIDTHS = new ConcurrentHashMap<>();
}
