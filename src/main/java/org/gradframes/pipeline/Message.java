package org.gradframes.pipeline;

import java.util.List;
import java.util.function.Function;

/**
 * A message that may name options: text and {@link Option}s, in order. The library words the options by their
 * {@link Option#key}, the command line by its flags; nothing in the text can be taken for an option.
 */
record Message(List<Object> parts) {
  Message {
    parts = List.copyOf(parts);
    for (Object part : parts) {
      if (!(part instanceof String || part instanceof Option)) {
        throw new IllegalArgumentException("a message is text and options, not " + part);
      }
    }
  }

  /** A message of text and options; other values are written as text. */
  static Message of(Object... parts) {
    return new Message(java.util.Arrays.stream(parts).map(p -> p instanceof Option ? p : String.valueOf(p)).toList());
  }

  /** {@code sentence} (a full stop at its end dropped) followed by which option raises its limit. */
  static Message raisedBy(String sentence, Option option) {
    String bare = sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    return of(bare, " (", option, " raises the limit).");
  }

  /** The text, each option named by {@code names}. */
  String text(Function<Option, String> names) {
    StringBuilder text = new StringBuilder();
    for (Object part : parts) {
      text.append(part instanceof Option option ? names.apply(option) : (String) part);
    }
    return text.toString();
  }

  /** The text, each option named as the library names it. */
  String text() {
    return text(Option::key);
  }
}
