package dev.oktair.okta;

import java.util.Objects;

/**
 * A credential (API token, private key) that prints as {@code <masked>} everywhere: toString,
 * records that hold it, logs. Only this package can read its value, to put it on the wire.
 * Immutable and thread-safe.
 */
public final class Secret {
  static final String MASK = "<masked>";

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** Returns a secret holding {@code value}; null stays null. */
  public static Secret of(String value) {
    return value == null ? null : new Secret(value);
  }

  /** Returns the value, for the request that needs it; never log it. */
  String reveal() {
    return value;
  }

  /** Returns true when {@code text} contains this secret (to check output for leaks). */
  public boolean appearsIn(String text) {
    return text != null && text.contains(value);
  }

  @Override
  public String toString() {
    return MASK;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
