package dev.oktair.report;

import dev.oktair.store.TimelineSession;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Turns the case database's sessions into the report's timeline: marks the attacker's sessions
 * (by session id, by IP, or by holding an event an attacker finding cites), splits the
 * session-less events into the attacker's and the rest, and lays the sessions out for the chart.
 */
final class TimelineBuilder {
  static final int WIDTH = 960;
  static final int LEFT = 170;
  static final int LANE = 18;
  static final int TOP = 10;
  static final int AXIS = 28;
  /** More lanes than this make an unreadable chart; the tables still list every session. */
  static final int MAX_BARS = 60;
  private static final DateTimeFormatter TICK =
      DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Attribution attribution;
  private final List<Report.Session> sessions = new ArrayList<>();
  private long events;
  private Instant first;
  private Instant last;

  /**
   * Starts a timeline that takes the database's sessions one at a time, keeping of each only what
   * the report shows (its first {@link Report.Session#EVENTS_SHOWN} events): a case's every event
   * at once did not fit the heap (issue 14). Not thread-safe.
   */
  TimelineBuilder(Attribution attribution) {
    this.attribution = attribution;
  }

  static Report.Timeline build(List<TimelineSession> raw, Attribution attribution) {
    TimelineBuilder b = new TimelineBuilder(attribution);
    raw.forEach(b::add);
    return b.build();
  }

  /** Takes the next session, in the database's order; returns true (for a streaming reader). */
  boolean add(TimelineSession s) {
    events += s.events().size();
    first = s.first() != null && (first == null || s.first().isBefore(first)) ? s.first() : first;
    last = s.last() != null && (last == null || s.last().isAfter(last)) ? s.last() : last;
    if (s.session() != null) {
      sessions.add(session(s, s.events(), attacker(s, attribution), s.ips(), s.networks(), s.userAgents()));
    } else {
      List<TimelineSession.Event> theirs = new ArrayList<>();
      List<TimelineSession.Event> rest = new ArrayList<>();
      for (TimelineSession.Event e : s.events()) {
        boolean byAttacker = (e.ip() != null && attribution.ips().containsKey(e.ip()))
            || attribution.cites(e.uuid());
        (byAttacker ? theirs : rest).add(e);
      }
      if (!theirs.isEmpty()) {
        sessions.add(session(s, theirs, true, ipsOf(theirs), List.of(), List.of()));
      }
      if (!rest.isEmpty()) {
        sessions.add(session(s, rest, false, ipsOf(rest), List.of(), List.of()));
      }
    }
    return true;
  }

  Report.Timeline build() {
    return new Report.Timeline(attribution.any(), sessions, chart(sessions));
  }

  /** Returns how many events the sessions taken hold. */
  long events() {
    return events;
  }

  /** Returns the earliest time of the sessions taken, or null. */
  Instant first() {
    return first;
  }

  /** Returns the latest time of the sessions taken, or null. */
  Instant last() {
    return last;
  }

  private static boolean attacker(TimelineSession s, Attribution a) {
    return a.sessions().contains(s.session())
        || s.ips().stream().anyMatch(a.ips()::containsKey)
        || s.events().stream().anyMatch(e -> a.cites(e.uuid()));
  }

  private static Report.Session session(TimelineSession s, List<TimelineSession.Event> events, boolean attacker,
      List<String> ips, List<String> networks, List<String> agents) {
    Instant first = null;
    Instant last = null;
    for (TimelineSession.Event e : events) {
      if (e.published() != null) {
        first = first == null || e.published().isBefore(first) ? e.published() : first;
        last = last == null || e.published().isAfter(last) ? e.published() : last;
      }
    }
    List<TimelineSession.Event> shown = events.size() > Report.Session.EVENTS_SHOWN
        ? events.subList(0, Report.Session.EVENTS_SHOWN) : events;
    return new Report.Session(s.session(), attacker, ips, networks, agents, s.subjects(), first, last, events.size(),
        shown);
  }

  private static List<String> ipsOf(List<TimelineSession.Event> events) {
    LinkedHashSet<String> ips = new LinkedHashSet<>();
    events.forEach(e -> {
      if (e.ip() != null) {
        ips.add(e.ip());
      }
    });
    return List.copyOf(ips);
  }

  static Report.Chart chart(List<Report.Session> sessions) {
    List<Report.Session> timed = sessions.stream().filter(s -> s.first() != null).limit(MAX_BARS).toList();
    int height = TOP + Math.max(1, timed.size()) * LANE + AXIS;
    if (timed.isEmpty()) {
      return new Report.Chart(WIDTH, height, null, null, List.of(), List.of());
    }
    Instant start = timed.stream().map(Report.Session::first).min(Instant::compareTo).orElseThrow();
    Instant end = timed.stream().map(Report.Session::last).max(Instant::compareTo).orElseThrow();
    long span = Math.max(1, Duration.between(start, end).toMillis());
    int plot = WIDTH - LEFT - 10;
    List<Report.Bar> bars = new ArrayList<>();
    for (int i = 0; i < timed.size(); i++) {
      Report.Session s = timed.get(i);
      int x = LEFT + (int) (plot * Duration.between(start, s.first()).toMillis() / span);
      int x2 = LEFT + (int) (plot * Duration.between(start, s.last()).toMillis() / span);
      String label = s.session() != null ? s.session() : s.ips().isEmpty() ? "no session" : s.ips().get(0);
      bars.add(new Report.Bar(x, TOP + i * LANE, Math.max(4, x2 - x), s.attacker(), label, s.eventCount()));
    }
    List<Report.Tick> ticks = new ArrayList<>();
    for (int i = 0; i <= 4; i++) {
      Instant at = start.plusMillis(span * i / 4);
      ticks.add(new Report.Tick(LEFT + plot * i / 4, TICK.format(at)));
    }
    return new Report.Chart(WIDTH, height, start, end, bars, ticks);
  }
}
