package org.gradframes.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradframes.expr.Source;

/**
 * The files of one rendered program, by file name in writing order, with what the render noticed and how long
 * its stages took.
 */
record RenderedProgram(Source source, Map<String, byte[]> files, int frames, List<Warning> warnings,
    String timings) {
  RenderedProgram {
    files = new LinkedHashMap<>(files);
    warnings = List.copyOf(warnings);
  }
}
