package org.gradframes.pipeline;

import java.util.function.Supplier;
import org.gradframes.expr.NestingTooDeepException;
import org.gradframes.expr.Source;
import org.gradframes.expr.SourceException;
import org.gradframes.graph.GraphTooLargeException;
import org.gradframes.layout.LayoutEngines;
import org.gradframes.layout.LayoutException;
import org.gradframes.render.text.Fonts;
import org.gradframes.render.theme.ThemeException;

/**
 * The errors of the stages, as the library throws them: each under {@link GradframesException}, with the option
 * that raises a limit named where there is one. Anything else is a fault of gradframes and passes unchanged.
 */
final class StageErrors {
  private StageErrors() {}

  /** The result of {@code work}, any error of a stage about {@code source} (or null) thrown in the library's words. */
  static <T> T translated(Source source, RenderOptions options, Supplier<T> work) {
    try {
      return work.get();
    } catch (GradframesException e) {
      throw e;
    } catch (SourceException e) {
      if (source == null) {
        throw e;
      }
      throw new InvalidProgramException(source, e.position(), message(e), e);
    } catch (LayoutException e) {
      throw engine(options, e);
    } catch (ThemeException e) {
      throw new InvalidOptionException(Option.THEME, Message.of(Option.THEME, " " + e.file()
          + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.getMessage()), e);
    } catch (Fonts.FontUnavailableException e) {
      throw new OutputException(Message.of(e.getMessage()), e);
    }
  }

  private static Message message(SourceException e) {
    if (e instanceof GraphTooLargeException) {
      return Message.raisedBy(e.getMessage(), Option.MAX_NODES);
    }
    if (e instanceof NestingTooDeepException) {
      return Message.raisedBy(e.getMessage(), Option.MAX_DEPTH);
    }
    return Message.of(e.getMessage());
  }

  /** An engine the options name that cannot run here is their fault; any other failure the engine's. */
  private static GradframesException engine(RenderOptions options, LayoutException e) {
    String named = options.engine();
    if (named != null && LayoutEngines.named(named) != null && !LayoutEngines.named(named).available()) {
      return new InvalidOptionException(Option.ENGINE, Message.of(Option.ENGINE, " " + named + ": "
          + e.getMessage()), e);
    }
    return new EngineException(Message.of(e.getMessage()), e);
  }
}
