package org.gradframes.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.gradframes.pipeline.RenderOptions;

/**
 * Everything one run was asked to do, filled from the command line before any work starts: what to render, where,
 * how many at once, what to print, and the options of every render.
 *
 * @param inputs files, folders and globs to render, {@code -} for standard input
 * @param expression a program given with {@code -e}, or null
 * @param out the folder the programs' folders go into, or null to write one frame to standard output ({@code -o -})
 * @param watch whether to render again each time an input changes ({@code --watch}), until stopped
 * @param maxBytes the largest input read, in bytes
 */
record Options(List<String> inputs, String expression, Path out, int jobs, boolean force, boolean quiet,
    boolean timings, boolean watch, long maxBytes, RenderOptions render) {
  Options {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(render, "render");
  }

  /** Whether the one frame asked for goes to standard output ({@code -o -}) rather than into folders. */
  boolean toStandardOutput() {
    return out == null;
  }
}
