package dev.oktair.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretTest {
  @Test
  void printsMaskedAndMasksItselfInText() {
    Secret s = Secret.of("00aBcDeFgHiJkLmNoP");
    assertThat(s).hasToString("<masked>");
    assertThat(Secret.mask("{\"echo\":\"SSWS 00aBcDeFgHiJkLmNoP\"}", List.of(s))).isEqualTo("{\"echo\":\"SSWS <masked>\"}");
    assertThat(Secret.of(null)).isNull();
  }

  @Test
  void doesNotMaskValuesTooShortToBeCredentials() {
    assertThat(Secret.mask("a b c", List.of(Secret.of("b")))).isEqualTo("a b c");
  }
}
