package dev.oktair.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktair.http.Mutation;
import dev.oktair.sim.FaultSpec;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.RequestJournal;
import dev.oktair.sim.SimulatorOptions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 8: a mutating POST whose answer is lost after Okta applied it (the simulator's
 * after-commit fault) is never sent twice; with a check it ends "done, checked", without one it
 * fails saying the outcome is unknown.
 */
class OktaMutationIT {
  private static final String SUSPEND = "/api/v1/users/" + SimFixtures.BOB + "/lifecycle/suspend";
  private final ScaledTime time = new ScaledTime(SimFixtures.NOW, 1);
  private OktaSimulator sim;

  @AfterEach
  void close() {
    sim.close();
  }

  private OktaClient client(String faults) {
    sim = OktaSimulator.start(SimulatorOptions.builder().seed(SimFixtures.seed(List.of())).clock(time)
        .faults(FaultSpec.parse(faults)).randomSeed(1).build());
    return OktaClient.builder(OktaConfig.ssws(sim.baseUrl(), sim.apiToken())).clock(time).sleeper(time).build();
  }

  private long posts() {
    return SimFixtures.requests(sim).stream().filter(e -> e.method().equals("POST")).count();
  }

  @Test
  void aLostAnswerAfterTheChangeEndsDoneCheckedAndIsNotSentTwice() {
    OktaClient client = client("applied-reset=1");
    Mutation.Result r = client.post(SUSPEND, null,
        () -> client.get("/api/v1/users/" + SimFixtures.BOB).json().path("status").asString().equals("SUSPENDED"));
    assertThat(r.state()).isEqualTo(Mutation.State.UNKNOWN_CHECKED_DONE);
    assertThat(posts()).isEqualTo(1);
    assertThat(SimFixtures.requests(sim)).extracting(RequestJournal.Entry::toString)
        .containsExactly("POST " + SUSPEND + " -> 0", "GET /api/v1/users/" + SimFixtures.BOB + " -> 200");
  }

  @Test
  void withoutACheckALostAnswerFailsSayingTheOutcomeIsUnknown() {
    OktaClient client = client("applied-reset=1");
    assertThatThrownBy(() -> client.post(SUSPEND, null))
        .isInstanceOf(OktaException.class)
        .hasMessageContaining("the outcome is unknown")
        .hasMessageNotContaining(sim.apiToken());
    assertThat(posts()).isEqualTo(1);
  }

  @Test
  void anErrorAnswerIsReportedAsFailedWithOktasException() {
    OktaClient client = client("none");
    Mutation.Result r = client.post("/api/v1/users/00unobody/lifecycle/suspend", null, () -> false);
    assertThat(r.state()).isEqualTo(Mutation.State.FAILED);
    assertThat(r.failure()).isInstanceOfSatisfying(OktaApiException.class, e -> assertThat(e.isNotFound()).isTrue());
    assertThatThrownBy(r::orThrow).isSameAs(r.failure());
  }

  @Test
  void aDoneResultReadsAsAnOktaResponse() {
    OktaClient client = client("none");
    Mutation.Result r = client.post(SUSPEND, null, () -> false);
    assertThat(r.state()).isEqualTo(Mutation.State.DONE);
    assertThat(OktaResponse.of(r.response()).requestId()).startsWith("req");
  }
}
