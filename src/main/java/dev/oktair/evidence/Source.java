package dev.oktair.evidence;

import java.util.Map;
import java.util.Objects;

/**
 * Where an evidence file came from: an imported file, or an Okta API query.
 *
 * @param kind {@code import} for a file the analyst gave, {@code okta} for a System Log query
 * @param location the imported file's path, or the org URL queried
 * @param query the query parameters exactly as sent (filter, q, since, until, sortOrder); empty
 *     for imports. Never holds credentials.
 */
public record Source(String kind, String location, Map<String, String> query) {
  public Source {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    query = query == null ? Map.of() : Map.copyOf(query);
  }

  /** Returns the source of a file imported from {@code path}. */
  public static Source imported(String path) {
    return new Source("import", path, Map.of());
  }

  /** Returns the source of a System Log query against {@code orgUrl}. */
  public static Source okta(String orgUrl, Map<String, String> query) {
    return new Source("okta", orgUrl, query);
  }
}
