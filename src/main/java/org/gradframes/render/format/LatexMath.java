package org.gradframes.render.format;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradframes.expr.Position;
import org.gradframes.expr.SourceException;
import org.gradframes.graph.Graph;
import org.gradframes.graph.Node;
import org.gradframes.render.text.RichText;

/**
 * The frames' rich text as LaTeX: words as text, the rest in math mode, sub- and superscripts as {@code _{}} and
 * {@code ^{}}, and a partial derivative {@code ∂y/∂u₂} as {@code \frac{\partial y}{\partial u_{2}}}. Everything a
 * program or theme brings is escaped, so no input reaches LaTeX as a command.
 */
final class LatexMath {
  private static final Map<Character, String> SYMBOLS = Map.ofEntries(
      Map.entry('∂', "\\partial "), Map.entry('·', "\\cdot "), Map.entry('−', "-"), Map.entry('×', "\\times "),
      Map.entry('σ', "\\sigma"), Map.entry('→', "\\to "), Map.entry('…', "\\dots "), Map.entry('′', "'"),
      Map.entry('²', "^{2}"), Map.entry('∞', "\\infty "), Map.entry('≥', "\\geq "), Map.entry('≤', "\\leq "),
      Map.entry('θ', "\\theta "), Map.entry('λ', "\\lambda "), Map.entry('α', "\\alpha "),
      Map.entry('β', "\\beta "), Map.entry('γ', "\\gamma "), Map.entry('δ', "\\delta "), Map.entry('η', "\\eta "),
      Map.entry('μ', "\\mu "), Map.entry('π', "\\pi "), Map.entry('ω', "\\omega "), Map.entry('ε', "\\epsilon "),
      Map.entry('÷', "\\div "), Map.entry('-', "-"), Map.entry('*', "\\ast "), Map.entry('^', "\\hat{}"),
      Map.entry('~', "\\sim "), Map.entry('\\', "\\backslash "), Map.entry('\'', "'"), Map.entry('"', "''"),
      Map.entry('@', "\\mathrm{@}"), Map.entry('Σ', "\\Sigma "), Map.entry('√', "\\surd "));
  /**
   * Every Greek letter as LaTeX math: the lower case and the capitals that have a command by it, the capitals that
   * look Latin as upright Latin letters ({@code Α} is {@code \mathrm{A}}), as LaTeX's default fonts set them.
   */
  private static final Map<Character, String> GREEK = greek();
  /** A reference that can stand over or under a fraction bar: a name with its scripts. */
  private static final String REF = "[A-Za-z0-9\u0391-\u03A9\u03B1-\u03C9\u03D1\u03D5\u03F5]+"
      + "(?:_\\{[^{}]*\\})?(?:\\^\\{[^{}]*\\})?";
  private static final Pattern PARTIAL = Pattern.compile("∂(" + REF + ")/∂(" + REF + ")");
  private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");

  private LatexMath() {}

  private static Map<Character, String> greek() {
    String[] lower = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda",
        "mu", "nu", "xi", null, "pi", "rho", "varsigma", "sigma", "tau", "upsilon", "varphi", "chi", "psi", "omega"};
    String[] upper = {"A", "B", "Gamma", "Delta", "E", "Z", "H", "Theta", "I", "K", "Lambda", "M", "N", "Xi", "O", "Pi",
        "P", null, "Sigma", "T", "Upsilon", "Phi", "X", "Psi", "Omega"};
    Map<Character, String> greek = new java.util.HashMap<>();
    for (int i = 0; i < lower.length; i++) {
      greek.put((char) (0x03B1 + i), lower[i] == null ? "o" : "\\" + lower[i] + " ");
      if (upper[i] != null) {
        greek.put((char) (0x0391 + i), upper[i].length() == 1 ? "\\mathrm{" + upper[i] + "}" : "\\" + upper[i] + " ");
      }
    }
    greek.put('ϑ', "\\vartheta ");
    greek.put('ϕ', "\\phi ");
    greek.put('ϵ', "\\epsilon ");
    return Map.copyOf(greek);
  }

  /**
   * Whether LaTeX's default fonts, in pdflatex and lualatex alike, set {@code c} as this class writes it: ASCII,
   * Greek, and the accented Latin letters of Latin-1 and Latin Extended-A (as text), not Cyrillic, say.
   */
  static boolean writes(int c) {
    return c < 0x80 || c <= 0xFFFF && (SYMBOLS.containsKey((char) c) || GREEK.containsKey((char) c)
        || accented((char) c));
  }

  /**
   * An accented Latin letter that pdflatex's default encoding, OT1, sets through {@code \mbox}: of U+00C0 to
   * U+017F all letters but those it has no command for there (ð, þ, đ, ŋ, ħ, the letters with an ogonek, ...).
   */
  private static boolean accented(char c) {
    return c >= 0xC0 && c <= 0x17F && Character.isLetter(c) && "ÐðÞþĐđŊŋĄąĘęĮįŲųĦħĸĿŀŉŦŧſ".indexOf(c) < 0;
  }

  /**
   * Refuses, at the first node that bears it, a name with a letter LaTeX's default fonts cannot set (a Cyrillic
   * {@code ж}, say), which would otherwise reach the slide as its code point.
   *
   * @throws SourceException at the node whose name LaTeX cannot write
   */
  static void checkNames(Graph graph) {
    for (Node node : graph.nodes()) {
      String name = node.name();
      if (name == null) {
        continue;
      }
      for (int i = 0; i < name.length(); i = name.offsetByCodePoints(i, 1)) {
        int c = name.codePointAt(i);
        if (!writes(c)) {
          Position at = node instanceof Node.Input ? new Position(node.position().line(),
              node.position().column() + name.codePointCount(0, i)) : node.position();
          throw new SourceException(at, "'" + new String(Character.toChars(c)) + "' (U+"
              + String.format(java.util.Locale.ROOT, "%04X", c) + ") of '" + name + "' cannot be written in the TikZ"
              + " picture or the Beamer snippet: LaTeX's default fonts set Latin and Greek letters, not this one;"
              + " name the variable with Latin or Greek letters, or choose formats other than TikZ and Beamer.");
        }
      }
    }
  }

  /**
   * {@code markup} as one line of LaTeX text with math; partial derivatives as fractions, or with {@code fractions}
   * false as {@code \partial y/\partial u_{2}}, for lines set close together.
   */
  static String of(String markup, boolean fractions) {
    String text = markup;
    StringBuilder out = new StringBuilder("$");
    Matcher partial = PARTIAL.matcher(text);
    int at = 0;
    while (partial.find()) {
      out.append(math(text.substring(at, partial.start())));
      if (fractions) {
        out.append("\\frac{\\partial ").append(math(partial.group(1))).append("}{\\partial ")
            .append(math(partial.group(2))).append('}');
      } else {
        out.append("\\partial ").append(math(partial.group(1))).append("/\\partial ").append(math(partial.group(2)));
      }
      at = partial.end();
    }
    out.append(math(text.substring(at)));
    return out.length() == 1 ? "" : out.append('$').toString();
  }

  /** Math-mode LaTeX of markup without partials: words upright, scripts kept, symbols as commands. */
  private static String math(String markup) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < markup.length()) {
      char c = markup.charAt(i);
      Matcher word = WORD.matcher(markup).region(i, markup.length());
      if (word.lookingAt() && (i == 0 || !Character.isLetterOrDigit(markup.charAt(i - 1)))) {
        out.append("\\mathrm{").append(word.group()).append('}');
        i = word.end();
        continue;
      }
      if ((c == '_' || c == '^') && i + 1 < markup.length() && markup.charAt(i + 1) == '{') {
        int close = markup.indexOf('}', i);
        if (close > i) {
          out.append(c).append('{').append(script(markup.substring(i + 2, close))).append('}');
          i = close + 1;
          continue;
        }
      }
      if (c == ' ') {
        Matcher next = WORD.matcher(markup).region(i + 1, markup.length());
        boolean nextWord = next.lookingAt();
        if (out.toString().endsWith("}") && out.lastIndexOf("\\mathrm{") >= 0 && endsWithWord(out) || nextWord) {
          out.append("\\ ");
        }
        i++;
        continue;
      }
      if (c == '−' && unary(markup, i)) {
        out.append("{-}");
        i++;
        continue;
      }
      out.append(character(c));
      i++;
    }
    return out.toString();
  }

  /** Whether the math so far ends with an upright word, after which a space is kept. */
  private static boolean endsWithWord(StringBuilder out) {
    int open = out.lastIndexOf("\\mathrm{");
    return out.indexOf("}", open) == out.length() - 1;
  }

  /** Whether the minus at {@code i} is a sign: after nothing, an opening, an operator or a word and a space. */
  private static boolean unary(String markup, int i) {
    int j = i - 1;
    while (j >= 0 && markup.charAt(j) == ' ') {
      j--;
    }
    if (j < 0 || "(=·×+−/[".indexOf(markup.charAt(j)) >= 0) {
      return true;
    }
    int k = j;
    while (k >= 0 && Character.isLetter(markup.charAt(k))) {
      k--;
    }
    return j - k >= 2 && j + 1 < i;
  }

  private static String script(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(character(c));
    }
    return out.toString();
  }

  private static String character(char c) {
    String symbol = SYMBOLS.get(c);
    if (symbol != null) {
      return symbol;
    }
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "+=()[]/.,:;!?|<>".indexOf(c) >= 0) {
      return String.valueOf(c);
    }
    if (c == '%' || c == '#' || c == '&' || c == '$' || c == '{' || c == '}' || c == '_') {
      return "\\" + c;
    }
    String greek = GREEK.get(c);
    if (greek != null) {
      return greek;
    }
    if (accented(c)) {
      return "\\mbox{" + c + "}";
    }
    // Any other character is spelt as its code point; a name never has one (checkNames), theme text may.
    return "\\mbox{U+" + String.format(java.util.Locale.ROOT, "%04X", (int) c) + "}";
  }

  /** Plain text of a comment line: what the markup says, on one line. */
  static String comment(String markup) {
    return RichText.plain(markup).replace('\n', ' ').replace('\r', ' ');
  }
}
