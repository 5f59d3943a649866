/** Places the nodes and edges of a graph once, with one of the layout engines behind {@link org.gradframes.layout.LayoutEngine}. */
package org.gradframes.layout;
