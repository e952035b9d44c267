package dev.oktair.okta;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/** Validates org URLs as Okta's SDK does (the HTTP layer then pins every request to that origin). */
final class OrgUrls {
  private static final List<String> ADMIN_SUFFIXES =
      List.of("-admin.okta.com", "-admin.oktapreview.com", "-admin.okta-emea.com");

  private OrgUrls() {}

  /**
   * Returns the org's origin ({@code scheme://host[:port]}) for {@code text}.
   *
   * @param from where the value came from, for the message ("OKTA_CLIENT_ORGURL")
   * @throws OktaConfigException saying what is wrong and what a right value looks like
   */
  static URI validate(String text, String from) {
    String t = text == null ? "" : text.trim();
    if (t.isEmpty()) {
      throw new OktaConfigException(from + " is empty: give your org URL, e.g. https://acme.okta.com");
    }
    if (t.contains("{yourOktaDomain}") || t.contains("{") || t.contains("}")) {
      throw new OktaConfigException(
          from + " still holds a placeholder ('" + t + "'): replace it with your org URL, e.g. https://acme.okta.com");
    }
    URI uri;
    try {
      uri = new URI(t);
    } catch (URISyntaxException e) {
      throw new OktaConfigException(from + " is not a URL ('" + t + "'): e.g. https://acme.okta.com", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new OktaConfigException(from + " must be an https URL such as https://acme.okta.com, not '" + t + "'");
    }
    String lowerHost = host.toLowerCase(Locale.ROOT);
    for (String suffix : ADMIN_SUFFIXES) {
      if (lowerHost.endsWith(suffix)) {
        throw new OktaConfigException(
            from + " is the admin console's URL ('" + t + "'): use the org URL without '-admin', e.g. https://"
                + lowerHost.replace("-admin.", ".") );
      }
    }
    if (lowerHost.contains(".com.com")) {
      throw new OktaConfigException(from + " has a typo ('.com.com' in '" + t + "')");
    }
    if (scheme.equals("http") && !isLoopback(host)) {
      throw new OktaConfigException(
          from + " must use https ('" + t + "'); plain http is accepted only for loopback addresses (the simulator)");
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
        || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
      throw new OktaConfigException(
          from + " must be the bare org URL, without path, query or user ('" + t + "'), e.g. https://acme.okta.com");
    }
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return URI.create(scheme + "://" + host + port);
  }

  /** Returns true for localhost, 127.0.0.0/8 and ::1: the only hosts plain http is allowed for. */
  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost")) {
      return true;
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (!(h.matches("[0-9.]+") || h.contains(":"))) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
