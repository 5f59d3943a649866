package org.gradframes.expr;

import java.util.Objects;

/** One token: its kind, its exact text and where it starts. */
public record Token(TokenType type, String text, Position position) {
  public Token {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(position, "position");
  }
}
