package dev.oktair.investigate;

import dev.oktair.detect.Infra;
import dev.oktair.events.LogEvent;
import dev.oktair.events.filter.EventFilter;
import dev.oktair.okta.LogPage;
import dev.oktair.okta.LogQuery;
import dev.oktair.okta.OktaClient;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The System Log filter by which the hunt collects the attacker's equipment tenant-wide: each
 * device id ({@code device.id eq}) and exact user agent ({@code client.userAgent.rawUserAgent eq})
 * the attacker used from their addresses. A value the tenant's log shows used for more than
 * {@link Infra#COMMON} users or client IPs (the cap by which the hunt names nobody through it) is
 * left out after a look at its first pages, so a browser build everyone runs does not pull the
 * whole tenant into the case. Values are attacker-controlled: quoted and escaped as filter string
 * literals, and one with a control character is left out. Read-only.
 */
final class HuntFilter {
  /** Values of each kind looked at; the attacker's equipment is a handful, more is noise. */
  static final int MOST = 8;
  /** Pages of the tenant's log read per value before it counts as rare. */
  static final int PAGES = 3;

  private final OktaClient okta;
  private final Instant since;
  private final Instant until;

  HuntFilter(OktaClient okta, Instant since, Instant until) {
    this.okta = okta;
    this.since = since;
    this.until = until;
  }

  /** Returns the filter for the rare ones of {@code devices} and {@code agents}, and the values left out. */
  Investigation.HuntQuery build(Set<String> devices, Set<String> agents) {
    List<String> parts = new ArrayList<>();
    List<String> left = new ArrayList<>();
    add("device.id", devices, parts, left);
    add("client.userAgent.rawUserAgent", agents, parts, left);
    return new Investigation.HuntQuery(parts.isEmpty() ? null : String.join(" or ", parts), left);
  }

  private void add(String field, Set<String> values, List<String> parts, List<String> left) {
    int n = 0;
    for (String v : values) {
      if (n >= MOST || !printable(v)) {
        left.add(v);
        continue;
      }
      String clause = field + " eq " + EventFilter.literal(v);
      if (common(clause)) {
        left.add(v);
      } else {
        parts.add(clause);
        n++;
      }
    }
  }

  /** Returns true when the first {@value #PAGES} pages of {@code clause} name more than the cap of users or addresses. */
  private boolean common(String clause) {
    Set<String> users = new HashSet<>();
    Set<String> ips = new HashSet<>();
    URI url = okta.logsUrl(LogQuery.bounded(since, until, clause));
    for (int page = 0; page < PAGES && url != null; page++) {
      LogPage p = okta.logPage(url);
      for (LogEvent e : p.events()) {
        if ("User".equals(e.actor().type()) && e.actor().id() != null) {
          users.add(e.actor().id());
        }
        for (LogEvent.Target t : e.targets()) {
          if ("User".equals(t.type()) && t.id() != null) {
            users.add(t.id());
          }
        }
        if (e.client().ipAddress() != null) {
          ips.add(e.client().ipAddress());
        }
        if (users.size() > Infra.COMMON || ips.size() > Infra.COMMON) {
          return true;
        }
      }
      url = p.isEmpty() ? null : p.next();
    }
    return false;
  }

  private static boolean printable(String v) {
    return !v.isEmpty() && v.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
  }
}
