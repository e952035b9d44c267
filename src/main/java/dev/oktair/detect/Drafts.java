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
 * Findings proposed during a pass, resolved into {@link Finding}s once the attacker's
 * infrastructure is known: a proposal is raised to its detection's severity when one of its
 * events is attributed to the attacker or lies inside the subject's compromise window, and keeps
 * its lower base severity otherwise; an analyst's window counts as every subject's. Not thread-safe.
 */
public final class Drafts {
  private final List<Draft> drafts = new ArrayList<>();

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
    drafts.add(new Draft(d, base, subject, summary, List.copyOf(events), new LinkedHashMap<>(facts)));
  }

  List<Finding> resolve(Infra infra, Instant windowStart, Instant windowEnd) {
    List<Finding> out = new ArrayList<>();
    // a subject's window walks every source, session and token of theirs: once per subject, not per
    // draft (a real-shaped case has users with thousands of addresses and thousands of drafts each)
    Map<String, Span> windows = new HashMap<>();
    for (Draft d : drafts) {
      boolean attributed = d.events.stream().anyMatch(infra::attributed);
      Span window = d.subject == null ? null : windowOf(d.subject, infra, windows);
      boolean inWindow = window != null && d.events.stream().anyMatch(e -> window.contains(e.published()))
          || windowStart != null && d.events.stream().anyMatch(e -> e.published() != null
              && !e.published().isBefore(windowStart) && !e.published().isAfter(windowEnd));
      Severity sev = attributed || inWindow ? max(d.base, d.detection.severity()) : d.base;
      Map<String, String> facts = new LinkedHashMap<>(d.facts);
      if (attributed) {
        facts.put("attacker", "true");
        d.events.stream().filter(infra::attributed).map(Seen::ip).filter(ip -> ip != null).findFirst()
            .ifPresent(ip -> facts.putIfAbsent("ip", ip));
      }
      facts.values().removeIf(v -> v == null);
      List<Citation> cites = new ArrayList<>();
      d.events.stream().map(Seen::citation).distinct().forEach(cites::add);
      Instant first = d.events.stream().map(Seen::published).filter(t -> t != null).min(Comparator.naturalOrder()).orElse(null);
      Instant last = d.events.stream().map(Seen::published).filter(t -> t != null).max(Comparator.naturalOrder()).orElse(null);
      out.add(new Finding(FindingIds.of(d.detection.id(), d.subject, cites), d.detection.id(), sev,
          d.detection.title(), d.summary, d.subject, first, last, d.detection.technique(),
          d.detection.recommendation(), cites, facts));
    }
    out.sort(FindingIds.ORDER);
    return out;
  }

  private static Span windowOf(String subject, Infra infra, Map<String, Span> windows) {
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

  private record Draft(Detection detection, Severity base, String subject, String summary, List<Seen> events,
      Map<String, String> facts) {}

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
