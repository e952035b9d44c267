package dev.oktair.report;

import dev.oktair.detect.Citation;
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

  /** Returns the values joined with a comma, or a dash when there are none. */
  public static String join(List<String> values) {
    return values == null || values.isEmpty() ? "-" : String.join(", ", values);
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
      boolean hidden = Character.getType(ch) == Character.FORMAT || (Character.isISOControl(ch) && ch != '\n'
          && ch != '\t' && ch != '\r');
      if (hidden) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(String.format(Locale.ROOT, "[U+%04X]", (int) ch));
      } else if (out != null) {
        out.append(ch);
      }
    }
    return out == null ? text : out.toString();
  }
}
