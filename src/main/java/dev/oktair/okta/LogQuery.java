package dev.oktair.okta;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One System Log query ({@code GET /api/v1/logs}). With {@code until} it is a bounded query
 * (ordered by {@code published}, finite: ends when there is no next link); without it a polling
 * query (ordered by persistence time, never-ending: an empty page means "nothing new yet").
 *
 * @param since lower bound, inclusive
 * @param until upper bound, exclusive; null for a polling query
 * @param filter an Okta filter expression, or null
 * @param q keywords, or null
 * @param limit events per page, 1 to 1000
 */
public record LogQuery(Instant since, Instant until, String filter, String q, int limit) {
  /** The largest page Okta serves, and so the fewest requests per event. */
  public static final int MAX_LIMIT = 1000;

  private static final DateTimeFormatter MILLIS_UTC =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  public LogQuery {
    Objects.requireNonNull(since, "since");
    if (until != null && !until.isAfter(since)) {
      throw new IllegalArgumentException("until (" + until + ") must be after since (" + since + ")");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to 1000: " + limit);
    }
    filter = filter == null || filter.isBlank() ? null : filter;
    q = q == null || q.isBlank() ? null : q;
  }

  /** Returns a bounded query of {@code [since, until)} with pages of 1000. */
  public static LogQuery bounded(Instant since, Instant until, String filter) {
    return new LogQuery(since, Objects.requireNonNull(until, "until"), filter, null, MAX_LIMIT);
  }

  /** Returns a polling query from {@code since} with pages of 1000. */
  public static LogQuery polling(Instant since, String filter) {
    return new LogQuery(since, null, filter, null, MAX_LIMIT);
  }

  /** Returns true when the query has no upper bound (it tails the log). */
  public boolean polling() {
    return until == null;
  }

  /** Returns this query for another window (same filter, keywords and page size). */
  public LogQuery window(Instant newSince, Instant newUntil) {
    return new LogQuery(newSince, newUntil, filter, q, limit);
  }

  /**
   * Returns the query parameters exactly as sent, in order: since, until, filter, q, limit,
   * sortOrder. Times are ISO-8601 UTC with milliseconds.
   */
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("since", format(since));
    if (until != null) {
      p.put("until", format(until));
    }
    if (filter != null) {
      p.put("filter", filter);
    }
    if (q != null) {
      p.put("q", q);
    }
    p.put("limit", Integer.toString(limit));
    p.put("sortOrder", "ASCENDING");
    return p;
  }

  /** Returns an instant as Okta's query parameters take it: UTC, milliseconds, {@code Z}. */
  public static String format(Instant t) {
    return MILLIS_UTC.format(t.truncatedTo(ChronoUnit.MILLIS));
  }
}
