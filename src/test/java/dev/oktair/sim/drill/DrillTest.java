package dev.oktair.sim.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import dev.oktair.sim.scenario.Foothold;
import dev.oktair.sim.scenario.Rehearsal;
import dev.oktair.sim.scenario.Scenarios;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The scorecard against the simulator's real HTTP API: untouched, every foothold of every shipped
 * scenario is open; removing some by hand leaves exactly the rest; removing a legitimate factor
 * is collateral.
 */
class DrillTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A clock tests move by hand. */
  static final class Hand extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(NOW);

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  static int send(Drill drill, String method, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(drill.simulator().baseUrl() + path))
        .header("Authorization", "SSWS " + drill.simulator().apiToken()).header("Accept", "application/json")
        .method(method, HttpRequest.BodyPublishers.noBody()).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void untouchedEveryFootholdOfEveryScenarioIsOpen() {
    for (String name : Scenarios.names()) {
      Rehearsal r = Scenarios.rehearse(name, 5, NOW);
      try (Drill drill = Drill.start(r, 0, Clock.fixed(NOW, ZoneOffset.UTC))) {
        Scorecard card = Drill.remoteScore(drill.scoreUrl(), drill.secret());
        assertThat(card.scenario()).isEqualTo(name);
        assertThat(card.seed()).isEqualTo(5);
        assertThat(card.footholds()).as(name).allMatch(f -> f.status().equals(Scorecard.Foothold.OPEN));
        // the tenant's footholds in the attack's order, then the victims' sessions at the fake SPs
        assertThat(card.footholds()).filteredOn(f -> !f.kind().equals("sp-session")).extracting(Scorecard.Foothold::id)
            .containsExactlyElementsOf(r.truth().footholds().stream().map(Foothold::id).toList());
        assertThat(card.footholds()).filteredOn(f -> f.kind().equals("sp-session"))
            .allMatch(f -> drill.serviceProviders().sessions(f.id().substring(0, f.id().indexOf('/')),
                f.id().substring(f.id().indexOf('/') + 1)) > 0);
        assertThat(card.collateral()).as(name).isEmpty();
        assertThat(card.otherVictims()).as(name).isNotEmpty().noneMatch(Scorecard.Victim::found);
        assertThat(card.secondsToContain()).isNull();
        assertThat(card.clean()).isFalse();
      }
    }
  }

  @Test
  void removingSomeByHandLeavesExactlyTheRest() throws Exception {
    Hand clock = new Hand();
    Rehearsal r = Scenarios.rehearse("contoso-aitm", 9, NOW);
    try (Drill drill = Drill.start(r, 0, clock)) {
      Foothold factor = first(r, Foothold.Kind.FACTOR);
      Foothold token = first(r, Foothold.Kind.API_TOKEN);
      String other = r.truth().otherVictimIds().get(0);
      clock.now.set(NOW.plus(Duration.ofMinutes(7)));
      assertThat(send(drill, "DELETE", "/api/v1/users/" + factor.userId() + "/factors/" + factor.id())).isEqualTo(204);
      assertThat(send(drill, "DELETE", "/api/v1/api-tokens/" + token.id())).isEqualTo(204);
      assertThat(send(drill, "DELETE", "/api/v1/users/" + other + "/sessions")).isEqualTo(204);

      Scorecard card = drill.score();
      List<String> removed = card.footholds().stream().filter(f -> f.status().equals(Scorecard.Foothold.REMOVED))
          .map(Scorecard.Foothold::id).toList();
      List<String> otherSessions = r.truth().footholds().stream()
          .filter(f -> f.kind() == Foothold.Kind.SESSION && f.userId().equals(other)).map(Foothold::id).toList();
      assertThat(removed).containsExactlyInAnyOrderElementsOf(
          concat(List.of(factor.id(), token.id()), otherSessions));
      assertThat(card.openFootholds()).isEqualTo(card.footholds().size() - removed.size());
      assertThat(card.otherVictims()).allMatch(Scorecard.Victim::found);
      assertThat(card.collateral()).isEmpty();
      assertThat(card.secondsToContain()).isNull();
    }
  }

  @Test
  void aLegitimateFactorRemovedIsCollateral() throws Exception {
    Hand clock = new Hand();
    Rehearsal r = Scenarios.rehearse("session-replay", 4, NOW);
    try (Drill drill = Drill.start(r, 0, clock)) {
      String victim = r.truth().victimId();
      String rogue = first(r, Foothold.Kind.FACTOR).id();
      // SMS: removing it takes nothing of the attacker's along (an Okta Verify reset would)
      String legit = drill.simulator().tenant().factors(victim).stream()
          .filter(f -> f.path("factorType").asString().equals("sms")).map(f -> f.path("id").asString())
          .findFirst().orElseThrow();
      assertThat(send(drill, "DELETE", "/api/v1/users/" + victim + "/factors/" + legit)).isEqualTo(204);
      Scorecard card = drill.score();
      assertThat(card.collateral()).singleElement().satisfies(c -> {
        assertThat(c.kind()).isEqualTo("factor");
        assertThat(c.id()).isEqualTo(legit);
        assertThat(c.change()).isEqualTo("removed");
      });
      // close everything this branch's simulator can remove; an assignment needs the app-user DELETE
      clock.now.set(NOW.plus(Duration.ofMinutes(42)));
      send(drill, "DELETE", "/api/v1/users/" + victim + "/factors/" + rogue);
      for (String user : List.of(victim, r.truth().otherVictimIds().get(0))) {
        send(drill, "DELETE", "/api/v1/users/" + user + "/sessions");
      }
      Scorecard later = drill.score();
      assertThat(later.footholds()).filteredOn(f -> f.status().equals(Scorecard.Foothold.OPEN))
          .extracting(Scorecard.Foothold::kind).contains("assignment").isSubsetOf("assignment", "sp-session");
      assertThat(later.secondsToContain()).isNull();
    }
  }

  @Test
  void consentGrantsOutliveTheKillSwitchUntilRevoked() throws Exception {
    Hand clock = new Hand();
    Rehearsal r = Scenarios.rehearse("oauth-token-theft", 2, NOW);
    try (Drill drill = Drill.start(r, 0, clock)) {
      // close every foothold this simulator can: sessions with their OAuth tokens, the API token
      clock.now.set(NOW.plus(Duration.ofMinutes(3)));
      for (String user : List.of(r.truth().victimId(), r.truth().otherVictimIds().get(0))) {
        send(drill, "DELETE", "/api/v1/users/" + user + "/sessions?oauthTokens=true");
        send(drill, "DELETE", "/api/v1/users/" + user + "/grants");
      }
      drill.score();
      clock.now.set(NOW.plus(Duration.ofMinutes(10)));
      send(drill, "DELETE", "/api/v1/api-tokens/" + first(r, Foothold.Kind.API_TOKEN).id());
      Scorecard card = drill.score();
      assertThat(card.footholds()).filteredOn(f -> f.status().equals(Scorecard.Foothold.OPEN))
          .extracting(Scorecard.Foothold::kind).contains("assignment").isSubsetOf("assignment", "sp-session");
      assertThat(card.secondsToContain()).isNull();
    }
  }

  /**
   * An SP session is open until that SP's revocation has taken effect at the fake: a refused call
   * leaves it open; the accepted one removes it, and only it.
   */
  @Test
  void anSpSessionIsRemovedOnceTheFakeSpHasRevokedIt() throws Exception {
    Rehearsal r = Scenarios.rehearse("contoso-aitm", 3, NOW);
    try (Drill drill = Drill.start(r, 0, Clock.fixed(NOW, ZoneOffset.UTC))) {
      Scorecard.Foothold slack = drill.score().footholds().stream()
          .filter(f -> f.kind().equals("sp-session") && f.id().startsWith("slack/")).findFirst().orElseThrow();
      String email = slack.id().substring("slack/".length());
      String api = drill.environment().get("OKTAIR_SLACK_ENDPOINT");
      String token = drill.environment().get("OKTAIR_SLACK_TOKEN");
      String user = Json.MAPPER.readTree(slack(api + "/users.lookupByEmail?email=" + email, token, null))
          .path("user").path("id").asString();

      drill.serviceProviders().fault("slack", dev.oktair.sim.sp.SpFault.REFUSED);
      assertThat(slack(api + "/admin.users.session.reset", token, "user_id=" + user)).contains("\"ok\":false");
      assertThat(status(drill.score(), slack.id())).isEqualTo(Scorecard.Foothold.OPEN);

      drill.serviceProviders().fault("slack", dev.oktair.sim.sp.SpFault.NONE);
      assertThat(slack(api + "/admin.users.session.reset", token, "user_id=" + user)).contains("\"ok\":true");
      Scorecard card = drill.score();
      assertThat(status(card, slack.id())).isEqualTo(Scorecard.Foothold.REMOVED);
      assertThat(card.footholds()).filteredOn(f -> f.status().equals(Scorecard.Foothold.REMOVED))
          .extracting(Scorecard.Foothold::id).containsExactly(slack.id());
      assertThat(card.collateral()).isEmpty();
    }
  }

  private static String slack(String url, String token, String form) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    if (form != null) {
      b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String status(Scorecard card, String id) {
    return card.footholds().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow().status();
  }

  private static Foothold first(Rehearsal r, Foothold.Kind kind) {
    return r.truth().footholds().stream().filter(f -> f.kind() == kind).findFirst().orElseThrow();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
