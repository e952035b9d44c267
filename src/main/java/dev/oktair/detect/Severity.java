package dev.oktair.detect;

import java.util.Locale;

/** How urgent a finding is, lowest first; {@link #atLeast} orders them. */
public enum Severity {
  INFO, LOW, MEDIUM, HIGH, CRITICAL;

  /** Returns true when this severity is {@code other} or above. */
  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  /** Returns the lower-case name used in findings.json and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label case-insensitively. */
  public static Severity parse(String label) {
    try {
      return valueOf(label.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown severity '" + label + "': use info, low, medium, high or critical", e);
    }
  }
}
