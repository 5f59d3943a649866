/** Places the nodes and edges of a graph once, with Graphviz through graphviz-java. */
package org.gradframes.layout;
