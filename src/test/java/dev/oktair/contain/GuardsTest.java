package dev.oktair.contain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.detect.Citation;
import dev.oktair.detect.Finding;
import dev.oktair.detect.Severity;
import dev.oktair.okta.Management;
import dev.oktair.okta.OktaClient;
import dev.oktair.okta.OktaConfig;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.SimulatorOptions;
import dev.oktair.sim.scenario.Rehearsal;
import dev.oktair.sim.scenario.Scenarios;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The super-administrator guard tells the attacker's grant from a real administrator: a
 * SUPER_ADMIN role granted in the window, which the plan removes before the suspend, needs no
 * override; a role held before the window, or one the suspend does not wait for, holds that
 * suspend back until the override. Over a fabrikam-helpdesk tenant, whose victim the attacker
 * made super administrator.
 */
class GuardsTest {
  private static Rehearsal rehearsal;
  private static OktaSimulator sim;
  private static Management okta;

  @BeforeAll
  static void start() {
    rehearsal = Scenarios.rehearse("fabrikam-helpdesk", 2, Scenario.NOW);
    sim = OktaSimulator.start(SimulatorOptions.builder().seed(rehearsal.seed()).clock(Scenario.CLOCK).build());
    okta = new Management(OktaClient.builder(OktaConfig.ssws(sim.baseUrl(), sim.apiToken())).clock(Scenario.CLOCK)
        .dryRun(true).build());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void theScenarioMakesAnotherVictimSuperAdministratorInsideTheWindowAndTheAlertsUserWasOneBefore() {
    assertThat(Instant.parse(superAdmin(victim()).path("created").asString())).isAfterOrEqualTo(attackStart());
    assertThat(Instant.parse(superAdmin(rehearsal.truth().victimId()).path("created").asString())).isBefore(attackStart());
  }

  @Test
  void aSuperAdminGrantOfTheWindowRemovedBeforeTheSuspendNeedsNoOverride() {
    Plan p = plan(attackStart(), victim());

    Plan.Entry removal = entry(p, ActionKind.REMOVE_ADMIN_ROLE);
    assertThat(removal.action().target().id()).isEqualTo(victim() + "/" + superAdmin(victim()).path("id").asString());
    assertThat(entry(p, ActionKind.SUSPEND_USER).dependsOn()).contains(removal.id());
    assertThat(p.subjects().get(0).superAdmin()).as("not a real administrator").isFalse();
    Guards g = Guards.check(okta, p);
    assertThat(g.needOverride()).isEmpty();
    assertThat(g.superAdmins()).isEmpty();
    assertThat(g.mismatches()).isEmpty();
    assertThat(g.holdBack(p)).isEqualTo(p);
  }

  @Test
  void aSuperAdminRoleHeldBeforeTheWindowStillNeedsTheOverride() {
    Instant afterTheGrant = Instant.parse(superAdmin(victim()).path("created").asString()).plusSeconds(1);
    Plan p = plan(afterTheGrant, victim());

    assertThat(p.actions()).noneMatch(e -> e.action().kind() == ActionKind.REMOVE_ADMIN_ROLE);
    assertThat(p.subjects().get(0).superAdmin()).isTrue();
    Guards g = Guards.check(okta, p);
    assertThat(g.needOverride()).isEmpty();
    assertThat(g.superAdmins()).containsOnlyKeys(victim());
    assertThat(g.superAdmins().get(victim())).contains("is a super administrator").contains("before the window");
    // without the override only the suspend is held back: the sessions are still cleared
    Plan held = g.holdBack(p);
    assertThat(held.actions()).noneMatch(e -> e.action().kind() == ActionKind.SUSPEND_USER);
    assertThat(held.actions()).anyMatch(e -> e.action().kind() == ActionKind.CLEAR_SESSIONS);
    assertThat(held.actions()).hasSize(p.actions().size() - 1);
  }

  @Test
  void theAlertsUserASuperAdministratorForYearsHasHerSuspendHeldBack() {
    String priya = rehearsal.truth().victimId();
    Plan p = plan(attackStart(), priya);

    assertThat(Guards.check(okta, p).superAdmins()).containsOnlyKeys(priya);
  }

  @Test
  void aGrantOfTheWindowTheSuspendDoesNotWaitForStillNeedsTheOverride() {
    Plan p = plan(attackStart(), victim());
    List<Plan.Entry> unordered = p.actions().stream().map(e -> e.action().kind() == ActionKind.SUSPEND_USER
        ? new Plan.Entry(e.id(), e.action(), e.reasons(), List.of(p.actions().get(0).id()), e.note()) : e).toList();
    Plan edited = new Plan(p.created(), p.org(), p.windowStart(), p.windowEnd(), p.options(), p.subjects(), unordered,
        p.listed());

    assertThat(Guards.check(okta, edited).superAdmins().get(victim())).contains("does not remove before the suspend");
  }

  private static Plan plan(Instant start, String userId) {
    JsonNode user = okta.user(userId).orElseThrow();
    String login = user.path("profile").path("login").asString();
    Finding f = new Finding("F-1", "test", Severity.HIGH, "F-1", "F-1", login, null, null, null, "contain",
        List.of(new Citation.ApiObject("user", login)), Map.of("userId", userId));
    return new Planner(okta, Scenario.CLOCK).plan(List.of(f), start, null, new Plan.Options(false, false, false));
  }

  private static Plan.Entry entry(Plan p, ActionKind kind) {
    return p.actions().stream().filter(e -> e.action().kind() == kind).findFirst().orElseThrow();
  }

  private static JsonNode superAdmin(String userId) {
    return sim.tenant().roles(userId).stream().filter(r -> "SUPER_ADMIN".equals(r.path("type").asString())).findFirst()
        .orElse(null);
  }

  /** The other victim, whom the attacker made super administrator. */
  private static String victim() {
    return rehearsal.truth().otherVictimIds().stream().filter(id -> superAdmin(id) != null).findFirst().orElseThrow();
  }

  private static Instant attackStart() {
    return rehearsal.truth().attackStart();
  }
}
