package dev.oktair.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy =
      new RetryPolicy(8, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofMinutes(1));

  @Test
  void doublesFromTheBaseAndJittersWithinTheUpperHalf() {
    assertThat(policy.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.backoff(1, 0.999)).isBetween(Duration.ofMillis(199), Duration.ofMillis(200));
    assertThat(policy.backoff(2, 0.0)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.backoff(3, 0.5)).isEqualTo(Duration.ofMillis(600));
    assertThat(policy.backoff(5, 0.0)).isEqualTo(Duration.ofMillis(1600));
  }

  @Test
  void isCappedAndNeverOverflows() {
    assertThat(policy.backoff(6, 0.0)).isEqualTo(Duration.ofMillis(2500));
    assertThat(policy.backoff(6, 0.9999)).isLessThanOrEqualTo(Duration.ofSeconds(5));
    assertThat(policy.backoff(60, 0.0)).isEqualTo(Duration.ofMillis(2500));
    assertThat(policy.backoff(Integer.MAX_VALUE, 0.5)).isLessThanOrEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> policy.backoff(0, 0.1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
