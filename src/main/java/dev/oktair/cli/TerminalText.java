package dev.oktair.cli;

import java.util.Locale;

/**
 * Makes attacker-controlled text (user agents, names, messages, parser errors quoting input) safe
 * to print on a terminal: control characters, ANSI escape sequences, bidirectional overrides and
 * other invisible format characters are shown as escapes, so they can neither move the cursor,
 * recolour the screen nor reorder what the analyst reads; long text is cut to a width.
 */
final class TerminalText {
  private TerminalText() {}

  /** Returns {@code text} neutralised and cut to {@code max} characters ({@code -} for null). */
  static String cell(String text, int max) {
    if (text == null) {
      return "-";
    }
    String safe = neutralise(text);
    if (safe.codePointCount(0, safe.length()) <= max) {
      return safe;
    }
    return safe.substring(0, safe.offsetByCodePoints(0, max - 1)) + "\u2026";
  }

  /**
   * Returns a message neutralised line by line: its own line breaks stay (a filter error's caret
   * line), every other control or format character is escaped.
   */
  static String lines(String text) {
    String[] parts = text.split("\n", -1);
    for (int i = 0; i < parts.length; i++) {
      parts[i] = neutralise(parts[i]);
    }
    return String.join(System.lineSeparator(), parts);
  }

  /** Returns {@code text} with every control and format character written as an escape. */
  static String neutralise(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (unsafe(cp)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(escape(cp));
      } else if (out != null) {
        out.append(text, i, next);
      }
      i = next;
    }
    return out == null ? text : out.toString();
  }

  private static boolean unsafe(int cp) {
    if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
  }

  private static String escape(int cp) {
    switch (cp) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        return String.format(Locale.ROOT, "\\u%04x", cp);
    }
  }
}
