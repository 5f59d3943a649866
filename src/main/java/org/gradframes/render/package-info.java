/** Paints frames from a layout and a snapshot, and writes them as SVG, PNG and the JSON trace. */
package org.gradframes.render;
