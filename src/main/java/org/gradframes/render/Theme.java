package org.gradframes.render;

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
    read(DEFAULT, bundled(DEFAULT), values, null);
    if (nameOrPath.equals(DEFAULT)) {
      return new Theme(DEFAULT, values);
    }
    Path path = Path.of(nameOrPath);
    if (Files.isRegularFile(path)) {
      try {
        read(nameOrPath, Files.readString(path, StandardCharsets.UTF_8), values, Map.copyOf(values));
      } catch (IOException e) {
        throw new ThemeException(nameOrPath, 0, "cannot read theme file: " + e.getMessage());
      }
      return new Theme(nameOrPath, values);
    }
    if (!NAME.matcher(nameOrPath).matches() || Theme.class.getResource(resource(nameOrPath)) == null) {
      throw new ThemeException(nameOrPath, 0, "no theme file and no theme of that name (the themes are: "
          + String.join(", ", BUNDLED) + ").");
    }
    read(nameOrPath, bundled(nameOrPath), values, Map.copyOf(values));
    return new Theme(nameOrPath, values);
  }

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

  /** Reads {@code key = value} lines into {@code values}; {@code known}, when given, lists the allowed keys. */
  private static void read(String file, String text, Map<String, String> values, Map<String, String> known) {
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
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (known != null && !known.containsKey(key)) {
        throw new ThemeException(file, i + 1, "unknown theme key '" + key + "'.");
      }
      check(file, i + 1, key, value);
      values.put(key, value);
    }
  }

  private static void check(String file, int line, String key, String value) {
    if (isColor(key) && !COLOR.matcher(value).matches()) {
      throw new ThemeException(file, line, "'" + key + "' must be a colour like #1a2b3c, not '" + value + "'.");
    }
    if (isNumber(key)) {
      double number;
      try {
        number = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new ThemeException(file, line, "'" + key + "' must be a number, not '" + value + "'.");
      }
      if (!(number >= 0 && number <= 1000)) {
        throw new ThemeException(file, line, "'" + key + "' must be between 0 and 1000, not " + value + ".");
      }
    }
    if (key.equals("precision") && !value.matches("[1-9]|1[0-7]")) {
      throw new ThemeException(file, line, "'precision' must be a whole number from 1 to 17, not '" + value + "'.");
    }
    if (key.endsWith(".dash") && (!DASH.matcher(value).matches() || value.matches("[0. ]+"))) {
      throw new ThemeException(file, line, "'" + key + "' must be 'none' or dash lengths like '6 3', not '" + value
          + "'.");
    }
    if (key.equals("font.family") && !FONTS.matcher(value).matches()) {
      throw new ThemeException(file, line, "'font.family' may hold letters, digits, spaces, commas and -.");
    }
  }

  private static boolean isColor(String key) {
    return !key.startsWith("label.") && (key.equals("background") || key.endsWith(".fill") || key.endsWith(".stroke") || key.endsWith(".grad")
        || key.endsWith(".text"));
  }

  private static boolean isNumber(String key) {
    return key.equals("margin") || key.equals("precision") || key.endsWith(".size") || key.endsWith(".width")
        || key.endsWith(".x") || key.endsWith(".y") || key.endsWith(".gap") || key.endsWith(".radius")
        || key.endsWith(".border") || key.endsWith(".padding");
  }

  /** The theme's name or path, as given to {@link #load}. */
  public String name() {
    return name;
  }

  /** The text of {@code key}. */
  public String text(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("no theme key " + key);
    }
    return value;
  }

  /** The number of {@code key}. */
  public double number(String key) {
    Double number = numbers.get(key);
    if (number == null) {
      number = Double.parseDouble(text(key));
      numbers.put(key, number);
    }
    return number;
  }

  /** Every key and value, sorted by key: what makes two themes the same. */
  public Map<String, String> values() {
    return new java.util.TreeMap<>(values);
  }
}
