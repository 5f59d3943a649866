package org.gradframes.render;

import java.util.List;
import java.util.regex.Pattern;

/** Writes the small text formats that point at the frames: a Beamer overlay snippet and a Markdown page. */
public final class DeckWriter {
  /** Characters a path may hold to be written into LaTeX as it is. */
  private static final Pattern LATEX_SAFE_PATH = Pattern.compile("[A-Za-z0-9._/-]+");

  private DeckWriter() {}

  /**
   * A LaTeX snippet to {@code \input} inside a Beamer frame: one {@code \includegraphics<n>} per frame, all in one
   * place. {@code folder} is the frames' folder as the deck will see it; {@code pdf} is the multi-page PDF's name,
   * or null to use {@code images} (one file per frame).
   */
  public static String beamer(String program, String folder, String pdf, List<String> images,
      List<String> captions) {
    String prefix = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
    StringBuilder tex = new StringBuilder();
    tex.append("% gradframes: ").append(comment(program)).append(", ").append(captions.size())
        .append(" frames, one per overlay.\n");
    tex.append("% Use inside a Beamer frame: \\begin{frame}\\input{").append(comment(prefix)).append(comment(program))
        .append(".tex}\\end{frame}\n");
    if (!LATEX_SAFE_PATH.matcher(prefix).matches() && !prefix.isEmpty()) {
      tex.append("% The frames' folder has characters LaTeX would misread; the paths below are relative to it:\n")
          .append("% set \\graphicspath{{").append(comment(prefix)).append("}} or move the folder.\n");
      prefix = "";
    }
    tex.append("\\begin{center}\n");
    for (int i = 0; i < captions.size(); i++) {
      tex.append("% ").append(i + 1).append(": ").append(comment(captions.get(i))).append('\n');
      tex.append("\\includegraphics<").append(i + 1).append(">[width=\\linewidth,height=0.78\\textheight,")
          .append("keepaspectratio");
      if (pdf != null) {
        tex.append(",page=").append(i + 1).append("]{").append(prefix).append(pdf);
      } else {
        tex.append("]{").append(prefix).append(images.get(i));
      }
      tex.append("}%\n");
    }
    tex.append("\\end{center}\n");
    return tex.toString();
  }

  /** A LaTeX comment's text: one line, whatever it holds. */
  private static String comment(String text) {
    return text.replace("\r", " ").replace("\n", "; ");
  }

  /** A Markdown page listing the frames in order, each with its caption as alt text and below it. */
  public static String markdown(String program, List<String> images, List<String> captions) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(markdownText(program)).append("\n\n");
    for (int i = 0; i < images.size(); i++) {
      String caption = markdownText(captions.get(i).replace("\n", "; "));
      md.append("![").append(caption).append("](").append(images.get(i)).append(")\n\n");
      md.append(i + 1).append(". ").append(caption).append("\n\n");
    }
    return md.toString();
  }

  /** Text that Markdown shows as it is: every character with a meaning in Markdown or HTML escaped. */
  static String markdownText(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> {
      if ("\\`*_{}[]()<>#+-.!|&~".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.appendCodePoint(c);
    });
    return out.toString();
  }
}
