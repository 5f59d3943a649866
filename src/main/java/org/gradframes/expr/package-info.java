/** Turns the text of a .grad program into a syntax tree: lexer, parser and the tree's types. */
package org.gradframes.expr;
