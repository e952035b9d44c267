package dev.oktair.collect;

import dev.oktair.events.Json;
import dev.oktair.events.filter.EventFilter;
import dev.oktair.okta.OktaApiException;
import dev.oktair.okta.OktaClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whose events to collect: users (as actor or as target), client IPs, sessions
 * ({@code externalSessionId}), ASNs, and/or a raw Okta filter expression, combined with
 * {@code or}; or the whole tenant.
 *
 * @param logins user logins or ids
 * @param ips client IP addresses
 * @param sessions external session ids
 * @param asns autonomous system numbers
 * @param filter an Okta filter expression, used as given; or null
 * @param tenantWide true to collect every event (then nothing else may be given)
 */
public record Subject(
    List<String> logins, List<String> ips, List<String> sessions, List<Long> asns, String filter, boolean tenantWide) {
  public Subject {
    logins = List.copyOf(logins);
    ips = List.copyOf(ips);
    sessions = List.copyOf(sessions);
    asns = List.copyOf(asns);
    filter = filter == null || filter.isBlank() ? null : filter.trim();
    boolean any = !logins.isEmpty() || !ips.isEmpty() || !sessions.isEmpty() || !asns.isEmpty() || filter != null;
    if (tenantWide == any) {
      throw new CollectException(tenantWide
          ? "a tenant-wide collection takes no user, IP, session, ASN or filter"
          : "say whose events to collect: a user, an IP, a session, an ASN, a filter, or the whole tenant");
    }
  }

  /** Returns the subject of one user. */
  public static Subject user(String login) {
    return new Subject(List.of(login), List.of(), List.of(), List.of(), null, false);
  }

  /** Returns the whole tenant. */
  public static Subject all() {
    return new Subject(List.of(), List.of(), List.of(), List.of(), null, true);
  }

  /** Returns a short name for the evidence file, e.g. {@code user-alex@acme.com}. */
  public String label() {
    if (tenantWide) {
      return "all";
    }
    if (!logins.isEmpty()) {
      return "user-" + logins.get(0);
    }
    if (!ips.isEmpty()) {
      return "ip-" + ips.get(0);
    }
    if (!sessions.isEmpty()) {
      return "session";
    }
    if (!asns.isEmpty()) {
      return "asn-" + asns.get(0);
    }
    return "filter";
  }

  /**
   * Returns the Okta filter for this subject (null for the whole tenant), resolving each login to
   * its user id with {@code GET /api/v1/users/{login}}.
   *
   * @throws CollectException when a user does not exist
   */
  public String oktaFilter(OktaClient client) {
    List<String> parts = new ArrayList<>();
    for (String login : logins) {
      String id = EventFilter.literal(userId(client, login));
      parts.add("actor.id eq " + id + " or target.id eq " + id);
    }
    ips.forEach(ip -> parts.add("client.ipAddress eq " + EventFilter.literal(ip)));
    sessions.forEach(s -> parts.add("authenticationContext.externalSessionId eq " + EventFilter.literal(s)));
    asns.forEach(n -> parts.add("securityContext.asNumber eq " + n));
    if (filter != null) {
      parts.add(filter);
    }
    if (parts.isEmpty()) {
      return null;
    }
    return parts.size() == 1 ? parts.get(0) : "(" + String.join(") or (", parts) + ")";
  }

  private static String userId(OktaClient client, String login) {
    try {
      String id = Json.text(client.get("/api/v1/users/" + OktaClient.encode(login)).json().get("id"));
      return Objects.requireNonNull(id, "the user object has no id");
    } catch (OktaApiException e) {
      if (e.isNotFound()) {
        throw new CollectException("no user '" + login + "' in " + client.orgUrl() + " (check the login)", e);
      }
      throw e;
    }
  }
}
