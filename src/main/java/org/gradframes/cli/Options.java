package org.gradframes.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.gradframes.layout.Direction;
import org.gradframes.layout.Engine;
import org.gradframes.render.Canvas;
import org.gradframes.render.CaptionMode;
import org.gradframes.render.EdgeLabelMode;

/**
 * Everything one run was asked to do, filled from the command line before any work starts.
 *
 * @param inputs files to render, {@code -} for standard input
 * @param expression a program given with {@code -e}, or null
 * @param precision significant digits, or null for the theme's
 * @param scale PNG pixels per point, or null to fit a 1920x1080 slide
 * @param learningRate the learning rate of {@code --update}, or null for no update
 * @param parameters the inputs {@code --update} changes, or null for every input not named in {@code data}
 */
record Options(List<String> inputs, String expression, Path out, Set<OutputFormat> formats, String theme,
    Integer precision, Engine engine, Double scale, Direction direction, int maxDepth, EdgeLabelMode edgeLabels,
    CaptionMode caption, boolean forwardSteps, boolean byLevel, boolean expand, Double learningRate,
    List<String> parameters, List<String> data, int epochs, Canvas canvas, int delay, int jobs, boolean force,
    boolean quiet, boolean timings, int maxNodes, boolean strict) {
  Options {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(out, "out");
    formats = Set.copyOf(formats);
    Objects.requireNonNull(theme, "theme");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(edgeLabels, "edgeLabels");
    Objects.requireNonNull(caption, "caption");
    parameters = parameters == null ? null : List.copyOf(parameters);
    data = List.copyOf(data);
    Objects.requireNonNull(canvas, "canvas");
  }
}
