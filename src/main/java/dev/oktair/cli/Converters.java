package dev.oktair.cli;

import dev.oktair.events.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * The type converters every command shares, registered once where the command line is built:
 * a {@link TimeArg} option takes ISO-8601 or an age before now ({@code 90m}, {@code 36h},
 * {@code 7d}, {@code 2w}) on the context's clock; a {@link Duration} takes {@code 500ms},
 * {@code 15s}, {@code 2m} or {@code 1h}. A bad value is a usage error naming the option.
 */
final class Converters {
  /**
   * A time option: the instant it means, and the text as given (an age means another instant on
   * the next run, so what identifies a resumable request is the text).
   *
   * @param text the value as given
   * @param at the instant it means now
   */
  record TimeArg(String text, Instant at) {
    /** Returns the instant of {@code arg}, or null when the option was not given. */
    static Instant at(TimeArg arg) {
      return arg == null ? null : arg.at();
    }
  }

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Converters() {}

  /** Registers the converters on {@code cl} and its subcommands, ages measured on {@code clock}. */
  static void register(CommandLine cl, Clock clock) {
    cl.registerConverter(TimeArg.class, text -> new TimeArg(text, instant(text, clock)));
    cl.registerConverter(Duration.class, Converters::duration);
  }

  private static Instant instant(String text, Clock clock) {
    try {
      return Times.parseBound(text, clock);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new TypeConversionException("'" + text + "' is not a duration such as 500ms, 15s, 2m");
    }
    long n = Long.parseLong(m.group(1));
    switch (m.group(2)) {
      case "ms":
        return Duration.ofMillis(n);
      case "s":
        return Duration.ofSeconds(n);
      case "m":
        return Duration.ofMinutes(n);
      default:
        return Duration.ofHours(n);
    }
  }
}
