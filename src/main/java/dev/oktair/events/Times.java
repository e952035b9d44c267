package dev.oktair.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the time forms okta-ir accepts: event timestamps and the analyst's window bounds. */
public final class Times {
  private static final DateTimeFormatter SIEM_FORM =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .toFormatter(Locale.ROOT);
  private static final DateTimeFormatter FIXED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Pattern RELATIVE = Pattern.compile("(\\d+)([smhdw])");

  private Times() {}

  /**
   * Returns the instant of an event's {@code published} text: ISO-8601 with an offset or Z, or
   * the {@code YYYY-MM-DD HH:MM:SS.fff} form some SIEM exports use (taken as UTC); null when the
   * text is null or not a time.
   */
  public static Instant parsePublished(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    Instant usual = usualForm(text);
    if (usual != null) {
      return usual;
    }
    try {
      if (text.length() > 10 && text.charAt(10) == 'T') {
        return OffsetDateTime.parse(text).toInstant();
      }
      return LocalDateTime.parse(text, SIEM_FORM).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }

  /**
   * Returns the instant of the forms Okta and SIEM exports write, {@code 2024-06-14T09:00:00.000Z}
   * and {@code 2024-06-14 09:00:00.000}, read digit by digit (import reads one per event); null for
   * any other text, which the general parse takes. Valid text gives what the general parse gives;
   * an impossible date gives null here and is left to it.
   */
  private static Instant usualForm(String t) {
    boolean iso = t.length() == 24 && t.charAt(10) == 'T' && t.charAt(23) == 'Z';
    boolean siem = t.length() == 23 && t.charAt(10) == ' ';
    if (!(iso || siem) || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(13) != ':' || t.charAt(16) != ':'
        || t.charAt(19) != '.') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    int milli = digits(t, 20, 3);
    if ((year | month | day | hour | minute | second | milli) < 0 || month < 1 || month > 12 || day < 1
        || day > java.time.YearMonth.of(year, month).lengthOfMonth() || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    long days = java.time.LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86_400 + hour * 3600L + minute * 60L + second, milli * 1_000_000L);
  }

  /** Returns the {@code n} ASCII digits at {@code from} as a number, or -1. */
  private static int digits(String t, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /**
   * Returns the instant an analyst meant by {@code text}: ISO-8601 (date-time with offset, a
   * local date-time taken as UTC, or a bare date at 00:00Z), or a relative age such as {@code 36h}
   * or {@code 7d} counted back from {@code clock}'s now.
   *
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  public static Instant parseBound(String text, Clock clock) {
    String t = text == null ? "" : text.trim();
    Matcher m = RELATIVE.matcher(t.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      Duration unit =
          switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            case "d" -> Duration.ofDays(1);
            default -> Duration.ofDays(7);
          };
      return clock.instant().minus(unit.multipliedBy(n));
    }
    if ("now".equalsIgnoreCase(t)) {
      return clock.instant();
    }
    Instant parsed = parsePublished(t);
    if (parsed == null && t.length() == 10) {
      try {
        parsed = java.time.LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException ignored) {
        // falls through to the error below
      }
    }
    if (parsed == null) {
      throw new IllegalArgumentException(
          "invalid time '" + text + "': use ISO-8601 (2024-06-14T09:00:00Z, 2024-06-14) or an"
              + " age such as 90m, 36h, 7d, 2w");
    }
    return parsed;
  }

  /**
   * Returns {@code at} in the one form okta-ir prints every time in: UTC, milliseconds, a Z
   * ({@code 2024-06-14T09:00:00.000Z}), so that columns line up and {@code sort} orders them; null
   * stays null.
   */
  public static String format(Instant at) {
    return at == null ? null : FIXED.format(at);
  }

  /** Returns an event's {@code published} text in the fixed form of {@link #format}, or the text as is when it is not a time. */
  public static String formatPublished(String text) {
    Instant at = parsePublished(text);
    return at == null ? text : format(at);
  }
}
