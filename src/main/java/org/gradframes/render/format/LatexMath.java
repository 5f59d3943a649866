package org.gradframes.render.format;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  /** A reference that can stand over or under a fraction bar: a name with its scripts. */
  private static final String REF = "[A-Za-z0-9θλαβγδημπωε]+(?:_\\{[^{}]*\\})?(?:\\^\\{[^{}]*\\})?";
  private static final Pattern PARTIAL = Pattern.compile("∂(" + REF + ")/∂(" + REF + ")");
  private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");

  private LatexMath() {}

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
    // Any other character (a letter of another script, say) is spelt as its code point.
    return "\\mbox{U+" + String.format(java.util.Locale.ROOT, "%04X", (int) c) + "}";
  }

  /** Plain text of a comment line: what the markup says, on one line. */
  static String comment(String markup) {
    return RichText.plain(markup).replace('\n', ' ').replace('\r', ' ');
  }
}
