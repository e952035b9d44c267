package dev.oktair.report;

import dev.oktair.detect.Citation;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** How the human renderers (HTML templates, Markdown) word times, durations and lists; stateless. */
public final class ReportText {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ReportText() {}

  /** Returns {@code 2024-06-14 09:03:11Z}, or a dash for null. */
  public static String time(Instant t) {
    return t == null ? "-" : TIME.format(t);
  }

  /** Returns a duration in seconds as {@code 1d 02h 05m}, {@code 2h 05m} or {@code 45s}, or a dash for null. */
  public static String duration(Long seconds) {
    if (seconds == null) {
      return "-";
    }
    long s = Math.abs(seconds);
    String sign = seconds < 0 ? "-" : "";
    if (s < 60) {
      return sign + s + "s";
    }
    long days = s / 86_400;
    long hours = s % 86_400 / 3600;
    long minutes = s % 3600 / 60;
    return sign + (days > 0 ? days + "d " + String.format(Locale.ROOT, "%02dh %02dm", hours, minutes)
        : String.format(Locale.ROOT, "%dh %02dm", hours, minutes));
  }

  /** Returns a count with thousands separated, {@code 317,662}: the size of a cut table read at a glance. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** The most values a cell lists; report.json lists them all. */
  static final int CELL_VALUES = 50;

  /**
   * Returns the values joined with a comma, or a dash when there are none; past {@link
   * #CELL_VALUES}, the first of them and how many more (one replayed session of issue 14's case
   * came from 163k IPs, a 2.5 MB cell).
   */
  public static String join(List<String> values) {
    if (values == null || values.isEmpty()) {
      return "-";
    }
    if (values.size() <= CELL_VALUES) {
      return String.join(", ", values);
    }
    return String.join(", ", values.subList(0, CELL_VALUES)) + " and " + count(values.size() - CELL_VALUES) + " more";
  }

  /** Returns a dash for null or blank, else the value. */
  public static String or(String value) {
    return value == null || value.isBlank() ? "-" : value;
  }

  /** Returns a citation as one line: {@code event <uuid> (<type>, <time>)} or {@code <objectType> <id>}. */
  public static String citation(Citation c) {
    if (c instanceof Citation.Event e) {
      return "event " + e.uuid() + " (" + e.eventType() + ", " + time(e.published()) + ")";
    }
    Citation.ApiObject o = (Citation.ApiObject) c;
    return o.objectType() + " " + o.objectId();
  }

  /**
   * Returns the text with Unicode bidirectional controls and other invisible format characters
   * shown as {@code [U+202E]}: an attacker's right-to-left override would otherwise reorder what
   * the reader sees (a user agent or app label reading as something else).
   */
  public static String visible(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (hidden(ch)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(shown(ch));
      } else if (out != null) {
        out.append(ch);
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * Returns a writer that passes text to {@code out} as {@link #visible(String)} would make it, so
   * a report is written as it is rendered rather than held as one string (issue 14: a report of
   * 317k findings is hundreds of MB). Closing it closes {@code out}.
   */
  static Writer visible(Writer out) {
    return new FilterWriter(out) {
      @Override
      public void write(int c) throws IOException {
        write(new char[] {(char) c}, 0, 1);
      }

      @Override
      public void write(char[] buf, int off, int len) throws IOException {
        int run = off;
        for (int i = off; i < off + len; i++) {
          if (hidden(buf[i])) {
            out.write(buf, run, i - run);
            out.write(shown(buf[i]));
            run = i + 1;
          }
        }
        out.write(buf, run, off + len - run);
      }

      @Override
      public void write(String str, int off, int len) throws IOException {
        char[] chars = new char[len];
        str.getChars(off, off + len, chars, 0);
        write(chars, 0, len);
      }
    };
  }

  /** Returns true for the characters {@link #visible(String)} shows by their code point. */
  private static boolean hidden(char ch) {
    return Character.getType(ch) == Character.FORMAT || (Character.isISOControl(ch) && ch != '\n' && ch != '\t'
        && ch != '\r');
  }

  private static String shown(char ch) {
    return String.format(Locale.ROOT, "[U+%04X]", (int) ch);
  }
}
