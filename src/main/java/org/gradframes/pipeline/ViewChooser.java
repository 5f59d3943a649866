package org.gradframes.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gradframes.expr.Program;
import org.gradframes.expr.Source;
import org.gradframes.graph.GraphBuilder;
import org.gradframes.graph.GraphTooLargeException;
import org.gradframes.render.scene.CaptionMode;
import org.gradframes.render.scene.DrawingStyle;
import org.gradframes.render.scene.EdgeLabelMode;
import org.gradframes.render.theme.Theme;

/**
 * Chooses the view a program is drawn in: the one the options name, or in the automatic view the finest whose
 * frames read from the back of a room; and notes why, when that is not the finest, and when the frames read badly.
 */
final class ViewChooser {
  private final RenderOptions options;
  private final Theme theme;
  private final Compiler compiler;
  private final LayoutSearch search;

  ViewChooser(RenderOptions options, Theme theme, Compiler compiler, LayoutSearch search) {
    this.options = options;
    this.theme = theme;
    this.compiler = compiler;
    this.search = search;
  }

  Rendering render(Source src, Program program) {
    Rendering rendering = chosen(src, program);
    int cut = rendering.drawing().cutCaptions();
    if (cut > 0) {
      rendering.note(Message.of("the captions of " + cut + (cut == 1 ? " frame are" : " frames are")
          + " longer than the picture shows and end with '… and N more lines' (", Option.CAPTION,
          " file writes every line to captions.txt)."));
    }
    return rendering;
  }

  private Rendering chosen(Source src, Program program) {
    // The options allow the circuit and micrograd styles only the ops view.
    View fixed = options.style() != DrawingStyle.BOXES ? View.OPS : options.view();
    if (fixed != View.AUTO) {
      Rendering rendering = search.render(search.prepare(compiler.compile(src, program, fixed)));
      if (!rendering.readable()) {
        rendering.note(unreadable(rendering));
      }
      return rendering;
    }
    return automatic(src, program);
  }

  private Rendering automatic(Source src, Program program) {
    Rendering finest = null;
    Rendering chosen = null;
    View skipped = null;
    CompiledProgram last = null;
    GraphTooLargeException tooLarge = null;
    for (View view : List.of(View.OPS, View.STATEMENTS, View.NETWORK)) {
      if (view == View.NETWORK
          && !Inputs.neurons(GraphBuilder.statements(program, options.output()), options).any()) {
        break;
      }
      CompiledProgram compiled;
      try {
        compiled = compiler.compile(src, program, view);
      } catch (GraphTooLargeException e) {
        // Too many operations to lay out is a reason to draw a coarser view, as too small text is.
        tooLarge = tooLarge == null ? e : tooLarge;
        continue;
      }
      LayoutSearch.Prepared prepared = search.prepare(compiled);
      if (view != View.NETWORK && options.textPx() == null && options.scale() == null
          && prepared.textBound(theme) < Rendering.SMALLEST_TEXT_PX) {
        skipped = skipped == null ? view : skipped;
        last = compiled;
        continue;
      }
      chosen = search.render(prepared);
      finest = finest == null ? chosen : finest;
      if (chosen.readable()) {
        break;
      }
    }
    if (chosen == null && last == null) {
      throw tooLarge;
    }
    if (chosen == null) {
      chosen = search.render(search.prepare(last));
      finest = chosen;
    }
    explain(chosen, finest, skipped, tooLarge);
    return chosen;
  }

  /** Notes why the chosen view is not the finest, and when its frames read badly. */
  private void explain(Rendering chosen, Rendering finest, View skipped, GraphTooLargeException tooLarge) {
    String shown = ", so the frames show the " + chosen.view().key() + " view";
    if (tooLarge != null) {
      chosen.note(Message.of("the ops view would have more than " + tooLarge.limit() + " nodes, the most gradframes"
          + " lays out (", Option.MAX_NODES, " raises the limit)" + shown + "."));
    }
    if (skipped != null && skipped != chosen.view()) {
      chosen.note(Message.of("the " + skipped.key() + " view's boxes and labels alone are too many for text of "
          + px(Rendering.SMALLEST_TEXT_PX) + " on a 1920×1080 slide" + shown + " (", Option.VIEW,
          " " + skipped.key() + " draws it anyway)."));
    } else if (chosen != finest) {
      chosen.note(Message.of("the " + finest.view().key() + " view's " + why(finest) + shown + " (", Option.VIEW,
          " " + finest.view().key() + " draws it anyway)."));
    }
    if (!chosen.readable()) {
      chosen.note(unreadable(chosen));
    }
  }

  private Message unreadable(Rendering r) {
    String size = r.fitsSlide() ? "their smallest text is " + px(r.smallestTextPx()) + " on a 1920×1080 slide, under "
        + px(Rendering.SMALLEST_TEXT_PX) : "they are " + pixels(r) + ", larger than a 1920×1080 slide";
    List<Message> help = new ArrayList<>();
    boolean boxes = options.style() == DrawingStyle.BOXES;
    if (!boxes) {
      help.add(Message.of(Option.STYLE, " boxes (which can draw the statements or the network view)"));
    }
    if (boxes && r.view() != View.NETWORK && Inputs.neurons(GraphBuilder.statements(
        compiler.parse(r.program().source()), options.output()), options).any()) {
      help.add(Message.of(Option.VIEW, " network"));
    }
    if (boxes && options.edgeLabels() != EdgeLabelMode.NONE) {
      help.add(Message.of(Option.EDGE_LABELS, " none"));
    }
    if (options.caption() == CaptionMode.BELOW) {
      help.add(Message.of(Option.CAPTION, " file"));
    }
    help.add(Message.of("shorter names"));
    List<Object> parts = new ArrayList<>(List.of("the frames are hard to read from the back of a room: " + size
        + "; "));
    for (int i = 0; i < help.size(); i++) {
      parts.add(i == 0 ? "" : ", ");
      parts.addAll(help.get(i).parts());
    }
    parts.add(" would make room.");
    return new Message(parts);
  }

  private static String pixels(Rendering r) {
    return Math.round(r.drawing().width() * r.scale()) + "×" + Math.round(r.drawing().height() * r.scale()) + " px";
  }

  private static String why(Rendering r) {
    return r.fitsSlide() ? "smallest text would be " + px(r.smallestTextPx()) + " on a 1920×1080 slide"
        : "frames would be " + pixels(r) + ", larger than a 1920×1080 slide";
  }

  /** A size in pixels to a tenth, rounded down, so that a measured 17.96 px never reads as the 18.0 it misses. */
  private static String px(double px) {
    return String.format(Locale.ROOT, "%.1f px", Math.floor(px * 10) / 10);
  }
}
