package dev.oktair.sim;

import static dev.oktair.sim.TestTenant.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** The after-commit fault: the change is made, then the connection is dropped without an answer. */
class AppliedResetTest {
  private OktaSimulator start(String faults) {
    return OktaSimulator.start(SimulatorOptions.builder().seed(TestTenant.seed(10)).clock(SimClock.at(TestTenant.NOW))
        .faults(FaultSpec.parse(faults)).randomSeed(42).build());
  }

  @Test
  void aMutationIsAppliedThenItsAnswerIsLost() {
    try (OktaSimulator sim = start("applied-reset=1")) {
      SimHttp http = new SimHttp(sim);
      assertThatThrownBy(() -> http.post("/api/v1/users/" + BOB + "/lifecycle/suspend", null))
          .isInstanceOf(UncheckedIOException.class);
      assertThat(sim.tenant().user(BOB).orElseThrow().path("status").asString()).isEqualTo("SUSPENDED");
      assertThat(sim.events()).anyMatch(e -> e.eventType().equals("user.lifecycle.suspend"));
      assertThat(sim.journal().mutating()).singleElement().matches(e -> e.status() == 0);
      // a read that draws the fault is answered: only a change can be lost after it was made
      assertThat(http.get("/api/v1/users/" + BOB).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void isDeterministicForTheSeed() {
    String[] outcomes = new String[2];
    for (int run = 0; run < 2; run++) {
      try (OktaSimulator sim = start("applied-reset=0.5")) {
        SimHttp http = new SimHttp(sim);
        for (int i = 0; i < 8; i++) {
          try {
            http.post("/api/v1/users/" + BOB + "/lifecycle/" + (i % 2 == 0 ? "suspend" : "unsuspend"), null);
          } catch (UncheckedIOException dropped) {
            // the answer was lost
          }
        }
        outcomes[run] = sim.journal().mutating().stream().map(e -> Integer.toString(e.status())).toList().toString();
      }
    }
    assertThat(outcomes[0]).isEqualTo(outcomes[1]).contains("0").contains("200");
  }
}
