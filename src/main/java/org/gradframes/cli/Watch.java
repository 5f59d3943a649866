package org.gradframes.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradframes.pipeline.Gradframes;
import org.gradframes.pipeline.GradframesException;
import org.gradframes.render.theme.Theme;

/**
 * {@code --watch}: renders the inputs once, then again each program whose file changes (every program when the
 * {@code --theme} file changes), until the thread is interrupted or the process is stopped. An input that fails
 * is reported as a normal run reports it and the watch goes on; its last good frames stay as they were, since a
 * program's folder is replaced only when a render of it is complete.
 */
final class Watch {
  private final Options options;
  private final PrintWriter err;
  private final Path theme;
  private Gradframes gradframes;
  private String engine;
  /** The files the inputs named at the last look, with their names. */
  private Map<Path, String> known = new LinkedHashMap<>();

  Watch(Options options, Gradframes gradframes, String engine, PrintWriter err) {
    this.options = options;
    this.gradframes = gradframes;
    this.engine = engine;
    this.err = err;
    this.theme = themeFile(options.render().theme());
  }

  /** The theme file {@code --theme} names, absolute, or null for a bundled theme. */
  private static Path themeFile(String theme) {
    if (theme.equals(Theme.DEFAULT) || theme.equals(Theme.AUTO) || !Files.isRegularFile(Path.of(theme))) {
      return null;
    }
    return WatchedFolders.absolute(Path.of(theme));
  }

  /**
   * Renders {@code entries} with {@code progress}, then watches; returns when the thread is interrupted.
   *
   * @return {@link Main#OK} once stopped, or {@link Main#BAD_INPUT} when a folder cannot be watched at all
   */
  int run(List<InputFinder.Entry> entries, Progress progress) {
    try (WatchedFolders folders = new WatchedFolders(options.out())) {
      for (String argument : options.inputs()) {
        InputFinder.Scope scope = InputFinder.scope(argument);
        folders.watch(scope.folder(), scope.below());
      }
      if (theme != null) {
        folders.watch(theme.getParent(), false);
      }
      remember(entries);
      new Batch(options, gradframes, engine, progress, err).run(entries);
      if (!options.quiet()) {
        err.println("gradframes: watching " + known.size() + (known.size() == 1 ? " program" : " programs")
            + (theme != null ? " and the theme file" : "") + " for changes; Ctrl-C stops.");
        err.flush();
      }
      loop(folders);
      return Main.OK;
    } catch (IOException e) {
      err.println("gradframes: error: cannot watch the inputs for changes: " + Failures.reason(e));
      return Main.BAD_INPUT;
    } catch (InterruptedException e) {
      return Main.OK;
    } finally {
      err.flush();
    }
  }

  private void loop(WatchedFolders folders) throws InterruptedException, IOException {
    while (!Thread.currentThread().isInterrupted()) {
      WatchedFolders.Changes changes = folders.next();
      boolean everything = changes.overflow();
      if (theme != null && changes.paths().contains(theme)) {
        if (!reloadTheme()) {
          continue;
        }
        everything = true;
      }
      List<InputFinder.Entry> entries = find();
      List<InputFinder.Entry> changed = new ArrayList<>();
      for (InputFinder.Entry entry : entries) {
        if (everything || entry.file() != null && changes.paths().contains(WatchedFolders.absolute(entry.file()))) {
          changed.add(entry);
        }
      }
      reportRemoved(changes, remember(entries));
      if (!changed.isEmpty()) {
        Progress progress = options.quiet() ? Progress.quiet() : Progress.watching(err);
        new Batch(options, gradframes, engine, progress, err).run(changed);
      }
    }
  }

  /** The inputs' programs as they are now. */
  private List<InputFinder.Entry> find() {
    try {
      return InputFinder.find(options.inputs(), InputStream.nullInputStream(), options.maxBytes());
    } catch (UsageException e) {
      // The patterns were checked before the first render; they do not change.
      throw new IllegalStateException(e);
    }
  }

  /** Remembers the files of {@code entries}, read or not; returns those known before. */
  private Map<Path, String> remember(List<InputFinder.Entry> entries) {
    Map<Path, String> before = known;
    known = new LinkedHashMap<>();
    for (InputFinder.Entry entry : entries) {
      if (entry.file() != null) {
        known.put(WatchedFolders.absolute(entry.file()), entry.name());
      }
    }
    return before;
  }

  /** Says which programs of a folder or glob were removed; their frames are left alone. */
  private void reportRemoved(WatchedFolders.Changes changes, Map<Path, String> before) {
    for (Map.Entry<Path, String> program : before.entrySet()) {
      if (!known.containsKey(program.getKey()) && changes.paths().contains(program.getKey())
          && !Files.exists(program.getKey())) {
        err.println(program.getValue() + ": removed; its frames stay where they are.");
      }
    }
    err.flush();
  }

  /** Loads the changed theme file; false, having said why, when it is wrong (the old theme stays until fixed). */
  private boolean reloadTheme() {
    try {
      gradframes = new Gradframes(options.render());
      engine = gradframes.engine();
      return true;
    } catch (GradframesException e) {
      err.println("gradframes: error: " + e.message(Flags::of));
      err.flush();
      return false;
    }
  }
}
