/** A render server that keeps one JVM warm and answers Kroki's HTTP API for a {@code gradframes} diagram type. */
package org.gradframes.serve;
