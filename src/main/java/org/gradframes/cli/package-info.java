/** The command line: options, one render per input, error reporting and exit codes. */
package org.gradframes.cli;
