package org.gradframes.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.gradframes.expr.Program;
import org.gradframes.expr.Source;
import org.gradframes.layout.Direction;
import org.gradframes.layout.LayoutEngine;
import org.gradframes.layout.LayoutEngines;
import org.gradframes.render.theme.Theme;

/**
 * The library's entry point: compiles programs and renders their frames with one set of options. It hands the
 * work to a {@link Compiler}, a {@link ViewChooser} and a {@link LayoutSearch}; every error it throws for a reason
 * of the program, the options, the engine or the files is a {@link GradframesException}.
 *
 * <pre>{@code
 * Gradframes gradframes = new Gradframes(RenderOptions.builder().formats("svg", "json").build());
 * gradframes.render("lecture.grad", "x = 3\ny = x * x\n").writeTo(Path.of("frames/lecture"));
 * }</pre>
 */
public final class Gradframes {
  private final RenderOptions options;
  private final Theme theme;
  private final Compiler compiler;
  private final LayoutSearch search;
  private final ViewChooser views;

  /**
   * A renderer with {@code options}; the theme is loaded now.
   *
   * @throws InvalidOptionException when the theme is missing or wrong
   */
  public Gradframes(RenderOptions options) {
    this.options = options;
    this.theme = StageErrors.translated(null, options, () -> Theme.load(options.theme()));
    this.compiler = new Compiler(options, theme);
    this.search = new LayoutSearch(options, theme);
    this.views = new ViewChooser(options, theme, compiler, search);
  }

  /** The version of this build of gradframes. */
  public static String version() {
    String version = Gradframes.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /**
   * The fingerprint of this build: a SHA-256 of its classes, resources and POM, written when it was built; {@code dev}
   * for classes that no build fingerprinted.
   */
  public static String build() {
    try (InputStream in = Gradframes.class.getResourceAsStream("/org/gradframes/build.sha256")) {
      return in == null ? "dev" : new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      return "dev";
    }
  }

  public RenderOptions options() {
    return options;
  }

  /** The theme the options name, loaded. */
  public Theme theme() {
    return theme;
  }

  /**
   * The layout engine that renders use, by name and version, such as {@code elk 0.9.1}.
   *
   * @throws InvalidOptionException when the engine the options name cannot run here
   * @throws EngineException when no engine can
   */
  public String engine() {
    LayoutEngine engine = StageErrors.translated(null, options, () -> LayoutEngines.choose(options.engine()));
    return engine.name() + " " + engine.version();
  }

  /**
   * Compiles {@code text}, read under the name {@code source}, and runs its passes, in the view the options name
   * (the finest, a node per operation, for {@link View#AUTO}).
   *
   * @throws InvalidProgramException when the program is wrong, or (with strict options) raises a warning
   * @throws InvalidOptionException when the options do not apply to the program
   */
  public CompiledProgram compile(String source, String text) {
    Source src = new Source(source, text);
    return StageErrors.translated(src, options, () -> compiler.compile(src, compiler.parse(src),
        options.view() == View.AUTO ? View.OPS : options.view()));
  }

  /**
   * Compiles {@code text} and lays out and draws its frames. With {@link View#AUTO} it takes the finest view whose
   * frames fit a 1920×1080 slide with no text under 18 px, and says so in {@link Rendering#notes} when that is
   * not the finest; when no view reads that well, it draws the coarsest and the notes say how small the text is.
   *
   * @throws InvalidProgramException when the program is wrong, or too big to lay out in any view
   * @throws InvalidOptionException when the options do not apply to the program
   * @throws EngineException when the layout engine fails
   */
  public Rendering render(String source, String text) {
    Source src = new Source(source, text);
    return StageErrors.translated(src, options, () -> {
      Program program = compiler.parse(src);
      return views.render(src, program);
    });
  }

  /**
   * Lays out and draws the frames of {@code program}; without a direction in the options, in the direction that
   * gives the largest text on a 1920×1080 slide.
   *
   * @throws EngineException when the layout engine fails
   */
  public Rendering render(CompiledProgram program) {
    return StageErrors.translated(program.source(), options, () -> search.render(search.prepare(program)));
  }

  /** Lays out and draws {@code program} in {@code direction}, wrapped into rows or not, whatever reads best. */
  Rendering render(CompiledProgram program, Direction direction, boolean wrap) {
    return StageErrors.translated(program.source(), options,
        () -> search.render(search.prepare(program), direction, wrap));
  }
}
