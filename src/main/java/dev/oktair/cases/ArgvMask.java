package dev.oktair.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Masks secrets in a command line before it is recorded: the value of any option whose name
 * says key, token, secret or password, and any argument that looks like an Okta API token, an
 * SSWS header or a PEM block, wherever it appears.
 */
final class ArgvMask {
  static final String MASK = "<masked>";
  private static final Pattern SECRET_NAME = Pattern.compile("(?i)^--?[\\w.-]*(key|token|secret|password)[\\w.-]*$");
  /** Okta API tokens: 42 characters starting 00; SSWS headers; PEM blocks. */
  private static final Pattern SECRET_VALUE =
      Pattern.compile("(?s)(\\b00[A-Za-z0-9_-]{40}\\b|(?i:ssws)\\s+\\S+|-----BEGIN [A-Z ]+-----.*)");

  private ArgvMask() {}

  /** Returns {@code argv} with every secret value replaced by {@code <masked>}. */
  static List<String> mask(List<String> argv) {
    List<String> out = new ArrayList<>(argv.size());
    boolean nextIsSecret = false;
    for (String arg : argv) {
      if (nextIsSecret) {
        out.add(MASK);
        nextIsSecret = false;
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq > 0 ? arg.substring(0, eq) : arg;
      if (arg.startsWith("-") && SECRET_NAME.matcher(name).matches()) {
        if (eq > 0) {
          out.add(name + "=" + MASK);
        } else {
          out.add(arg);
          nextIsSecret = true;
        }
        continue;
      }
      out.add(SECRET_VALUE.matcher(arg).find() ? SECRET_VALUE.matcher(arg).replaceAll(MASK) : arg);
    }
    return out;
  }
}
