package org.gradframes.render.scene;

import java.util.ArrayList;
import java.util.List;
import org.gradframes.render.text.RichText;
import org.gradframes.render.theme.Theme;
import org.gradframes.render.theme.ThemeKey;

/**
 * The band under the graph, the same size in every frame: the caption's lines, the step label at the right end of
 * the first row where it overlaps no frame's caption line (a row of its own when none has room), and under them the
 * key of the colours.
 */
final class Band {
  private static final double CAPTION_LINE = 1.3;
  /** The widest a caption line may be in the picture, in ems; captions.txt and trace.json have the whole line. */
  private static final double MAX_CAPTION_EMS = 80;

  private final Theme theme;
  private final Styles styles;
  private final int mostLines;
  private final int captionLines;
  /** How many frames' captions are longer than the band shows. */
  private final int cut;
  /** The step label, or null for none, and its row. */
  private final StepLabel stepLabel;
  private final int stepRow;
  /** The key, or null for none. */
  private final Legend legend;
  private final double width;

  /**
   * The band of {@code captions} (each frame's lines; none unless {@code below}), at most {@code mostLines} of each
   * shown, with the step label and the key when they are not null, at least {@code graphWidth} wide.
   */
  Band(Theme theme, Styles styles, List<List<String>> captions, boolean below, int mostLines, StepLabel stepLabel,
      Legend legend, double graphWidth) {
    this.theme = theme;
    this.styles = styles;
    this.mostLines = mostLines;
    this.stepLabel = stepLabel;
    this.legend = legend;
    double size = theme.number(ThemeKey.CAPTION_SIZE);
    double widest = 0;
    int lines = 0;
    int longer = 0;
    List<double[]> widths = new ArrayList<>();
    for (List<String> caption : below ? captions : List.<List<String>>of()) {
      longer += caption.size() > mostLines ? 1 : 0;
      List<String> shown = shown(caption);
      double[] lineWidths = new double[shown.size()];
      for (int k = 0; k < lineWidths.length; k++) {
        lineWidths[k] = RichText.width(shown.get(k), size, false);
        widest = Math.max(widest, lineWidths[k]);
      }
      widths.add(lineWidths);
      lines = Math.max(lines, shown.size());
    }
    this.captionLines = lines;
    this.cut = longer;
    double w = Math.ceil(Math.max(graphWidth, widest));
    if (stepLabel != null) {
      w = Math.max(w, Math.ceil(stepLabel.width()));
    }
    if (legend != null) {
      w = Math.max(w, Math.ceil(legend.widest()));
    }
    this.width = w;
    this.stepRow = stepLabel == null ? -1 : stepRow(widths, lines);
  }

  /** The first row where the step label fits right of every frame's caption line, half an em apart. */
  private int stepRow(List<double[]> widths, int lines) {
    double room = width - stepLabel.width() - stepLabel.size() * 0.5;
    for (int row = 0; row < lines; row++) {
      boolean fits = true;
      for (double[] line : widths) {
        fits &= row >= line.length || line[row] <= room;
      }
      if (fits) {
        return row;
      }
    }
    return lines;
  }

  /** The width of the column of the graph and the band, in points. */
  double width() {
    return width;
  }

  /** How many caption lines the band holds. */
  /** How many frames' captions are longer than the band shows, ending with {@code … and N more lines}. */
  int cut() {
    return cut;
  }

  int captionLines() {
    return captionLines;
  }

  private int rows() {
    return Math.max(captionLines, stepRow + 1);
  }

  private double pitch() {
    return theme.number(ThemeKey.CAPTION_SIZE) * CAPTION_LINE;
  }

  /** The band's height with the gap above it; none when it holds nothing. */
  double height() {
    if (rows() == 0 && legend == null) {
      return 0;
    }
    return theme.number(ThemeKey.CAPTION_GAP) + rows() * pitch() + (legend == null ? 0 : legend.height(width));
  }

  /** The lines of a caption that fit in a picture, each at most {@link #MAX_CAPTION_EMS} wide. */
  private List<String> shown(List<String> caption) {
    List<String> lines = new ArrayList<>(caption.subList(0, Math.min(caption.size(), mostLines)));
    if (caption.size() > mostLines) {
      lines.set(mostLines - 1, "… and " + (caption.size() - mostLines + 1) + " more lines");
    }
    double size = theme.number(ThemeKey.CAPTION_SIZE);
    lines.replaceAll(line -> clipBeforeResult(line, size, MAX_CAPTION_EMS * size));
    return lines;
  }

  /**
   * A caption line cut to {@code maxWidth}: a line that ends in a result ({@code … = −0.068794}) is cut before
   * its last {@code =}, so that the picture never withholds the number the line arrives at.
   */
  static String clipBeforeResult(String line, double size, double maxWidth) {
    int equals = line.lastIndexOf(" = ");
    if (equals < 0 || RichText.width(line, size, false) <= maxWidth) {
      return RichText.clip(line, size, false, maxWidth);
    }
    String result = line.substring(equals);
    double room = maxWidth - RichText.width(result, size, false);
    if (room < maxWidth / 2) {
      return RichText.clip(line, size, false, maxWidth);
    }
    String head = RichText.clip(line.substring(0, equals), size, false, room);
    // Cut between two terms, not through a number: … + 0.13371 + … = −0.068794.
    int term = head.lastIndexOf(" + ");
    int start = line.indexOf(" = ");
    if (head.endsWith("…") && term > start) {
      head = head.substring(0, term) + " + …";
    }
    return head + result;
  }

  /**
   * The band's groups for the frame numbered {@code number} among all, whose caption is {@code caption}, its left
   * edge at {@code left} and the graph's bottom at {@code graphBottom}.
   */
  List<Scene.Group> groups(List<String> caption, int number, double left, double graphBottom) {
    double top = graphBottom + theme.number(ThemeKey.CAPTION_GAP);
    List<Scene.Group> groups = new ArrayList<>();
    if (captionLines > 0) {
      groups.add(captionGroup(caption, left, top));
    }
    if (stepLabel != null) {
      double y = top + stepRow * pitch() + theme.number(ThemeKey.CAPTION_SIZE) * 0.93;
      String text = stepLabel.text(number);
      groups.add(new Scene.Group("step-label", "step-label", RichText.plain(text), null, List.of(new Scene.Text(
          left + width - stepLabel.width(number), y, text, stepLabel.size(), false, styles.stepLabelText(),
          Scene.Anchor.START)), null));
    }
    if (legend != null) {
      groups.addAll(legend.groups(left, top + rows() * pitch(), width, styles));
    }
    return groups;
  }

  private Scene.Group captionGroup(List<String> caption, double left, double top) {
    double size = theme.number(ThemeKey.CAPTION_SIZE);
    double y = top + size * 0.93;
    List<Scene.Shape> shapes = new ArrayList<>();
    for (String line : shown(caption)) {
      shapes.add(new Scene.Text(left, y, line, size, false, styles.captionText(), Scene.Anchor.START));
      y += pitch();
    }
    return new Scene.Group("caption", "caption", null, null, shapes, null);
  }
}
