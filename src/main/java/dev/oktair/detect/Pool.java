package dev.oktair.detect;

import java.util.HashMap;
import java.util.Map;

/**
 * The strings one pass keeps in the views its scans hold past an event's turn, one instance of
 * each value: the dedupe {@link String#intern} gave them, without its JVM-wide table (a native
 * call for each of the dozen strings of each kept view, most of a kept view's cost). Lives as long
 * as the pass ({@link Infra#pool}); not thread-safe.
 */
final class Pool {
  private final Map<String, String> strings = new HashMap<>();

  /** Returns the pass's instance equal to {@code s} ({@code s} itself when first), or null. */
  String of(String s) {
    if (s == null) {
      return null;
    }
    String first = strings.putIfAbsent(s, s);
    return first == null ? s : first;
  }
}
