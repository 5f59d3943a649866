package org.gradframes.render.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Beamer snippet that steps through the frames one overlay at a time, pointing at the pages of the PDF, or at the
 * PNG frames when those are written and the PDF is not.
 */
public final class BeamerFormat implements Format {
  /** Characters a path may hold to be written into LaTeX as it is. */
  private static final Pattern LATEX_SAFE_PATH = Pattern.compile("[A-Za-z0-9._/-]+");

  @Override
  public String name() {
    return "beamer";
  }

  @Override
  public String summary() {
    return "a LaTeX snippet with one \\includegraphics<n> per frame, NAME.tex";
  }

  @Override
  public Phase phase() {
    return Phase.DECK;
  }

  @Override
  public Set<String> brings(Set<String> chosen) {
    return chosen.contains("png") ? Set.of() : Set.of("pdf");
  }

  @Override
  public void write(Deck deck, FileSink sink) throws IOException {
    LatexMath.checkNames(deck.drawing().graph());
    String program = deck.info().program();
    List<String> pngs = new ArrayList<>();
    List<String> captions = new ArrayList<>();
    List<String> math = new ArrayList<>();
    for (int i = 0; i < deck.drawing().frameCount(); i++) {
      pngs.add(deck.frameFiles(i).get("png"));
      captions.add(deck.drawing().caption(i));
      List<String> lines = new ArrayList<>();
      for (String line : deck.drawing().captionLines(i)) {
        lines.add(LatexMath.of(line, false));
      }
      math.add(String.join("\\\\ ", lines));
    }
    String pdf = deck.writes("pdf") ? program + ".pdf" : null;
    Texts.write(sink, program + ".tex", beamer(program, deck.info().folder(), pdf, pngs, captions)
        + captions(math));
  }

  /**
   * A LaTeX snippet to {@code \input} inside a Beamer frame: one {@code \includegraphics<n>} per frame, all in one
   * place. {@code folder} is the frames' folder as the deck will see it; {@code pdf} is the multi-page PDF's name,
   * or null to use {@code images} (one file per frame).
   */
  static String beamer(String program, String folder, String pdf, List<String> images,
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

  /**
   * The captions as LaTeX math, one overlay each, through {@code \gfcaption}, which shows nothing unless the
   * document defines it (the pictures carry their captions): {@code \newcommand{\gfcaption}[1]{\par\small #1}}
   * before the {@code \input} sets them under the picture in the document's fonts.
   */
  private static String captions(List<String> math) {
    StringBuilder tex = new StringBuilder("\\providecommand{\\gfcaption}[1]{}%\n");
    for (int i = 0; i < math.size(); i++) {
      tex.append("\\only<").append(i + 1).append(">{\\gfcaption{").append(math.get(i)).append("}}%\n");
    }
    return tex.toString();
  }

  /** A LaTeX comment's text: one line, whatever it holds. */
  private static String comment(String text) {
    return text.replace("\r", " ").replace("\n", "; ");
  }

}
