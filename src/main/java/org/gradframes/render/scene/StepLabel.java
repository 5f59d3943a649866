package org.gradframes.render.scene;

import org.gradframes.render.text.RichText;
import org.gradframes.render.theme.Theme;
import org.gradframes.render.theme.ThemeKey;

/**
 * "Step k of N" as the theme words it: k the frame's number from 1 among every frame of the walk (the forward
 * frame counts, as the HTML stepper's counter counts it), N how many frames the walk has.
 */
final class StepLabel {
  private final String template;
  private final double size;
  private final int steps;

  StepLabel(Theme theme, int steps) {
    this.template = theme.text(ThemeKey.STEP_LABEL_TEXT);
    this.size = theme.number(ThemeKey.STEP_LABEL_SIZE);
    this.steps = steps;
  }

  /** The label of the frame numbered {@code number} (from 0) among all frames. */
  String text(int number) {
    return template.replace("{step}", Integer.toString(number + 1)).replace("{steps}", Integer.toString(steps));
  }

  double size() {
    return size;
  }

  /** The width of the widest label, in points. */
  double width() {
    double widest = 0;
    // Every digit of Liberation Sans is as wide as every other, so the longest numbers make the widest labels.
    for (int number : new int[] {0, steps - 1}) {
      widest = Math.max(widest, width(number));
    }
    return widest;
  }

  double width(int number) {
    return RichText.width(text(number), size, false);
  }
}
