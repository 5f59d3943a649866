/** Layout with Graphviz: the {@code dot} program of an installed Graphviz, run as a process of its own. */
package org.gradframes.layout.graphviz;
