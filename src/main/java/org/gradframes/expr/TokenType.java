package org.gradframes.expr;

/** The kinds of token in a .grad program. */
public enum TokenType {
  IDENTIFIER("a name"),
  NUMBER("a number"),
  PLUS("'+'"),
  MINUS("'-'"),
  STAR("'*'"),
  SLASH("'/'"),
  CARET("'^'"),
  AT("'@'"),
  LEFT_BRACKET("'['"),
  RIGHT_BRACKET("']'"),
  LEFT_PAREN("'('"),
  RIGHT_PAREN("')'"),
  EQUALS("'='"),
  COMMA("','"),
  SEMICOLON("';'"),
  NEWLINE("end of line"),
  EOF("end of input");

  private final String description;

  TokenType(String description) {
    this.description = description;
  }

  /** How the token kind is named in error messages. */
  public String description() {
    return description;
  }
}
