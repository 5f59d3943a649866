/** Layout with Graphviz through graphviz-java: the {@code dot} program, or Graphviz compiled to JavaScript in the JVM. */
package org.gradframes.layout.graphviz;
