package org.gradframes.expr;

import java.util.Collection;

/** The known word a misspelt one most likely meant, for messages that say {@code did you mean 'sigmoid'?}. */
public final class Suggestions {
  /** Words longer than this are not compared: a misspelling is short, and the comparison takes their product. */
  private static final int LONGEST = 64;

  private Suggestions() {}

  /**
   * The word of {@code known} closest to {@code word} by edits (an insertion, a deletion, a change or a swap of two
   * neighbours each count one), when it is at most a third of the longer word's length away (at least one edit) and
   * keeps some of the shorter word (so {@code b} does not suggest {@code a}). Of two as close, the one nearer the
   * word's length wins ({@code tahn} suggests {@code tanh}, not {@code tan}), then the first in {@code known}'s
   * order. Null when no word is that close.
   */
  public static String nearest(String word, Collection<String> known) {
    if (word.length() > LONGEST) {
      return null;
    }
    String best = null;
    int bestScore = Integer.MAX_VALUE;
    for (String candidate : known) {
      int allowed = Math.max(1, Math.max(word.length(), candidate.length()) / 3);
      int lengths = Math.abs(word.length() - candidate.length());
      if (candidate.equals(word) || candidate.length() > LONGEST || lengths > allowed) {
        continue;
      }
      int distance = distance(word, candidate);
      int score = distance * (LONGEST + 1) + lengths;
      if (distance <= allowed && distance < Math.min(word.length(), candidate.length()) && score < bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * Why {@code name} cannot be used in the statement that defines {@code statement}: it is that statement's own
   * name, or it is defined {@code later} (null when it is not), or else it is not defined, with the name of
   * {@code defined} nearest in spelling when one is close.
   */
  public static String undefined(String name, String statement, Position later, Collection<String> defined) {
    if (name.equals(statement)) {
      return "'" + name + "' is not defined. A statement cannot use its own name.";
    }
    if (later != null) {
      return "'" + name + "' is defined on line " + later.line() + ", after this use; define it before it is used.";
    }
    String nearest = nearest(name, defined);
    return nearest == null ? "'" + name + "' is not defined." : "'" + name + "' is not defined; did you mean '"
        + nearest + "'?";
  }

  /** The optimal string alignment distance of {@code a} and {@code b}, counted in UTF-16 units. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
