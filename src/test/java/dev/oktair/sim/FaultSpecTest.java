package dev.oktair.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultSpecTest {
  @Test
  void parsesEveryKey() {
    FaultSpec f = FaultSpec.parse("429=0.1,500=0.05,503=0.01,reset=0.02,latency=150ms,jitter=0.05s,token=true");
    assertThat(f).isEqualTo(new FaultSpec(0.1, 0.05, 0.01, 0.02, Duration.ofMillis(150), Duration.ofMillis(50), true));
    assertThat(f.active()).isTrue();
  }

  @Test
  void emptyAndNoneInjectNothing() {
    assertThat(FaultSpec.parse("")).isEqualTo(FaultSpec.none());
    assertThat(FaultSpec.parse("none").active()).isFalse();
  }

  @Test
  void errorsQuoteTheSpecAndTheEntry() {
    assertThatThrownBy(() -> FaultSpec.parse("429=0.1,bogus=1")).hasMessageContaining("'429=0.1,bogus=1'")
        .hasMessageContaining("unknown key 'bogus'");
    assertThatThrownBy(() -> FaultSpec.parse("latency=fast")).hasMessageContaining("'fast' is not valid");
    assertThatThrownBy(() -> FaultSpec.parse("500")).hasMessageContaining("expected key=value");
    assertThatThrownBy(() -> FaultSpec.parse("429=1.5")).hasMessageContaining("not between 0 and 1");
    assertThatThrownBy(() -> FaultSpec.parse("429=0.6,500=0.6")).hasMessageContaining("more than 1");
  }

  @Test
  void parsesTheAfterCommitFault() {
    FaultSpec f = FaultSpec.parse("reset=0.1,applied-reset=0.2");
    assertThat(f.appliedResetRate()).isEqualTo(0.2);
    assertThat(f.resetRate()).isEqualTo(0.1);
    assertThat(f.active()).isTrue();
    assertThatThrownBy(() -> FaultSpec.parse("reset=0.6,applied-reset=0.6")).hasMessageContaining("more than 1");
    assertThatThrownBy(() -> FaultSpec.parse("applied=0.1")).hasMessageContaining("applied-reset");
  }

  @Test
  void parsesPoisonedEventsOutsideTheSumOfTheRequestRates() {
    FaultSpec f = FaultSpec.parse("500=1,poison=0.5");
    assertThat(f.poisonRate()).isEqualTo(0.5);
    assertThat(FaultSpec.parse("poison=0.01").active()).isTrue();
    assertThatThrownBy(() -> FaultSpec.parse("poison=2")).hasMessageContaining("not between 0 and 1");
    assertThatThrownBy(() -> FaultSpec.parse("bogus=1")).hasMessageContaining("poison");
  }
}
