package dev.oktair.sim;

import java.util.regex.Pattern;

/**
 * Syntax checks of the address texts network zones hold ({@code 1.2.3.0/24},
 * {@code 1.2.3.4-1.2.3.9}); IPv4 strictly, IPv6 by shape. No name lookups.
 */
final class IpText {
  private static final Pattern V4 =
      Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private IpText() {}

  static boolean isCidr(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String ip = s.substring(0, slash);
    String bits = s.substring(slash + 1);
    if (!bits.matches("\\d{1,3}")) {
      return false;
    }
    int n = Integer.parseInt(bits);
    return V4.matcher(ip).matches() ? n <= 32 : V6.matcher(ip).matches() && n <= 128;
  }

  /** A range {@code a-b} of two addresses of one family; a single address is written {@code a-a}. */
  static boolean isRange(String s) {
    int dash = s.indexOf('-');
    if (dash < 0) {
      return false;
    }
    String a = s.substring(0, dash);
    String b = s.substring(dash + 1);
    return (V4.matcher(a).matches() && V4.matcher(b).matches()) || (V6.matcher(a).matches() && V6.matcher(b).matches());
  }
}
