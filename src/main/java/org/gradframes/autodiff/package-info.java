/** Evaluates a graph forward and runs the backward pass as a list of steps, with a snapshot per frame. */
package org.gradframes.autodiff;
