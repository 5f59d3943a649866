package org.gradframes.autodiff;

/** One step of gradient descent on one parameter: {@code after = before - learningRate * gradient}. */
public record ParameterUpdate(int node, double before, double gradient, double learningRate, double after) {}
