package org.gradframes.render.theme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Colours, sizes, fonts and label layout, read from a theme file; graph and autodiff code hold none of these. */
public final class Theme {
  /** The theme used when none is named. */
  public static final String DEFAULT = "light";
  /** The theme that follows the reader: the light palette, and in SVG also the dark one for a dark colour scheme. */
  public static final String AUTO = "auto";
  /** The themes under templates/ that every build carries. */
  public static final java.util.List<String> BUNDLED = java.util.List.of("light", "dark", "print", "colorblind");

  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
  private static final Pattern FONTS = Pattern.compile("[A-Za-z0-9 ,-]+");
  private static final Pattern DASH = Pattern.compile("none|\\d{1,3}(\\.\\d+)?( \\d{1,3}(\\.\\d+)?){1,5}");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

  private final String name;
  private final Map<String, String> values;
  private final Map<String, Double> numbers = new java.util.concurrent.ConcurrentHashMap<>();

  private Theme(String name, Map<String, String> values) {
    this.name = name;
    this.values = Map.copyOf(values);
  }

  /**
   * Loads a theme by the name of a file under {@code templates/} ({@code light}) or by a path to a theme file;
   * a file's keys override those of the default theme.
   *
   * @throws ThemeException when the theme is missing or a line is wrong
   */
  public static Theme load(String nameOrPath) {
    Map<String, String> values = new LinkedHashMap<>();
    read(DEFAULT, bundled(DEFAULT), values);
    for (ThemeKey key : ThemeKey.all()) {
      if (!values.containsKey(key.name())) {
        throw new ThemeException(DEFAULT, 0, "the default theme has no '" + key.name() + "'.");
      }
    }
    if (nameOrPath.equals(DEFAULT) || nameOrPath.equals(AUTO)) {
      return new Theme(nameOrPath, values);
    }
    Path path = Path.of(nameOrPath);
    if (Files.isRegularFile(path)) {
      read(nameOrPath, readFile(nameOrPath, path), values);
      return new Theme(nameOrPath, values);
    }
    if (!NAME.matcher(nameOrPath).matches() || Theme.class.getResource(resource(nameOrPath)) == null) {
      throw new ThemeException(nameOrPath, 0, "no theme file and no theme of that name (the themes are: "
          + String.join(", ", BUNDLED) + ").");
    }
    read(nameOrPath, bundled(nameOrPath), values);
    return new Theme(nameOrPath, values);
  }

  /** The text of a theme file: UTF-8, at most {@link #MAX_BYTES} bytes (a theme is a page of settings). */
  private static String readFile(String name, Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new ThemeException(name, 0, "the theme file is larger than " + MAX_BYTES + " bytes; is it a theme?");
      }
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString().replaceFirst("^\uFEFF", "");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ThemeException(name, 0, "the theme file is not UTF-8 text; save it as UTF-8.");
    } catch (IOException e) {
      throw new ThemeException(name, 0, "cannot read theme file: " + (e instanceof java.nio.file.AccessDeniedException
          ? "permission denied." : e.getMessage()));
    }
  }

  /** The largest theme file read. */
  static final int MAX_BYTES = 1 << 20;

  private static String resource(String name) {
    return "/templates/" + name + ".theme";
  }

  private static String bundled(String name) {
    try (InputStream in = Theme.class.getResourceAsStream(resource(name))) {
      if (in == null) {
        throw new ThemeException(name, 0, "the theme is missing from this build.");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ThemeException(name, 0, "cannot read theme: " + e.getMessage());
    }
  }

  /** Reads {@code key = value} lines into {@code values}, every key one of {@link ThemeKey#all}. */
  private static void read(String file, String text, Map<String, String> values) {
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new ThemeException(file, i + 1, "expected 'key = value', found '" + line + "'.");
      }
      String name = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      ThemeKey key = ThemeKey.named(name);
      if (key == null) {
        throw new ThemeException(file, i + 1, "unknown theme key '" + name + "'.");
      }
      check(file, i + 1, key, value);
      values.put(name, value);
    }
  }

  private static void check(String file, int line, ThemeKey key, String value) {
    String name = key.name();
    switch (key.kind()) {
      case COLOR -> {
        if (!COLOR.matcher(value).matches()) {
          throw new ThemeException(file, line, "'" + name + "' must be a colour like #1a2b3c, not '" + value + "'.");
        }
      }
      case NUMBER -> checkNumber(file, line, name, value);
      case PRECISION -> {
        checkNumber(file, line, name, value);
        if (!value.matches("[1-9]|1[0-7]")) {
          throw new ThemeException(file, line, "'precision' must be a whole number from 1 to 17, not '" + value
              + "'.");
        }
      }
      case DASH -> {
        if (!DASH.matcher(value).matches() || value.matches("[0. ]+")) {
          throw new ThemeException(file, line, "'" + name + "' must be 'none' or dash lengths like '6 3', not '"
              + value + "'.");
        }
      }
      case FONTS -> {
        if (!FONTS.matcher(value).matches()) {
          throw new ThemeException(file, line, "'" + name + "' may hold letters, digits, spaces, commas and -.");
        }
      }
      case TEMPLATE -> checkText(file, line, name, value);
      case SWITCH -> {
        if (!value.equals("on") && !value.equals("off")) {
          throw new ThemeException(file, line, "'" + name + "' must be 'on' or 'off', not '" + value + "'.");
        }
      }
    }
  }

  /** A theme's text reaches every format: a control character or a lone surrogate would make SVG or DOT invalid. */
  private static void checkText(String file, int line, String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(++i)));
      if (Character.isISOControl(c) || lone || c == '\uFFFE' || c == '\uFFFF') {
        throw new ThemeException(file, line, "'" + name + "' holds the control character U+"
            + String.format(java.util.Locale.ROOT, "%04X", (int) c) + ", which no format can show; remove it.");
      }
    }
  }

  private static void checkNumber(String file, int line, String name, String value) {
    double number;
    try {
      number = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new ThemeException(file, line, "'" + name + "' must be a number, not '" + value + "'.");
    }
    if (!(number >= 0 && number <= 1000)) {
      throw new ThemeException(file, line, "'" + name + "' must be between 0 and 1000, not " + value + ".");
    }
  }

  /** The theme's name or path, as given to {@link #load}. */
  public String name() {
    return name;
  }

  /** Whether this theme follows the reader's colour scheme ({@code auto}), where a format can switch palettes. */
  public boolean followsReader() {
    return name.equals(AUTO);
  }

  /** The text of {@code key}. */
  public String text(ThemeKey key) {
    return values.get(key.name());
  }

  /** The number of {@code key}, a {@link ThemeKey.Kind#NUMBER} or {@link ThemeKey.Kind#PRECISION}. */
  public double number(ThemeKey key) {
    Double number = numbers.get(key.name());
    if (number == null) {
      number = Double.parseDouble(text(key));
      numbers.put(key.name(), number);
    }
    return number;
  }

  /** Whether a {@link ThemeKey.Kind#SWITCH} key is {@code on}. */
  public boolean on(ThemeKey key) {
    return "on".equals(text(key));
  }

  /** The dash lengths of a {@link ThemeKey.Kind#DASH} key; empty for a solid line. */
  public java.util.List<Double> dash(ThemeKey key) {
    java.util.List<Double> lengths = new java.util.ArrayList<>();
    for (String part : text(key).trim().split("\\s+")) {
      if (!part.equals("none")) {
        lengths.add(Double.parseDouble(part));
      }
    }
    return lengths;
  }

  /** Every key and value, sorted by key: what makes two themes the same. */
  public Map<String, String> values() {
    return new java.util.TreeMap<>(values);
  }
}
