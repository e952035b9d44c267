package dev.oktair.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Scenario files are read strictly and their durations exactly. */
class ScenarioFileTest {
  @Test
  void durationsAddUpAndMayBeNegative() {
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("2h30m")).isEqualTo(Duration.ofMinutes(150));
    assertThat(Durations.parse("-3d")).isEqualTo(Duration.ofDays(-3));
    assertThat(Durations.parse("26h2m")).isEqualTo(Duration.ofMinutes(26 * 60 + 2));
    assertThatThrownBy(() -> Durations.parse("3 days")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 days");
  }

  @Test
  void anUnknownKeyIsAnErrorNamingIt() {
    String yaml = "name: x\norg: {name: X, domain: x.com, oktaDomain: x.okta.com}\nusers: {count: 1}\n"
        + "baseline: {days: 5, workStart: '09:00', workEnd: '17:00', chnages: []}\n";
    assertThatThrownBy(() -> Scenarios.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "x.yaml"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.yaml").hasMessageContaining("chnages");
  }

  @Test
  void retentionCapsTheBaselineAtNinetyDays() {
    String yaml = "name: x\norg: {name: X, domain: x.com, oktaDomain: x.okta.com}\nusers: {count: 1}\n"
        + "baseline: {days: 120, workStart: '09:00', workEnd: '17:00'}\n";
    assertThatThrownBy(() -> Scenarios.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "x.yaml"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("90");
  }

  @Test
  void anUnknownStepActionFailsNamingTheStep() {
    ScenarioSpec spec = Scenarios.spec(Scenarios.DEFAULT);
    ScenarioSpec.Step bad = new ScenarioSpec.Step("1h", null, "user.teleport", "alex@contoso.com", null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, false);
    ScenarioSpec broken = new ScenarioSpec(spec.name(), spec.description(), spec.org(), spec.networks(), spec.devices(),
        spec.users(), spec.groups(), spec.apps(), spec.security(), spec.baseline(),
        new ScenarioSpec.Attack("-1d", spec.attack().victims(), java.util.List.of(bad)));
    assertThatThrownBy(() -> Engine.run(broken, 1, Instant.parse("2025-06-14T15:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user.teleport");
  }

  /** The spec read from the check's tokens is the one the text binds to: one scan, same story. */
  @Test
  void everyScenarioReadsFromItsTokensAsFromItsText() throws Exception {
    for (String name : Scenarios.names()) {
      String resource = "/dev/oktair/sim/scenarios/" + name + ".yaml";
      String text;
      try (var in = Scenarios.class.getResourceAsStream(resource)) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      ScenarioFile file = ScenarioFile.read(text, resource);
      assertThat(file.tree()).as(name).isEqualTo(new tools.jackson.dataformat.yaml.YAMLMapper().readTree(text));
      if (file.drill().pick().isEmpty()) {
        assertThat(file.spec()).as(name).isEqualTo(ScenarioFile.bind(text, resource));
      }
    }
  }
}
