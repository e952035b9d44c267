package dev.oktair.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Findings proposed as the scans finish, each resolved into a {@link Finding} at once (attribution
 * is final when the pass has seen its last event): a proposal is raised to its detection's
 * severity when one of its events is attributed to the attacker or lies inside the subject's
 * compromise window, and keeps its lower base severity otherwise; an analyst's window counts as
 * every subject's. Resolving at once, not after every scan, keeps one finding per proposal in
 * memory rather than the proposal and its kept events too (on the real-shaped 1 GB, 317k of each).
 * Not thread-safe.
 */
public final class Drafts {
  private final Infra infra;
  private final Instant windowStart;
  private final Instant windowEnd;
  private final List<Finding> findings = new ArrayList<>();
  /**
   * A subject's window walks every source, session and token of theirs: once per subject, not per
   * proposal (a real-shaped case has users with thousands of addresses and thousands of proposals each).
   */
  private final Map<String, Span> windows = new HashMap<>();

  Drafts(Infra infra, Instant windowStart, Instant windowEnd) {
    this.infra = infra;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
  }

  /**
   * Proposes a finding.
   *
   * @param d the detection
   * @param base the severity when nothing ties it to the attacker
   * @param subject the affected login, or null
   * @param summary plain language
   * @param events the events it rests on, at least one
   * @param facts documented facts keys (see {@link Finding})
   */
  public void add(Detection d, Severity base, String subject, String summary, List<Seen> events, Map<String, String> facts) {
    boolean attributed = events.stream().anyMatch(infra::attributed);
    Span window = subject == null ? null : windowOf(subject);
    boolean inWindow = window != null && events.stream().anyMatch(e -> window.contains(e.published()))
        || windowStart != null && events.stream().anyMatch(e -> e.published() != null
            && !e.published().isBefore(windowStart) && !e.published().isAfter(windowEnd));
    Severity sev = attributed || inWindow ? max(base, d.severity()) : base;
    Map<String, String> all = new LinkedHashMap<>(facts);
    if (attributed) {
      all.put("attacker", "true");
      events.stream().filter(infra::attributed).map(Seen::ip).filter(ip -> ip != null).findFirst()
          .ifPresent(ip -> all.putIfAbsent("ip", ip));
    }
    all.values().removeIf(v -> v == null);
    List<Citation> cites = new ArrayList<>();
    events.stream().map(Seen::citation).distinct().forEach(cites::add);
    Instant first = events.stream().map(Seen::published).filter(t -> t != null).min(Comparator.naturalOrder()).orElse(null);
    Instant last = events.stream().map(Seen::published).filter(t -> t != null).max(Comparator.naturalOrder()).orElse(null);
    findings.add(new Finding(FindingIds.of(d.id(), subject, cites), d.id(), sev, d.title(), summary, subject, first, last,
        d.technique(), d.recommendation(), cites, all));
  }

  /** Returns the findings, most severe first. */
  List<Finding> findings() {
    findings.sort(FindingIds.ORDER);
    return findings;
  }

  private Span windowOf(String subject) {
    if (windows.containsKey(subject)) {
      return windows.get(subject); // null too: a subject with no attributed activity
    }
    Span w = infra.window(subject);
    windows.put(subject, w);
    return w;
  }

  private static Severity max(Severity a, Severity b) {
    return a.atLeast(b) ? a : b;
  }

  /** Sorted, distinct values joined for a summary. */
  static String join(Iterable<String> values) {
    TreeSet<String> s = new TreeSet<>();
    values.forEach(v -> {
      if (v != null) {
        s.add(v);
      }
    });
    return String.join(", ", s);
  }
}
