package dev.oktair.contain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.detect.Finding;
import dev.oktair.detect.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14: the plan of a 1M-event case (317k findings, 67k about one user, 9.6k user ids reused
 * logins left behind) must stay readable: an action cites at most twenty findings, the most
 * severe first, and says how many there are; subjects the org no longer has are listed, in one
 * line when there are more than twenty; a plan that cites every finding reads as it always did.
 */
class PlanAtScaleTest {
  private static final Plan.Options NONE = new Plan.Options(false, false, false);
  private static Scenario s;

  @BeforeAll
  static void start() {
    s = new Scenario();
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  @Test
  void anActionCitesTheTwentyMostSevereFindingsAndCountsThemAll() {
    List<Finding> findings = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      findings.add(s.finding("F-" + i, i > 25 ? Severity.CRITICAL : Severity.MEDIUM, "alex@contoso.com", Map.of()));
    }

    Plan p = s.plan(NONE, findings.toArray(Finding[]::new));

    Plan.Entry clear = p.actions().get(0);
    assertThat(clear.reasons()).hasSize(Facts.CITED).startsWith("F-26", "F-27", "F-28", "F-29", "F-30", "F-1", "F-2");
    assertThat(clear.reasonsTotal()).isEqualTo(30);
    assertThat(p.subjects().get(0).reasonsTotal()).isEqualTo(30);
    JsonNode json = PlanJson.action(clear);
    assertThat(json.path("reasons").size()).isEqualTo(Facts.CITED);
    assertThat(json.path("reasonsTotal").asInt()).isEqualTo(30);
    Plan back = PlanJson.fromJson(PlanJson.toJson(p));
    assertThat(back.actions().get(0).reasonsTotal()).isEqualTo(30);
    assertThat(back.subjects().get(0).reasonsTotal()).isEqualTo(30);
  }

  @Test
  void aPlanCitingEveryFindingHasNoCount() {
    Plan p = s.plan(NONE, s.finding("F-1", Severity.HIGH, "alex@contoso.com", Map.of()));

    assertThat(p.actions()).allMatch(e -> e.reasonsTotal() == e.reasons().size());
    assertThat(PlanJson.toJson(p).toString()).doesNotContain("reasonsTotal");
  }

  @Test
  void subjectsTheOrgNoLongerHasAreListedInOneLineWhenTheyAreMany() {
    List<Finding> findings = new ArrayList<>(List.of(s.finding("F-alex", Severity.HIGH, "alex@contoso.com", Map.of())));
    for (int i = 1; i <= 25; i++) {
      findings.add(s.finding("F-gone" + i, Severity.MEDIUM, null, Map.of("userId", "00ugone" + i)));
    }

    Plan p = s.plan(NONE, findings.toArray(Finding[]::new));

    assertThat(p.subjects()).extracting(Plan.Subject::login).containsExactly("alex@contoso.com");
    Plan.Listed gone = p.listed().stream().filter(l -> l.target().type().equals("users")).findFirst().orElseThrow();
    assertThat(gone.target().display()).isEqualTo("25 users");
    assertThat(gone.target().id().split(",")).hasSize(25);
    assertThat(gone.why()).contains("not in the org").contains("the first 20: 00ugone1, 00ugone2");
    assertThat(gone.reasons()).hasSize(Facts.CITED);
    assertThat(gone.reasonsTotal()).isEqualTo(25);
    assertThat(s.sim.journal().mutating()).isEmpty();
  }
}
