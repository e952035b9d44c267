package dev.oktair.events.filter;

import java.util.ArrayList;
import java.util.List;

/** Splits a filter expression into tokens; double-quoted strings take JSON escapes. */
final class Lexer {
  private final String expr;
  private int pos;

  private Lexer(String expr) {
    this.expr = expr;
  }

  /**
   * Returns the tokens of {@code expr}, ending with an {@link Token.Type#END} token.
   *
   * @throws FilterParseException for an unterminated string or a bad escape
   */
  static List<Token> tokens(String expr) {
    Lexer lexer = new Lexer(expr);
    List<Token> out = new ArrayList<>();
    Token t;
    do {
      t = lexer.next();
      out.add(t);
    } while (t.type() != Token.Type.END);
    return out;
  }

  private Token next() {
    while (pos < expr.length() && Character.isWhitespace(expr.charAt(pos))) {
      pos++;
    }
    int start = pos;
    if (pos == expr.length()) {
      return new Token(Token.Type.END, "", start, start);
    }
    char c = expr.charAt(pos);
    if (c == '(' || c == ')') {
      pos++;
      return new Token(c == '(' ? Token.Type.OPEN : Token.Type.CLOSE, "", start, pos);
    }
    if (c == '"') {
      return string();
    }
    while (pos < expr.length() && !endsWord(expr.charAt(pos))) {
      pos++;
    }
    return new Token(Token.Type.WORD, expr.substring(start, pos), start, pos);
  }

  private static boolean endsWord(char c) {
    return Character.isWhitespace(c) || c == '(' || c == ')' || c == '"';
  }

  private Token string() {
    int start = pos++;
    StringBuilder value = new StringBuilder();
    while (pos < expr.length()) {
      char c = expr.charAt(pos);
      if (c == '"') {
        pos++;
        return new Token(Token.Type.STRING, value.toString(), start, pos);
      }
      if (c == '\\') {
        if (pos + 1 == expr.length()) {
          break; // a trailing backslash escapes the missing closing quote
        }
        value.append(escape());
      } else {
        value.append(c);
        pos++;
      }
    }
    throw FilterParseException.syntax(
        expr, start, expr.length(), "unterminated string (a closing '\"' is missing)");
  }

  /** Reads the escape at {@code pos} (a backslash) and returns the character it stands for. */
  private char escape() {
    int at = pos;
    char e = expr.charAt(pos + 1);
    pos += 2;
    switch (e) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        return unicode(at);
      default:
        throw badEscape(at, 2);
    }
  }

  private char unicode(int at) {
    if (pos + 4 > expr.length()) {
      throw badEscape(at, expr.length() - at);
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      char h = expr.charAt(pos + i);
      int digit = h < 0x80 ? Character.digit(h, 16) : -1;
      if (digit < 0) {
        throw badEscape(at, 6);
      }
      code = code * 16 + digit;
    }
    pos += 4;
    return (char) code;
  }

  private FilterParseException badEscape(int at, int length) {
    int len = Math.min(length, expr.length() - at);
    return FilterParseException.syntax(
        expr,
        at,
        at + len,
        "invalid escape '"
            + expr.substring(at, at + len)
            + "' in string (use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)");
  }
}
