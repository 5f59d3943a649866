package org.gradframes.serve;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gradframes.layout.Direction;
import org.gradframes.pipeline.InvalidOptionException;
import org.gradframes.pipeline.Option;
import org.gradframes.pipeline.RenderOptions;
import org.gradframes.pipeline.View;
import org.gradframes.render.scene.CaptionMode;
import org.gradframes.render.scene.DrawingStyle;
import org.gradframes.render.scene.EdgeLabelMode;
import org.gradframes.render.theme.Theme;

/**
 * A request's query parameters read into {@link RenderOptions}: each named as the command line's flag without its
 * dashes ({@code frame=last}, {@code edge-labels=flow}). Nothing a request sends names a file: a theme is one of the
 * bundled names, and an unknown parameter is refused rather than ignored.
 */
final class RequestOptions {
  /** The parameters a request may send. */
  static final Set<String> NAMES = Set.of("frame", "view", "style", "theme", "engine", "edge-labels", "id-prefix",
      "precision", "rankdir", "caption", "forward", "steps", "expand", "output", "update", "params", "data",
      "epochs", "text-px", "strict", "highlight", "decimals", "step-label", "legend", "live");

  private final Map<String, String> query;

  private RequestOptions(Map<String, String> query) {
    this.query = query;
  }

  /**
   * The options of a request for {@code format} whose query string is {@code rawQuery} (null for none), with the
   * server's node limit; the frame is the last unless the request names one.
   *
   * @throws RefusedException (400) naming the parameter that is wrong
   */
  static RenderOptions read(String format, String rawQuery, int maxNodes) throws RefusedException {
    RequestOptions request = new RequestOptions(parse(rawQuery));
    try {
      return request.builder(format, maxNodes).build();
    } catch (InvalidOptionException e) {
      throw new RefusedException(400, e.message(RequestOptions::parameter));
    }
  }

  /** How a message names an option: by the query parameter, or as the server's own limit. */
  static String parameter(Option option) {
    return switch (option) {
      case FRAMES -> "frame";
      case DIRECTION -> "rankdir";
      case LEARNING_RATE -> "update";
      case PARAMETERS -> "params";
      case FORWARD_STEPS -> "forward";
      case BY_LEVEL -> "steps=level";
      case MAX_NODES -> "the server's --max-nodes";
      case MAX_DEPTH, MAX_DECK_MB -> "the command line's --" + option.name().toLowerCase(Locale.ROOT).replace('_', '-')
          + ", not the server,";
      case FORMATS -> "the format in the path";
      default -> option.name().toLowerCase(Locale.ROOT).replace('_', '-');
    };
  }

  private static Map<String, String> parse(String rawQuery) throws RefusedException {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (!NAMES.contains(name)) {
        throw new RefusedException(400, "unknown parameter '" + shown(name) + "' (the parameters are "
            + String.join(", ", NAMES.stream().sorted().toList()) + ").");
      }
      if (query.put(name, value) != null) {
        throw new RefusedException(400, "the parameter '" + name + "' is given twice.");
      }
    }
    return query;
  }

  private static String decode(String text) throws RefusedException {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new RefusedException(400, "the query string is not URL-encoded text.");
    }
  }

  private RenderOptions.Builder builder(String format, int maxNodes) throws RefusedException {
    RenderOptions.Builder b = RenderOptions.builder().formats(format).maxNodes(maxNodes)
        .frames(query.getOrDefault("frame", "last"))
        .theme(theme())
        .engine(lower("engine"))
        .view(choice("view", View.class, View.AUTO))
        .style(choice("style", DrawingStyle.class, DrawingStyle.BOXES))
        .edgeLabels(choice("edge-labels", EdgeLabelMode.class, EdgeLabelMode.LOCAL))
        .caption(caption())
        .direction(direction())
        .idPrefix(query.get("id-prefix"))
        .precision(number("precision"))
        .textPx(number("text-px"))
        .forwardSteps(flag("forward"))
        .byLevel(steps())
        .live(live())
        .expand(flag("expand"))
        .strict(flag("strict"))
        .output(query.get("output"))
        .learningRate(learningRate())
        .parameters(names("params"))
        .data(names("data") == null ? List.of() : names("data"))
        .highlight(names("highlight") == null ? List.of() : names("highlight"))
        .decimals(number("decimals"))
        .stepLabel(onOff("step-label"))
        .legend(flag("legend"));
    Integer epochs = number("epochs");
    return b.epochs(epochs == null ? 1 : epochs);
  }

  /** Only a bundled theme's name or auto: a request never names a file of the server's. */
  private String theme() throws RefusedException {
    String theme = query.getOrDefault("theme", Theme.DEFAULT);
    if (!Theme.BUNDLED.contains(theme) && !theme.equals(Theme.AUTO)) {
      throw new RefusedException(400, "theme: expected " + String.join(", ", Theme.BUNDLED) + " or auto, not '"
          + shown(theme) + "' (a server reads no theme files).");
    }
    return theme;
  }

  private String lower(String name) {
    String value = query.get(name);
    return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
  }

  private <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) throws RefusedException {
    String value = lower(name);
    if (value == null) {
      return fallback;
    }
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.name().toLowerCase(Locale.ROOT));
      if (names.get(names.size() - 1).equals(value)) {
        return e;
      }
    }
    throw new RefusedException(400, name + ": expected " + String.join(", ", names) + ", not '" + shown(value)
        + "'.");
  }

  /** Captions below the figure or none: a caption file would be a second file. */
  private CaptionMode caption() throws RefusedException {
    CaptionMode mode = choice("caption", CaptionMode.class, CaptionMode.BELOW);
    if (mode == CaptionMode.FILE) {
      throw new RefusedException(400, "caption: expected below or none (a request gets one file).");
    }
    return mode;
  }

  private Direction direction() throws RefusedException {
    String value = lower("rankdir");
    if (value == null || value.equals("auto")) {
      return null;
    }
    return switch (value) {
      case "lr" -> Direction.LR;
      case "tb" -> Direction.TB;
      default -> throw new RefusedException(400, "rankdir: expected LR, TB or auto, not '" + shown(value) + "'.");
    };
  }

  /** Whether an HTML page is live: {@code on} (the default) or {@code off}, as the command line's --live. */
  private boolean live() throws RefusedException {
    String value = query.getOrDefault("live", "on").strip();
    return switch (value) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new RefusedException(400, "live: expected on or off, not '" + shown(value) + "'.");
    };
  }

  private boolean steps() throws RefusedException {
    String value = query.getOrDefault("steps", "node").strip();
    return switch (value) {
      case "node" -> false;
      case "level" -> true;
      default -> throw new RefusedException(400, "steps: expected node or level, not '" + shown(value) + "'.");
    };
  }

  /** A switch: present with no value, {@code true} or {@code false}. */
  private boolean flag(String name) throws RefusedException {
    String value = lower(name);
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.isEmpty() || value.equals("true")) {
      return true;
    }
    throw new RefusedException(400, name + ": expected true or false, not '" + shown(value) + "'.");
  }

  /** The step label's switch: on (the default) or off, as the command line takes it, or true or false. */
  private boolean onOff(String name) throws RefusedException {
    String value = lower(name);
    if (value == null || value.equals("on") || value.equals("true")) {
      return true;
    }
    if (value.equals("off") || value.equals("false")) {
      return false;
    }
    throw new RefusedException(400, name + ": expected on or off, not '" + shown(value) + "'.");
  }

  private Integer number(String name) throws RefusedException {
    String value = query.get(name);
    if (value == null) {
      return null;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new RefusedException(400, name + ": expected a whole number, not '" + shown(value) + "'.");
    }
  }

  private Double learningRate() throws RefusedException {
    String value = query.get("update");
    if (value == null) {
      return null;
    }
    try {
      return Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw new RefusedException(400, "update: expected a positive learning rate, not '" + shown(value) + "'.");
    }
  }

  private List<String> names(String name) {
    String value = query.get(name);
    if (value == null) {
      return null;
    }
    List<String> names = org.gradframes.pipeline.RenderOptions.names(value);
    return names;
  }

  /** A value from a request, cut short and with its control characters escaped, to quote in a message. */
  static String shown(String value) {
    String cut = value.length() > 60 ? value.substring(0, 60) + "…" : value;
    StringBuilder out = new StringBuilder();
    cut.codePoints().forEach(c -> out.append(org.gradframes.pipeline.Diagnostic.isControl(c) || c == '\n'
        ? org.gradframes.pipeline.Diagnostic.escape(c) : new String(Character.toChars(c))));
    return out.toString();
  }
}
