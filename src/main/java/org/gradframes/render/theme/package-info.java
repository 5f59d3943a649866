/** Themes: the colours, sizes, fonts and label templates of the frames, read and checked from theme files. */
package org.gradframes.render.theme;
