package dev.oktair.http;

import java.util.Collection;
import java.util.Objects;

/**
 * A credential (API token, private key, access token) that prints as {@code <masked>} everywhere:
 * toString, records that hold it, logs. Its value is read only to put it on the wire, and
 * {@link #mask} removes known secrets from text that came back from a server before it reaches an
 * exception or a file. Immutable and thread-safe.
 */
public final class Secret {
  /** What a secret prints as. */
  public static final String MASK = "<masked>";

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** Returns a secret holding {@code value}; null stays null. */
  public static Secret of(String value) {
    return value == null ? null : new Secret(value);
  }

  /** Returns the value, for the request header that needs it; never log, print or store it. */
  public String reveal() {
    return value;
  }

  /** Returns true when {@code text} contains this secret (to check output for leaks). */
  public boolean appearsIn(String text) {
    return text != null && text.contains(value);
  }

  /** Returns {@code text} with every occurrence of each of {@code secrets} replaced by {@link #MASK}. */
  public static String mask(String text, Collection<Secret> secrets) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (Secret s : secrets) {
      // very short values would mask innocent text and reveal the secret's length pattern
      if (s != null && s.value.length() >= 8) {
        out = out.replace(s.value, MASK);
      }
    }
    return out;
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
