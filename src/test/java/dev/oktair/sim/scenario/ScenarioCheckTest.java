package dev.oktair.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's own scenario file is refused with file, line and field; every shipped scenario plays
 * for a drill; a seed changes names, attacker addresses and times, and the same seed repeats.
 */
class ScenarioCheckTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static String shipped(String name) throws IOException {
    try (InputStream in = Scenarios.class.getResourceAsStream("/dev/oktair/sim/scenarios/" + name + ".yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static ScenarioFileException refusal(Path dir, String text) throws IOException {
    Path file = dir.resolve("team-story.yaml");
    Files.writeString(file, text);
    try {
      Scenarios.check(file, NOW);
    } catch (ScenarioFileException e) {
      assertThat(e.file()).isEqualTo(file.toString());
      assertThat(e.getMessage()).startsWith(file + ":" + e.line() + ":");
      return e;
    }
    throw new AssertionError("accepted a bad scenario file");
  }

  private static int lineOf(String text, String fragment) {
    int at = text.indexOf(fragment);
    assertThat(at).as("fragment %s", fragment).isNotNegative();
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  @Test
  void anUnknownStepIsRefusedWithItsLineAndField(@TempDir Path dir) throws IOException {
    String text = shipped("session-replay").replace("do: factor.activate, user: dana", "do: factor.teleport, user: dana");
    ScenarioFileException e = refusal(dir, text);
    assertThat(e.line()).isEqualTo(lineOf(text, "factor.teleport"));
    assertThat(e.field()).isEqualTo("/attack/steps/3");
    assertThat(e.getMessage()).contains("factor.teleport").contains("docs/scenarios.md");
  }

  @Test
  void aBadTimeIsRefusedWithItsLineAndField(@TempDir Path dir) throws IOException {
    String text = shipped("session-replay").replace("at: 6h30m", "at: 6 hours");
    ScenarioFileException e = refusal(dir, text);
    assertThat(e.line()).isEqualTo(lineOf(text, "6 hours"));
    assertThat(e.field()).isEqualTo("/attack/steps/4/at");

    String clock = shipped("session-replay").replace("time: \"09:40\"", "time: \"25:99\"");
    ScenarioFileException c = refusal(dir, clock);
    assertThat(c.line()).isEqualTo(lineOf(clock, "25:99"));
    assertThat(c.field()).isEqualTo("/baseline/changes/0/time");

    String hours = shipped("session-replay").replace("workEnd: \"17:30\"", "workEnd: \"half five\"");
    ScenarioFileException w = refusal(dir, hours);
    assertThat(w.line()).isEqualTo(lineOf(hours, "half five"));
    assertThat(w.field()).isEqualTo("/baseline/workEnd");
  }

  @Test
  void aMissingFieldIsRefusedNamingIt(@TempDir Path dir) throws IOException {
    String noDo = shipped("session-replay").replace("{at: 25m, do: signin, ", "{at: 25m, ");
    ScenarioFileException e = refusal(dir, noDo);
    assertThat(e.line()).isEqualTo(lineOf(noDo, "{at: 25m, user: sam"));
    assertThat(e.field()).isEqualTo("/attack/steps/1/do");

    ScenarioFileException name = refusal(dir, shipped("session-replay").replace("name: session-replay\n", ""));
    assertThat(name.field()).isEqualTo("/name");
    assertThat(name.line()).isPositive();

    String typo = shipped("idp-impersonation").replace("workEnd:", "wrokEnd:");
    ScenarioFileException t = refusal(dir, typo);
    assertThat(t.line()).isEqualTo(lineOf(typo, "wrokEnd"));
    assertThat(t.field()).isEqualTo("/baseline/wrokEnd");
  }

  @Test
  void aStepThatCannotHappenIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
    String text = shipped("oauth-token-theft").replace("token: $TOKEN_NAME", "token: no-such-token");
    ScenarioFileException e = refusal(dir, text);
    assertThat(e.line()).isEqualTo(lineOf(text, "do: api-token.use"));
    assertThat(e.field()).isEqualTo("/attack/steps/5");
    assertThat(e.getMessage()).contains("no-such-token");

    String noRole = shipped("idp-impersonation").replace("name: SUPER_ADMIN, ", "");
    ScenarioFileException r = refusal(dir, noRole);
    assertThat(r.line()).isEqualTo(lineOf(noRole, "do: role.grant"));
    assertThat(r.getMessage()).contains("role.grant").contains("'name'");
  }

  @Test
  void everyShippedScenarioPlaysWithFootholdsAndAnotherVictim() {
    assertThat(Scenarios.names()).hasSizeGreaterThanOrEqualTo(4);
    for (String name : Scenarios.names()) {
      Rehearsal r = Scenarios.rehearse(name, 11, NOW);
      assertThat(r.truth().footholds()).as(name).isNotEmpty();
      assertThat(r.truth().otherVictimIds()).as(name).isNotEmpty();
      assertThat(r.truth().alert().summary()).as(name).isNotBlank();
      // the alert names the user, never the answer
      for (Foothold f : r.truth().footholds()) {
        assertThat(r.truth().alert().summary()).doesNotContain(f.id());
      }
      assertThat(r.seed().events()).isNotEmpty();
    }
  }

  @Test
  void theSessionReplayHasNoAttackerSignIn() {
    Rehearsal r = Scenarios.rehearse("session-replay", 3, NOW);
    Set<String> attackerIps = r.seed().story().attackerIps().stream().collect(Collectors.toSet());
    assertThat(attackerIps).isNotEmpty();
    assertThat(r.seed().events()).filteredOn(e -> attackerIps.contains(e.client().ipAddress()))
        .isNotEmpty()
        .noneMatch(e -> e.eventType().equals("user.session.start"));
  }

  @Test
  void aSeedChangesNamesAddressesAndTimesAndRepeats() {
    for (String name : List.of("contoso-aitm", "session-replay", "oauth-token-theft")) {
      Rehearsal a = Scenarios.rehearse(name, 1, NOW);
      Rehearsal b = Scenarios.rehearse(name, 2, NOW);
      Rehearsal again = Scenarios.rehearse(name, 1, NOW);
      assertThat(a.truth().alert().user()).as(name).isNotEqualTo(b.truth().alert().user());
      assertThat(a.seed().story().attackerIps()).as(name).doesNotContainAnyElementsOf(b.seed().story().attackerIps());
      assertThat(a.truth().attackStart()).as(name).isNotEqualTo(b.truth().attackStart());
      assertThat(again.truth()).isEqualTo(a.truth());
    }
  }

  @Test
  void outsideADrillTheStoryIsUnvaried() {
    assertThat(Scenarios.load(Scenarios.DEFAULT, 2, NOW).story().victimLogin()).isEqualTo("alex@contoso.com");
    assertThat(Scenarios.load("session-replay", 2, NOW).story().victimLogin()).isEqualTo("dana.whitfield@northwind.example");
  }
}
