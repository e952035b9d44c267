package dev.oktair.sim.scenario;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the scenario files' durations: {@code 90s}, {@code 15m}, {@code 2h30m}, {@code -3d}. */
final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");
  private static final Pattern WHOLE = Pattern.compile("-?(\\d+[dhms])+");

  private Durations() {}

  /** Returns the duration {@code text} names, negative when it starts with {@code -}. */
  static Duration parse(String text) {
    String t = text == null ? "" : text.trim();
    if (!WHOLE.matcher(t).matches()) {
      throw new IllegalArgumentException("not a duration (e.g. 90s, 15m, 2h30m, -3d): '" + text + "'");
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(t);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "d" -> Duration.ofDays(n);
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofSeconds(n);
      });
    }
    return t.startsWith("-") ? total.negated() : total;
  }
}
