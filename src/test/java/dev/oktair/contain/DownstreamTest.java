package dev.oktair.contain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.detect.Severity;
import dev.oktair.downstream.AppAccess;
import dev.oktair.downstream.Connector;
import dev.oktair.downstream.Downstream;
import dev.oktair.downstream.Outcome;
import dev.oktair.downstream.SpIdentity;
import dev.oktair.downstream.Step;
import dev.oktair.okta.Management;
import dev.oktair.okta.OktaClient;
import dev.oktair.okta.OktaConfig;
import dev.oktair.okta.Sleeper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SP-side revocations: planned per assigned app an SP connector covers, run after the Okta kill switch only. */
class DownstreamTest {
  private static Scenario s;
  @TempDir Path dir;

  /** A connector that records what it was asked to do. */
  private static final class Recording implements Connector {
    final String sp;
    final Set<Step> steps;
    final List<String> runs = new CopyOnWriteArrayList<>();

    Recording(String sp, Set<Step> steps) {
      this.sp = sp;
      this.steps = steps;
    }

    public String sp() { return sp; }
    public Set<Step> steps() { return steps; }

    public Outcome run(Step step, SpIdentity who) {
      runs.add(step + " " + who.userName());
      return new Outcome(Outcome.Status.REQUESTED, "revoked", "sp-req-1");
    }
  }

  @BeforeAll
  static void start() {
    s = new Scenario();
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  private final Recording github = new Recording("github", Set.of(Step.TOKENS));
  private final Recording slack = new Recording("slack", Set.of(Step.SESSIONS));

  private Plan plan() {
    List<AppAccess> apps = List.of(
        new AppAccess("0oagh", "GitHub", "githubcloud", "SAML_2_0", "alex-contoso", List.of(), null),
        new AppAccess("0oasl", "Slack", "slack", "SAML_2_0", "alex@contoso.com", List.of(), null),
        new AppAccess("0oacu", "Custom", "custom_saml", "SAML_2_0", "alex", List.of(), null));
    Planner.Downstream ds = (userId, login) -> Downstream.impactMap(apps, Set.of("github", "slack"));
    return new Planner(s.okta(true), Scenario.CLOCK, ds).plan(
        List.of(s.finding("F-1", Severity.HIGH, "alex@contoso.com", Map.of())), s.attackStart(), null,
        new Plan.Options(false, false, false));
  }

  private Result apply(Management okta, Plan plan) {
    try (Journal j = Journal.open(dir.resolve("journal.jsonl"), Scenario.CLOCK)) {
      return new Applier(new Effects(okta, Map.of("github", github, "slack", slack)), j, Scenario.CLOCK,
          Sleeper.system(), new Applier.Settings(4, 2, Duration.ofMillis(5))).apply(plan, Map.of());
    }
  }

  @Test
  void plannedAfterTheKillSwitchPerStepTheConnectorOffers() {
    Plan p = plan();

    List<Plan.Entry> down = p.actions().stream().filter(e -> e.action().kind() == ActionKind.REVOKE_DOWNSTREAM).toList();
    assertThat(down).extracting(e -> e.action().target().id()).containsExactlyInAnyOrder(
        "github/TOKENS/alex-contoso", "slack/SESSIONS/alex@contoso.com");
    assertThat(down).allMatch(e -> e.dependsOn().equals(List.of(p.actions().get(0).id())));
    // what no API reaches is a checklist entry for review, not an action
    List<Plan.Listed> manual = p.listed().stream().filter(l -> l.target().type().equals("downstream")).toList();
    assertThat(manual).extracting(l -> l.target().display() + ": " + l.why())
        .anyMatch(d -> d.startsWith("Custom (0oacu): manual: end every session"))
        .anyMatch(d -> d.startsWith("GitHub (0oagh): manual: github revoke the member's active SAML sessions"));
    assertThat(manual).allMatch(l -> l.why().startsWith("manual: "));
  }

  @Test
  void runThroughTheRegistryOnceOktaIsDone() {
    Plan p = plan();

    Result r = apply(s.okta(false), p);

    assertThat(r.complete()).as(r.toString()).isTrue();
    assertThat(github.runs).containsExactly("TOKENS alex-contoso");
    assertThat(slack.runs).containsExactly("SESSIONS alex@contoso.com");
    assertThat(r.downstream("requested")).hasSize(2);
  }

  @Test
  void neverRunWhenClearingTheOktaSessionsFailed() {
    Plan p = plan();
    Management rejected = new Management(OktaClient.builder(OktaConfig.ssws(s.sim.baseUrl(), "not-the-token"))
        .clock(Scenario.CLOCK).build());

    Result r = apply(rejected, p);

    assertThat(r.complete()).isFalse();
    assertThat(r.steps().get(0).state()).isEqualTo(Result.State.FAILED);
    assertThat(r.steps()).filteredOn(x -> x.entry().action().kind() == ActionKind.REVOKE_DOWNSTREAM)
        .allMatch(x -> x.state() == Result.State.NOT_RUN);
    assertThat(github.runs).isEmpty();
    assertThat(slack.runs).isEmpty();
  }
}
