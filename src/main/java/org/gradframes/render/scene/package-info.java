/** Draws each frame as a format-neutral scene of shapes: boxes, labels, edges and the caption on one canvas. */
package org.gradframes.render.scene;
