package org.gradframes.layout;

/** A point in layout coordinates: points (1/72 inch), y growing downwards. */
public record Point(double x, double y) {}
