package dev.oktair.events.filter;

import java.util.Objects;

/**
 * One lexical token of a filter expression.
 *
 * @param type what it is
 * @param text a word as written, or a string's unescaped value; empty for the others
 * @param start offset of its first character in the expression (0-based, as Okta reports)
 * @param end offset just past its last character
 */
record Token(Type type, String text, int start, int end) {
  /** Token kinds. */
  enum Type {
    /**
     * A run of characters other than whitespace, parentheses and quotes: paths, operators,
     * keywords, numbers.
     */
    WORD,
    STRING,
    OPEN,
    CLOSE,
    END
  }

  Token {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad token span " + start + ".." + end);
    }
  }

  /** Returns true for a word equal to {@code keyword}, ignoring case. */
  boolean isWord(String keyword) {
    return type == Type.WORD && text.equalsIgnoreCase(keyword);
  }

  /** Returns how an error message names this token. */
  String describe() {
    return switch (type) {
      case WORD -> "'" + text + "'";
      case STRING -> "a string";
      case OPEN -> "'('";
      case CLOSE -> "')'";
      case END -> "the end of the expression";
    };
  }
}
