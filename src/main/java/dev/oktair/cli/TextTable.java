package dev.oktair.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints rows as an aligned table for people. Column widths come from the first rows (up to
 * {@link #SAMPLE}); later rows stream out at those widths. Every cell is neutralised for the
 * terminal and cut to its column's width ({@code -} for null), so attacker-chosen text can
 * neither break the layout nor drive the terminal. Not thread-safe.
 */
final class TextTable {
  /** How many rows set the column widths before rows stream out. */
  static final int SAMPLE = 1000;

  private final PrintWriter out;
  private final List<String> headers;
  private final int maxWidth;
  private final List<List<String>> pending = new ArrayList<>();
  private int[] widths;

  TextTable(PrintWriter out, List<String> headers, int maxWidth) {
    this.out = out;
    this.headers = headers.stream().map(h -> TerminalText.cell(h, maxWidth)).toList();
    this.maxWidth = maxWidth;
  }

  /** Adds a row (one cell per header; null prints as {@code -}). */
  void row(List<String> cells) {
    List<String> safe = new ArrayList<>(cells.size());
    for (String cell : cells) {
      safe.add(TerminalText.cell(cell, maxWidth));
    }
    if (widths != null) {
      print(safe);
      return;
    }
    pending.add(safe);
    if (pending.size() >= SAMPLE) {
      flush();
    }
  }

  /** Prints whatever is buffered (and the header, once). */
  void flush() {
    if (widths == null) {
      widths = new int[headers.size()];
      for (int i = 0; i < headers.size(); i++) {
        widths[i] = length(headers.get(i));
      }
      for (List<String> row : pending) {
        for (int i = 0; i < row.size() && i < widths.length; i++) {
          widths[i] = Math.max(widths[i], length(row.get(i)));
        }
      }
      print(headers);
    }
    pending.forEach(this::print);
    pending.clear();
    out.flush();
  }

  private void print(List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      line.append(cell);
      if (i < cells.size() - 1) {
        line.append(" ".repeat(Math.max(0, widths[i] - length(cell)) + 2));
      }
    }
    out.println(line);
  }

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }
}
