package dev.oktair.store;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Maps the current row of a result to a value; called once per row, never advances the result.
 *
 * @param <T> the value of one row
 */
@FunctionalInterface
public interface RowMapper<T> {
  /** Returns the value of the current row of {@code rs}. */
  T map(ResultSet rs) throws SQLException;
}
