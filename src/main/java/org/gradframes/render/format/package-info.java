/** The output formats, one class each behind one interface and one registry, written from a deck of scenes. */
package org.gradframes.render.format;
