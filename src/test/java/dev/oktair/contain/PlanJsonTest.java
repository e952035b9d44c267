package dev.oktair.contain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktair.downstream.SpIdentity;
import dev.oktair.downstream.Step;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** plan.json round-trips every kind of action; a plan keeps its graph ordered and justified. */
class PlanJsonTest {
  @Test
  void everyActionKindSurvivesTheRoundTrip() {
    List<Action> all = List.of(
        new Action.ClearSessions("00u1", "a@x"), new Action.SuspendUser("00u1", "a@x"),
        new Action.UnsuspendUser("00u1", "a@x"), new Action.DeleteFactor("00u1", "opf1", "push SM-A536B"),
        new Action.ResetFactors("00u1", "a@x"), new Action.RevokeGrant("00u1", "oag1", "Mobile openid"),
        new Action.RevokeRefreshTokens("00u1", "0oa1", "Mobile"), new Action.RevokeApiToken("00T1", "backup"),
        new Action.RemoveAppAssignment("0oa2", "00u1", "GitHub"), new Action.RemoveGroupMembership("00g1", "00u1", "AWS"),
        new Action.RemoveAdminRole("00u1", "ra1", "Super"), new Action.DeactivateIdp("0oi1", "Evil IdP"),
        new Action.BlockIps("okta-ir blocklist", List.of("1.2.3.4", "5.6.7.8")),
        new Action.UnblockIps("okta-ir blocklist", List.of("1.2.3.4")), new Action.UniversalLogout("00u1", "a@x"),
        new Action.RevokeDownstream("github", "0oa3", new SpIdentity("alex", List.of("admin")), Step.TOKENS));
    assertThat(all.stream().map(Action::kind).distinct()).hasSize(ActionKind.values().length);
    List<Plan.Entry> entries = new java.util.ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      entries.add(new Plan.Entry("a" + (i + 1), all.get(i), List.of("F-1"), i == 1 ? List.of("a1") : List.of(),
          i == 0 ? "first" : null));
    }
    Plan plan = new Plan(Instant.parse("2026-11-28T12:00:00Z"), "https://acme.okta.com",
        Instant.parse("2026-11-25T00:00:00Z"), null, new Plan.Options(true, false, true),
        List.of(new Plan.Subject("00u1", "a@x", false, List.of("F-1"))), entries,
        List.of(new Plan.Listed(new Target("appUser", "0oa2/00u1", "GitHub"), "opt-in", List.of())));

    Plan back = PlanJson.fromJson(PlanJson.toJson(plan));

    assertThat(back).isEqualTo(plan);
    assertThat(back.action("a14").action().undo()).isNull();
    assertThat(back.action("a2").action().undo()).isEqualTo(new Action.UnsuspendUser("00u1", "a@x"));
    assertThat(back.action("a13").action().undo()).isEqualTo(new Action.UnblockIps("okta-ir blocklist",
        List.of("1.2.3.4", "5.6.7.8")));
  }

  /** A plan.json written when removal was opt-in still reads with the choice it was made with. */
  @Test
  void anOlderPlansRemoveAssignmentsReadsAsItsOppositeKeepAssignments() {
    Plan plan = new Plan(Instant.EPOCH, "https://acme.okta.com", Instant.EPOCH, null, new Plan.Options(false, false, true),
        List.of(), List.of(), List.of());
    tools.jackson.databind.node.ObjectNode json = PlanJson.toJson(plan);
    assertThat(json.path("options").path("keepAssignments").asBoolean()).isTrue();

    for (boolean removed : new boolean[] {true, false}) {
      tools.jackson.databind.node.ObjectNode older = json.deepCopy();
      ((tools.jackson.databind.node.ObjectNode) older.path("options")).remove("keepAssignments");
      ((tools.jackson.databind.node.ObjectNode) older.path("options")).put("removeAssignments", removed);
      assertThat(PlanJson.fromJson(older).options().keepAssignments()).isEqualTo(!removed);
    }
  }

  @Test
  void aPlanRefusesAnUnjustifiedActionOrADependencyThatComesLater() {
    Action clear = new Action.ClearSessions("00u1", "a@x");
    assertThatThrownBy(() -> new Plan.Entry("a1", clear, List.of(), List.of(), null)).hasMessageContaining("no finding");
    assertThatThrownBy(() -> new Plan(Instant.EPOCH, "https://acme.okta.com", Instant.EPOCH, null,
        new Plan.Options(false, false, false), List.of(),
        List.of(new Plan.Entry("a1", clear, List.of("F"), List.of("a2"), null),
            new Plan.Entry("a2", new Action.SuspendUser("00u1", "a@x"), List.of("F"), List.of(), null)),
        List.of())).hasMessageContaining("does not come before");
  }
}
