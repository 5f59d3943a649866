/** Text as the frames write it: names with subscripts, numbers, formulas, and the font they are measured in. */
package org.gradframes.render.text;
