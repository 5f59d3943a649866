/** Builds the immutable computational graph of a program: one node per variable, operation and constant. */
package org.gradframes.graph;
