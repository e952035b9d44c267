package dev.oktair.http;

import java.net.URI;

/** Compares origins (scheme, host, effective port) before a credential is sent anywhere. */
final class Origins {
  private Origins() {}

  /** Returns true when {@code uri} has the same scheme, host and (effective) port as {@code origin}. */
  static boolean same(URI origin, URI uri) {
    if (uri.getScheme() == null || uri.getHost() == null) {
      return false;
    }
    return origin.getScheme().equalsIgnoreCase(uri.getScheme())
        && origin.getHost().equalsIgnoreCase(uri.getHost())
        && port(origin) == port(uri);
  }

  /** Returns {@code scheme://host:port} of a URI, for messages. */
  static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + ":" + port(uri);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
