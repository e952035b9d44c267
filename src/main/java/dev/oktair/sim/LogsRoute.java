package dev.oktair.sim;

import dev.oktair.events.LogEvent;
import dev.oktair.events.Times;
import dev.oktair.events.filter.EventFilter;
import dev.oktair.events.filter.FilterParseException;
import dev.oktair.events.filter.KeywordQuery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code GET /api/v1/logs}: bounded and polling queries with Okta's semantics (okta-api.md
 * §2.1-2.3, 2.7): bounded = ordered by published, since inclusive, until exclusive, finite;
 * polling = no until and ascending, ordered by persistence, a next link always; 90-day
 * retention; {@code since} older than 180 days rejected.
 */
final class LogsRoute implements Router.Routes {
  static final Duration RETENTION = Duration.ofDays(90);
  static final Duration MAX_SINCE_AGE = Duration.ofDays(180);
  static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

  private final LogStore store;
  private final Clock clock;
  private final PoisonedEvents poison;

  LogsRoute(LogStore store, Clock clock, PoisonedEvents poison) {
    this.store = store;
    this.clock = clock;
    this.poison = poison;
  }

  @Override
  public void register(Router router) {
    router.add("GET", "/api/v1/logs", "okta.logs.read", true, this::list);
  }

  private Response list(Request r) {
    Instant now = clock.instant();
    int limit = r.queryInt("limit", 100, 0, 1000);
    boolean descending = sortOrder(r.query("sortOrder"));
    Instant since = time(r, "since");
    Instant until = time(r, "until");
    if (since != null && since.isBefore(now.minus(MAX_SINCE_AGE))) {
      throw ApiException.invalidParameter("The since parameter is over 180 days prior to the current day.");
    }
    boolean polling = until == null && !descending;
    Instant untilEff = polling ? null : until != null ? until : now;
    Instant sinceEff = since != null ? since : (polling ? now : untilEff).minus(DEFAULT_WINDOW);
    String filter = r.query("filter");
    String q = r.query("q");
    Predicate<LogEvent> match = matcher(filter, q);
    String fingerprint = LogCursor.fingerprint(
        polling ? "poll" : "bounded", descending ? "DESC" : "ASC", untilEff == null ? "" : untilEff.toString(), filter, q);
    Integer after = after(r.query("after"), fingerprint, polling);
    long retentionCut = now.minus(RETENTION).toEpochMilli();
    LogStore.Page page = polling
        ? store.polling(sinceEff.toEpochMilli(), retentionCut, after, match, limit)
        : store.bounded(Math.max(sinceEff.toEpochMilli(), retentionCut), untilEff.toEpochMilli(), descending, after, match, limit);
    Response response = Response.bytes(200, body(page));
    response.header("Link", "<" + r.url() + ">; rel=\"self\"");
    if (page.nextSeq() != null) {
      Map<String, String> next = new LinkedHashMap<>();
      next.put("since", Ids.time(sinceEff));
      if (untilEff != null) {
        next.put("until", Ids.time(untilEff));
      }
      next.put("filter", filter);
      next.put("q", q);
      next.put("limit", Integer.toString(limit));
      next.put("sortOrder", descending ? "DESCENDING" : "ASCENDING");
      next.put("after", new LogCursor(page.nextSeq(), fingerprint).encode());
      response.header("Link", "<" + r.baseUrl() + "/api/v1/logs?" + query(next) + ">; rel=\"next\"");
    }
    return response;
  }

  private static boolean sortOrder(String value) {
    if (value == null || value.equals("ASCENDING")) {
      return false;
    }
    if (value.equals("DESCENDING")) {
      return true;
    }
    throw ApiException.validation("sortOrder", "sortOrder: must be ASCENDING or DESCENDING");
  }

  private static Instant time(Request r, String name) {
    String text = r.query(name);
    if (text == null || text.isEmpty()) {
      return null;
    }
    // an unencoded '+' in an offset arrives as a space
    String t = text.length() > 10 && text.charAt(10) == 'T' ? text.replace(' ', '+') : text;
    Instant parsed = Times.parsePublished(t);
    if (parsed == null) {
      throw ApiException.validation(name, name + ": The date format is invalid. It must be in ISO 8601 format.");
    }
    return parsed;
  }

  private Integer after(String text, String fingerprint, boolean polling) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    LogCursor cursor = LogCursor.decode(text);
    boolean valid = cursor.fingerprint().equals(fingerprint)
        && (store.exists(cursor.seq()) || (polling && cursor.seq() == -1));
    if (!valid) {
      throw LogCursor.invalid();
    }
    return cursor.seq();
  }

  /** Compiles filter and q with the same code the CLI uses; Okta's 400 when either is bad. */
  private static Predicate<LogEvent> matcher(String filter, String q) {
    Predicate<LogEvent> match = e -> true;
    if (filter != null && !filter.isBlank()) {
      try {
        EventFilter f = EventFilter.parse(filter);
        match = match.and(f::test);
      } catch (FilterParseException e) {
        throw rejected(e);
      }
    }
    if (q != null && !q.isBlank()) {
      try {
        KeywordQuery k = KeywordQuery.parse(q);
        match = match.and(k::test);
      } catch (FilterParseException e) {
        throw rejected(e);
      }
    }
    return match;
  }

  /** Okta's 400 for a filter or q it rejects: the parser's own code and summary. */
  private static ApiException rejected(FilterParseException e) {
    return new ApiException(400, e.errorCode(), e.errorSummary(), List.of());
  }

  private byte[] body(LogStore.Page page) {
    int size = 2;
    for (LogEvent e : page.events()) {
      size += e.rawLength() + 1;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(size);
    out.write('[');
    try {
      boolean first = true;
      for (LogEvent e : page.events()) {
        if (!first) {
          out.write(',');
        }
        first = false;
        poison.write(e, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write(']');
    return out.toByteArray();
  }

  private static String query(Map<String, String> params) {
    StringBuilder sb = new StringBuilder();
    params.forEach((k, v) -> {
      if (v != null) {
        if (sb.length() > 0) {
          sb.append('&');
        }
        sb.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
      }
    });
    return sb.toString();
  }
}
