package dev.oktair.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlTextTest {
  @ParameterizedTest
  @ValueSource(strings = {
    "PIVOT events ON outcome_result USING count(*)",
    "PIVOT events ON outcome_result USING count(*);",
    "PIVOT events ON outcome_result USING count(*) ; ; -- done",
    "PIVOT (SELECT ';' AS a) ON a USING count(*)",
    "PIVOT (SELECT 'it''s;' AS a) ON a USING count(*)",
    "PIVOT (SELECT E'\\';' AS a) ON a USING count(*)",
    "PIVOT (SELECT E'\\'; DROP TABLE events; SELECT ''' AS a) ON a USING count(*)",
    "PIVOT (SELECT $$;$$ AS a, $t$ ; $t$ AS b) ON a USING count(*)",
    "PIVOT (SELECT 1 AS \"x;\") ON \"x;\" USING count(*) /* ; /* nested ; */ still ; */",
    "PIVOT t ON a -- ; DROP TABLE events\n USING count(*)",
  })
  void oneStatement(String sql) {
    assertThat(SqlText.singleStatement(sql)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "PIVOT t ON a USING count(*); DROP TABLE events",
    "PIVOT t ON a USING count(*)); DROP TABLE events; SELECT (1",
    "PIVOT (SELECT 'unterminated) ON a",
    "PIVOT (SELECT '\\'; DROP TABLE events; SELECT 1) ON a",
    "PIVOT t ON a /* unterminated",
    "PIVOT t ON a USING count(*) /* a */ ; SELECT 1",
    "PIVOT (SELECT $x$ ; ) ON a",
    "",
    " ; ",
  })
  void notOneStatement(String sql) {
    assertThat(SqlText.singleStatement(sql)).isFalse();
  }
}
