package dev.oktair.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The table of containment calls: paths filled and encoded, each write with a scope, bucket and read-back. */
class OperationTest {
  @Test
  void fillsAndEncodesPathVariablesReusingRepeatedNames() {
    assertThat(Operation.DELETE_FACTOR.path("00u1", "opf/2")).isEqualTo("/api/v1/users/00u1/factors/opf%2F2");
    assertThat(Operation.CLEAR_SESSIONS.path("00u1")).isEqualTo("/api/v1/users/00u1/sessions?oauthTokens=true");
    assertThat(Operation.LIST_USER_APPS.path("00u1"))
        .isEqualTo("/api/v1/apps?limit=200&filter=user.id+eq+%2200u1%22&expand=user%2F00u1");
  }

  @Test
  void refusesTheWrongNumberOfValues() {
    assertThatThrownBy(() -> Operation.DELETE_FACTOR.path("00u1")).hasMessageContaining("factorId");
    assertThatThrownBy(() -> Operation.GET_USER.path("a", "b")).hasMessageContaining("takes 1");
  }

  @Test
  void everyWriteNamesAManageScopeABucketAndItsReadBack() {
    for (Operation op : Operation.values()) {
      assertThat(op.bucket()).startsWith("/");
      if (op.mutating()) {
        assertThat(op.scope()).as(op.name()).endsWith(".manage");
        assertThat(op.readBack()).as(op.name()).isNotBlank();
      } else {
        assertThat(op.readBack()).isNull();
      }
    }
  }
}
