package dev.oktair.sim.scenario;

import dev.oktair.events.LogEvent;
import dev.oktair.sim.SimEvent;
import dev.oktair.sim.scenario.Model.App;
import dev.oktair.sim.scenario.Model.Device;
import dev.oktair.sim.scenario.Model.Person;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Builds System Log events with the context real Okta puts on them (actor, client, device,
 * network, session, request ids, ThreatInsight and risk debug data) and collects those inside
 * the retention window. {@link Flows} composes them into sign-ins, SSO and the like.
 * Not thread-safe.
 */
final class Events {
  /** Below this many events a second thread costs more than it saves. */
  private static final int PARALLEL_FROM = 2048;

  private final Tenant tenant;
  private final Rand rand;
  private final Instant from;
  private final Instant to;
  /** Emitted events, serialised when collected: an event is not changed once emitted. */
  private final List<SimEvent> out = new ArrayList<>();
  private final boolean threatInsight;
  private final String systemPrincipalId;

  Events(Tenant tenant, Rand rand, Instant from, Instant to) {
    this.tenant = tenant;
    this.rand = rand;
    this.from = from;
    this.to = to;
    this.threatInsight = !"none".equals(tenant.spec.security().threatInsight());
    this.systemPrincipalId = tenant.ids.oktaId("spr");
  }

  Rand rand() {
    return rand;
  }

  Tenant tenant() {
    return tenant;
  }

  /**
   * Returns the collected events (in emission order), serialised now: most of what a history
   * costs, so two threads share it, each writing a half (issue 16: the first /api/v1/logs waits
   * for the whole history). The bytes are the same either way; each event is written alone.
   */
  List<LogEvent> collected() {
    int half = out.size() / 2;
    if (half < PARALLEL_FROM) {
      return SimEvent.buildAll(out);
    }
    CompletableFuture<List<LogEvent>> second = CompletableFuture.supplyAsync(() -> SimEvent.buildAll(out.subList(half, out.size())), r -> {
      Thread t = new Thread(r, "okta-ir-sim-events");
      t.setDaemon(true);
      t.start();
    });
    List<LogEvent> all = new ArrayList<>(out.size());
    all.addAll(SimEvent.buildAll(out.subList(0, half)));
    all.addAll(second.join());
    return all;
  }

  boolean inWindow(Instant at) {
    return !at.isBefore(from) && at.isBefore(to);
  }

  /** Keeps an event if it lies inside [window start, anchor): Okta retains nothing else. */
  void emit(Instant at, SimEvent e) {
    if (inWindow(at)) {
      out.add(e);
    }
  }

  /** Starts an event with a fresh uuid. */
  SimEvent bare(String type, Instant at) {
    return SimEvent.of(rand.uuid(at), at, type);
  }

  /**
   * Starts an event caused by one HTTP request of a visit: actor is the visiting user, and the
   * client, device, network, session, request id, endpoint and ThreatInsight verdict are set.
   */
  SimEvent request(String type, Instant at, Visit v, String uri) {
    SimEvent e = bare(type, at);
    Person p = v.user();
    if (p != null) {
      e.actor(p.id, "User", p.login, p.displayName());
    }
    client(e, v);
    e.session(v.sessionId(), v.sessionId());
    String requestId = rand.requestId();
    e.transaction("WEB", requestId);
    e.debug("requestUri", uri);
    e.debug("url", uri.contains("?") ? uri : uri + "?");
    Device d = v.device();
    if (!d.profile().userAgent().startsWith("python")) {
      e.debug("dtHash", d.dtHash());
    }
    if (threatInsight) {
      e.debug("threatSuspected", Boolean.toString(v.threatSuspected()));
    }
    return e;
  }

  /** Sets client, network and (for a registered device) the OIE device of a visit. */
  void client(SimEvent e, Visit v) {
    Device d = v.device();
    e.client(v.origin().ip(), d.profile().userAgent(), d.profile().os(), d.profile().browser(),
        d.profile().clientDevice(), v.origin().place());
    var n = v.origin().net();
    if (n.zone() != null) {
      e.zone(n.zone());
    }
    e.network(n.asNumber(), n.asOrg(), n.isp(), n.domain(), Boolean.TRUE.equals(n.isProxy()));
    if (d.registered() && !d.name().isEmpty()) {
      e.device(d.oieId(), d.name(), d.profile().platform(), d.profile().osVersion(), d.profile().managed());
    }
  }

  /** Adds the risk engine's view of the visit as real sign-in events carry it. */
  SimEvent riskData(SimEvent e, Visit v) {
    e.debug("behaviors", v.behaviorsText());
    e.debug("risk", v.risk());
    e.debug("logOnlySecurityData", v.logOnlySecurityData());
    return e;
  }

  SimEvent userTarget(SimEvent e, Person p) {
    return e.target(p.id, "User", p.login, p.displayName());
  }

  SimEvent appTarget(SimEvent e, App app) {
    return e.target(app.id(), "AppInstance", app.label(), app.label(),
        Map.of("signOnModeType", app.spec().signOnMode()));
  }

  /** An event by Okta itself (asynchronous jobs, group rules), with no HTTP client. */
  SimEvent system(String type, Instant at) {
    SimEvent e = bare(type, at);
    e.actor(systemPrincipalId, "SystemPrincipal", "system@okta.com", "Okta System");
    e.transaction("JOB", rand.requestId());
    return e;
  }
}
