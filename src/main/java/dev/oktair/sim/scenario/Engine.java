package dev.oktair.sim.scenario;

import dev.oktair.events.LogEvent;
import dev.oktair.sim.TenantSeed;
import dev.oktair.sim.scenario.Model.Origin;
import dev.oktair.sim.scenario.Model.Person;
import dev.oktair.sim.scenario.ScenarioSpec.Step;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Materialises a scenario spec: builds the tenant as it stood before the window, runs the
 * background changes and the attack steps, lives the baseline days around them, and renders the
 * result with its story. Deterministic for (spec, seed, anchor).
 */
final class Engine {
  private Engine() {}

  static TenantSeed run(ScenarioSpec spec, long seed, Instant anchor) {
    return play(spec, seed, anchor).seed();
  }

  /**
   * A played scenario: the seed to serve, and what only the drill may know.
   *
   * @param seed the tenant and its history
   * @param footholds what the attack steps left the attacker
   * @param attackStart the first attacker action
   * @param victimIds the Okta ids of {@code attack.victims}, in order
   * @param identityProviders IdPs the steps created ({@code IdentityProvider} objects), for a
   *     simulator that serves IdPs to seed
   */
  record Played(TenantSeed seed, List<Foothold> footholds, Instant attackStart, List<String> victimIds,
      List<tools.jackson.databind.JsonNode> identityProviders) {}

  static Played play(ScenarioSpec spec, long seed, Instant anchor) {
    Tenant tenant = TenantBuilder.build(spec, seed, anchor);
    Instant from = anchor.minus(Duration.ofDays(spec.baseline().days()));
    Events events = new Events(tenant, Rand.stream(seed, "events"), from, anchor);
    Flows flows = new Flows(events);
    StoryLog story = new StoryLog();
    Actions actions = new Actions(flows, story);
    LocalDate today = anchor.atZone(tenant.zone).toLocalDate();
    int index = 0;
    for (Step s : spec.baseline().changes()) {
      LocalDate day = today.plusDays(Durations.parse(s.at()).toDays());
      Instant at = day.atTime(LocalTime.parse(s.time() == null ? "10:30" : s.time())).atZone(tenant.zone).toInstant();
      StepFailure.at("/baseline/changes/" + index++, () -> actions.run(s, at, false));
    }
    Instant attackStart = anchor.plus(Durations.parse(spec.attack().start()));
    index = 0;
    for (Step s : spec.attack().steps()) {
      Instant at = attackStart.plus(Durations.parse(s.at()));
      StepFailure.at("/attack/steps/" + index++, () -> actions.run(s, at, true));
    }
    new Baseline(flows, Rand.stream(seed, "baseline")).run();
    List<LogEvent> sorted = sortByPublished(events.collected());
    TenantJson json = new TenantJson(tenant);
    PolicyJson policy = new PolicyJson(tenant);
    TenantSeed result = new TenantSeed(anchor, json.users(), json.groups(), json.groupMembers(), json.apps(), json.appUsers(),
        json.factors(), json.roles(), json.grants(), json.clients(), json.refreshTokens(), json.apiTokens(),
        policy.threatInsight(), policy.policies(), policy.rules(), sorted, story(spec, tenant, story, attackStart))
        .withIdentityProviders(List.copyOf(story.identityProviders));
    List<String> victimIds = spec.attack().victims().stream().map(login -> tenant.person(login).id).toList();
    return new Played(result, new ArrayList<>(story.footholds.values()),
        story.attackStart == null ? attackStart : story.attackStart, victimIds, List.copyOf(story.identityProviders));
  }

  /**
   * Sorts by {@code published}, stably (events of one millisecond keep their emission order). By
   * the instant each event was written from, which orders as Okta's fixed-width text does, at a
   * fraction of the cost of comparing texts.
   */
  private static List<LogEvent> sortByPublished(List<LogEvent> events) {
    List<LogEvent> out = new ArrayList<>(events);
    out.sort(Comparator.comparing(LogEvent::published));
    return out;
  }

  private static TenantSeed.Story story(ScenarioSpec spec, Tenant tenant, StoryLog log, Instant attackStart) {
    List<String> victims = spec.attack().victims();
    String victim = victims.isEmpty() ? "" : victims.get(0);
    List<String> victimIps = new ArrayList<>();
    if (!victim.isEmpty()) {
      Person p = tenant.person(victim);
      Set<String> ips = new LinkedHashSet<>(List.of(p.home.ip(), p.office.ip(), p.cellular.ip()));
      victimIps.addAll(ips);
    }
    Set<Long> asns = new LinkedHashSet<>();
    for (Origin o : log.attackerOrigins.values()) {
      asns.add(o.net().asNumber());
    }
    return new TenantSeed.Story(spec.name(), victim, victims.size() > 1 ? victims.subList(1, victims.size()) : List.of(),
        log.attackStart == null ? attackStart : log.attackStart, new ArrayList<>(log.attackerOrigins.keySet()),
        victimIps, new ArrayList<>(asns), log.rogueFactors, log.rogueTokens, log.rogueGrants);
  }
}
