package dev.oktair.sim;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Which faults the simulator injects, and how often: each request draws once, so the rates are
 * exclusive and must add up to at most 1. Faults are decided before any state change, and all but
 * one leave the tenant untouched: {@code applied-reset} is the after-commit fault, where the
 * server makes the change and then drops the connection without answering, the failure a client
 * must survive without acting twice.
 *
 * @param rate429 probability of a 429 (rate limit, with a Reset header)
 * @param rate500 probability of a 500 with an Okta error body
 * @param rate503 probability of a 503 with an Okta error body
 * @param resetRate probability of closing the connection without a response, before acting
 * @param appliedResetRate probability that a mutating request ({@code POST}, {@code PUT},
 *     {@code DELETE} to {@code /api}) is carried out and then the connection is closed without a
 *     response; a read that draws it is answered normally
 * @param latency delay added to every response
 * @param jitter up to this much extra delay, drawn per request
 * @param tokenEndpoint whether faults also apply to {@code /oauth2/v1/token}
 * @param poisonRate share of System Log events served poisoned (a hostile or broken server): a
 *     lone surrogate escape or a repeated {@code eventType} key put in front of the event's
 *     fields. Not a per-request draw but decided by the event's bytes, so the same event is
 *     poisoned the same way on every page that serves it (a resumed collection sees what the
 *     interrupted one saw); outside the sum of the rates
 */
public record FaultSpec(
    double rate429,
    double rate500,
    double rate503,
    double resetRate,
    double appliedResetRate,
    Duration latency,
    Duration jitter,
    boolean tokenEndpoint,
    double poisonRate) {
  private static final String KEYS = "429, 500, 503, reset, applied-reset, latency, jitter, token, poison";

  public FaultSpec {
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(jitter, "jitter");
    checkRate("429", rate429);
    checkRate("500", rate500);
    checkRate("503", rate503);
    checkRate("reset", resetRate);
    checkRate("applied-reset", appliedResetRate);
    checkRate("poison", poisonRate);
    if (rate429 + rate500 + rate503 + resetRate + appliedResetRate > 1.0 + 1e-9) {
      throw new IllegalArgumentException("fault rates add up to more than 1");
    }
    if (latency.isNegative() || jitter.isNegative()) {
      throw new IllegalArgumentException("latency and jitter must not be negative");
    }
  }

  /** Returns the spec without poisoned events. */
  public FaultSpec(
      double rate429, double rate500, double rate503, double resetRate, double appliedResetRate, Duration latency,
      Duration jitter, boolean tokenEndpoint) {
    this(rate429, rate500, rate503, resetRate, appliedResetRate, latency, jitter, tokenEndpoint, 0);
  }

  /** Returns the spec without the after-commit fault (the shape before {@code applied-reset} existed). */
  public FaultSpec(
      double rate429, double rate500, double rate503, double resetRate, Duration latency, Duration jitter,
      boolean tokenEndpoint) {
    this(rate429, rate500, rate503, resetRate, 0, latency, jitter, tokenEndpoint);
  }

  /** Returns the spec that injects nothing. */
  public static FaultSpec none() {
    return new FaultSpec(0, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO, false);
  }

  /**
   * Parses {@code 429=0.1,500=0.05,503=0.01,reset=0.02,applied-reset=0.01,latency=150ms,jitter=50ms,token=true,poison=0.01};
   * every key is optional, an empty or {@code none} spec injects nothing.
   *
   * @throws IllegalArgumentException quoting the spec and the bad entry
   */
  public static FaultSpec parse(String spec) {
    FaultSpec f = none();
    String text = spec == null ? "" : spec.trim();
    if (text.isEmpty() || "none".equalsIgnoreCase(text)) {
      return f;
    }
    double r429 = 0;
    double r500 = 0;
    double r503 = 0;
    double reset = 0;
    double applied = 0;
    Duration latency = Duration.ZERO;
    Duration jitter = Duration.ZERO;
    boolean token = false;
    double poison = 0;
    for (String entry : text.split(",")) {
      String[] kv = entry.split("=", 2);
      if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
        throw bad(text, entry, "expected key=value");
      }
      String key = kv[0].trim().toLowerCase(Locale.ROOT);
      String value = kv[1].trim();
      try {
        switch (key) {
          case "429" -> r429 = Double.parseDouble(value);
          case "500" -> r500 = Double.parseDouble(value);
          case "503" -> r503 = Double.parseDouble(value);
          case "reset" -> reset = Double.parseDouble(value);
          case "applied-reset" -> applied = Double.parseDouble(value);
          case "latency" -> latency = duration(value);
          case "jitter" -> jitter = duration(value);
          case "token" -> token = bool(value);
          case "poison" -> poison = Double.parseDouble(value);
          default -> throw bad(text, entry, "unknown key '" + kv[0].trim() + "' (known: " + KEYS + ")");
        }
      } catch (NumberFormatException e) {
        throw bad(text, entry, "'" + value + "' is not valid (rates are numbers from 0 to 1, durations"
            + " like 150ms or 2s, token is true or false)");
      }
    }
    try {
      return new FaultSpec(r429, r500, r503, reset, applied, latency, jitter, token, poison);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid fault spec '" + text + "': " + e.getMessage(), e);
    }
  }

  /** Returns true when this spec injects anything at all. */
  public boolean active() {
    return rate429 + rate500 + rate503 + resetRate + appliedResetRate + poisonRate > 0 || !latency.isZero()
        || !jitter.isZero();
  }

  private static Duration duration(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    if (v.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
    }
    if (v.endsWith("s")) {
      return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).trim()) * 1000));
    }
    throw new NumberFormatException(value);
  }

  private static boolean bool(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "on", "yes", "1" -> true;
      case "false", "off", "no", "0" -> false;
      default -> throw new NumberFormatException(value);
    };
  }

  private static void checkRate(String name, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("fault rate " + name + "=" + rate + " is not between 0 and 1");
    }
  }

  private static IllegalArgumentException bad(String spec, String entry, String why) {
    return new IllegalArgumentException("invalid fault spec '" + spec + "' at '" + entry + "': " + why);
  }
}
