package org.gradframes.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The frames a render writes, as a comma list of frame numbers (0 is the first frame, as {@code frame-000} names
 * it), {@code first}, {@code last} and ranges between them: {@code 1,3,5-7}, {@code 2-last}. Written in increasing
 * order, each once.
 */
final class FrameSelection {
  private FrameSelection() {}

  /**
   * {@code spec} checked and written in one form (lower case, no spaces).
   *
   * @throws InvalidOptionException when it is not a list of frames
   */
  static String check(String spec) {
    String text = spec.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    if (text.isEmpty()) {
      throw invalid(spec);
    }
    for (String item : text.split(",", -1)) {
      String[] ends = item.split("-", -1);
      if (ends.length > 2 || !isFrame(ends[0]) || ends.length == 2 && !isFrame(ends[1])) {
        throw invalid(spec);
      }
      if (ends.length == 2 && rank(ends[0]) > rank(ends[1])) {
        throw new InvalidOptionException(Option.FRAMES, Message.of(Option.FRAMES, ": the range '" + item
            + "' runs backwards; write its first frame first."), null);
      }
    }
    return text;
  }

  /** Where a frame comes among all frames, whatever their number: {@code first} before all, {@code last} after. */
  private static long rank(String frame) {
    return frame.equals("first") ? -1 : frame.equals("last") ? Long.MAX_VALUE : Long.parseLong(frame);
  }

  private static boolean isFrame(String text) {
    return text.equals("first") || text.equals("last") || text.matches("\\d{1,9}");
  }

  private static InvalidOptionException invalid(String spec) {
    return new InvalidOptionException(Option.FRAMES, Message.of(Option.FRAMES, ": expected frame numbers from 0,"
        + " first, last or ranges such as 2-5, in a comma list, not '" + spec + "'."), null);
  }

  /**
   * The frame numbers {@code spec} (as {@link #check} wrote it) selects among {@code count} frames, in order.
   *
   * @throws InvalidOptionException when it names a frame past the last, naming how many there are
   */
  static List<Integer> resolve(String spec, int count) {
    TreeSet<Integer> frames = new TreeSet<>();
    for (String item : spec.split(",")) {
      String[] ends = item.split("-");
      int from = number(ends[0], count);
      int to = number(ends[ends.length - 1], count);
      for (int n = from; n <= to; n++) {
        frames.add(n);
      }
    }
    return new ArrayList<>(frames);
  }

  private static int number(String frame, int count) {
    if (frame.equals("first")) {
      return 0;
    }
    if (frame.equals("last")) {
      return count - 1;
    }
    int n = Integer.parseInt(frame);
    if (n >= count) {
      throw new InvalidOptionException(Option.FRAMES, Message.of(Option.FRAMES, ": there is no frame " + n
          + "; this program has " + count + (count == 1 ? " frame, numbered 0." : " frames, numbered 0 to "
          + (count - 1) + ".")), null);
    }
    return n;
  }
}
