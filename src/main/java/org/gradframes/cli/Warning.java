package org.gradframes.cli;

import org.gradframes.expr.Position;

/** Something a render noticed but rendered anyway, at a place in the program. */
record Warning(Position position, String message) {}
