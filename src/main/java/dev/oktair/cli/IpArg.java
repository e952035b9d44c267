package dev.oktair.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Validates IP address options before anything is sent: a literal IPv4 or IPv6 address, never a host name. */
final class IpArg {
  private static final Pattern V4 =
      Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]+");

  private IpArg() {}

  /** Returns {@code text} when it is an IP address; otherwise throws a usage error naming the option. */
  static String check(String option, String text) {
    String t = text == null ? "" : text.trim();
    if (V4.matcher(t).matches() || t.contains(":") && V6.matcher(t).matches() && v6(t)) {
      return t;
    }
    throw ExitException.usage(option + " takes an IP address such as 203.0.113.9 or 2001:db8::1, not '" + text
        + "' (Okta matches client.ipAddress exactly: no host names, ranges or CIDR)");
  }

  private static boolean v6(String t) {
    try {
      InetAddress.getByName(t); // a literal with ':' is parsed, never looked up
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
