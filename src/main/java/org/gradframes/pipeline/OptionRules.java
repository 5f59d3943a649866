package org.gradframes.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gradframes.layout.Direction;
import org.gradframes.layout.LayoutEngines;
import org.gradframes.render.format.Formats;
import org.gradframes.render.scene.Canvas;
import org.gradframes.render.scene.DrawingStyle;

/**
 * The one place where render options are checked: each option's range, and the rules between options. Every
 * failure names its option, so that the library and the command line word it each their own way.
 */
final class OptionRules {
  /** The most epochs: each makes a forward, a backward and an update's frames. */
  static final int MAX_EPOCHS = 10_000;

  private OptionRules() {}

  /** The formats named, {@code all} for every one, in registry order; none for frames drawn but not written. */
  static List<String> formats(List<String> names) {
    if (names == null) {
      throw invalid(Option.FORMATS, ": a value is required, not null.");
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (String name : names) {
      if ("all".equals(name)) {
        chosen.addAll(Formats.names());
      } else if (name == null || !Formats.exists(name)) {
        throw invalid(Option.FORMATS, ": unknown format '" + name + "' (the formats are "
            + String.join(", ", Formats.names()) + ").");
      } else {
        chosen.add(name);
      }
    }
    List<String> ordered = new ArrayList<>(Formats.names());
    ordered.retainAll(chosen);
    return List.copyOf(ordered);
  }

  static void check(RenderOptions o) {
    present(o);
    if (o.engine() != null && LayoutEngines.named(o.engine()) == null) {
      throw invalid(Option.ENGINE, ": expected " + String.join(" or ", LayoutEngines.names()) + ", not '"
          + o.engine() + "'.");
    }
    if (o.precision() != null) {
      whole(Option.PRECISION, o.precision(), 1, 17);
    }
    if (o.scale() != null && !(o.scale() >= 0.1 && o.scale() <= 20)) {
      throw invalid(Option.SCALE, ": expected a number from 0.1 to 20, not " + number(o.scale()) + ".");
    }
    if (o.decimals() != null) {
      whole(Option.DECIMALS, o.decimals(), 0, org.gradframes.render.text.NumberText.MAX_DECIMALS);
    }
    if (o.textPx() != null) {
      whole(Option.TEXT_PX, o.textPx(), 8, 200);
    }
    whole(Option.MAX_DEPTH, o.maxDepth(), 1, 100_000);
    whole(Option.EPOCHS, o.epochs(), 1, MAX_EPOCHS);
    whole(Option.DELAY, o.delay(), 20, 600_000);
    whole(Option.MAX_NODES, o.maxNodes(), 1, 1_000_000);
    whole(Option.MAX_DECK_MB, o.maxDeckMb(), 1, 1_000_000);
    if (o.learningRate() != null && !(o.learningRate() > 0 && Double.isFinite(o.learningRate()))) {
      throw invalid(Option.LEARNING_RATE, ": expected a positive learning rate, not " + number(o.learningRate())
          + ".");
    }
    names(Option.DATA, o.data());
    names(Option.HIGHLIGHT, o.highlight());
    if (o.parameters() != null) {
      names(Option.PARAMETERS, o.parameters());
    }
    if (o.output() != null && o.output().isBlank()) {
      throw invalid(Option.OUTPUT, ": expected a variable's name, not '" + o.output() + "'.");
    }
    canvas(o.canvas());
    if (o.idPrefix() != null && !o.idPrefix().matches("[A-Za-z][A-Za-z0-9_-]{0,63}")) {
      throw invalid(Option.ID_PREFIX, ": expected a letter followed by at most 63 letters, digits, '-' and '_',"
          + " not '" + o.idPrefix() + "'.");
    }
    between(o);
  }

  /** The rules between options. */
  private static void between(RenderOptions o) {
    if (o.epochs() > 1 && o.learningRate() == null) {
      throw new InvalidOptionException(Option.EPOCHS, Message.of(Option.EPOCHS, " needs ", Option.LEARNING_RATE,
          "."), null);
    }
    if (o.decimals() != null && o.precision() != null) {
      throw new InvalidOptionException(Option.DECIMALS, Message.of(Option.DECIMALS, " and ", Option.PRECISION,
          " both say how numbers are written; give one of them."), null);
    }
    if (o.style() == DrawingStyle.BOXES) {
      return;
    }
    if (o.direction() == Direction.TB) {
      throw new InvalidOptionException(Option.STYLE, Message.of(Option.STYLE, " circuit and ", Option.STYLE,
          " micrograd are drawn left to right, as the CS231n notes and micrograd's draw_dot draw them (a value"
          + " above each wire and its gradient below, an operation's circle left of its record); for ",
          Option.DIRECTION, " TB use ", Option.STYLE, " boxes."), null);
    }
    if (o.view() != View.AUTO && o.view() != View.OPS) {
      throw new InvalidOptionException(Option.STYLE, Message.of(Option.STYLE, " " + o.style().key() + " draws the"
          + " ops view, a node per operation; for ", Option.VIEW, " " + o.view().key() + " use ", Option.STYLE,
          " boxes (or leave ", Option.VIEW, " out)."), null);
    }
  }

  private static void present(RenderOptions o) {
    Object[][] required = {{o.theme(), Option.THEME}, {o.edgeLabels(), Option.EDGE_LABELS},
        {o.caption(), Option.CAPTION}, {o.data(), Option.DATA}, {o.canvas(), Option.CANVAS}, {o.view(), Option.VIEW},
        {o.style(), Option.STYLE}, {o.highlight(), Option.HIGHLIGHT}};
    for (Object[] r : required) {
      if (r[0] == null) {
        throw invalid((Option) r[1], ": a value is required, not null.");
      }
    }
  }

  private static void canvas(Canvas c) {
    boolean ok = c.equals(Canvas.AUTO)
        || (c.ratio() > 0 ? c.ratio() >= 0.1 && c.ratio() <= 10
            : c.width() >= 50 && c.width() <= 20_000 && c.height() >= 50 && c.height() <= 20_000);
    if (!ok) {
      throw invalid(Option.CANVAS, ": expected auto, a ratio from 1:10 to 10:1, or a size from 50x50 to 20000x20000"
          + " points, not " + describe(c) + ".");
    }
  }

  private static String describe(Canvas c) {
    return c.ratio() > 0 ? "the ratio " + number(c.ratio()) : number(c.width()) + "x" + number(c.height());
  }

  private static void names(Option option, List<String> names) {
    for (String name : names) {
      if (name == null || name.isBlank()) {
        throw invalid(option, ": expected input names, not '" + name + "'.");
      }
    }
  }

  private static void whole(Option option, int n, int min, int max) {
    if (n < min || n > max) {
      throw invalid(option, ": expected a whole number from " + min + " to " + max + ", not " + n + ".");
    }
  }

  private static String number(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf((long) x) : String.format(Locale.ROOT, "%s", x);
  }

  private static InvalidOptionException invalid(Option option, String rest) {
    return new InvalidOptionException(option, Message.of(option, rest), null);
  }
}
