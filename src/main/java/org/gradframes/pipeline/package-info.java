/** The library: compiles a program, renders its frames in any format and writes them to a folder, all at once. */
package org.gradframes.pipeline;
