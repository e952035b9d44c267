package dev.oktair.report;

import dev.oktair.detect.Finding;
import dev.oktair.detect.Severity;
import dev.oktair.store.TimelineSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A report as the human renderers (HTML, Markdown) show it: every table up to {@link #LIMIT} rows
 * in full, the rest counted and pointed to. A case of 317k findings wrote 296 MB of HTML that no
 * browser opens (issue 14); a responder needs each detection's size and the worst findings, and
 * report.json and findings.json, which stay complete, hold the rest. Below the limit every table
 * is the report's own list, so the page is what it always was. Immutable.
 *
 * @param report the whole report
 * @param limit how many rows a table shows in full
 */
public record ReportView(Report report, int limit) {
  /** Rows a table shows in full: a page of a few MB, which a browser opens at once. */
  static final int LIMIT = 2_000;

  /** Examples of each detection in the summary of a cut findings table. */
  static final int EXAMPLES = 3;

  /** Subjects named per detection in that summary; the count says how many there are. */
  static final int SUBJECTS = 10;

  public ReportView {
    Objects.requireNonNull(report, "report");
    if (limit < 1) {
      throw new IllegalArgumentException("a table shows at least one row: " + limit);
    }
  }

  /** Returns the view of {@code report} at the default limit. */
  static ReportView of(Report report) {
    return new ReportView(report, LIMIT);
  }

  /** Returns the findings shown, the most severe first (the report's order). Only when findings are present. */
  public Rows<Finding> findings() {
    return Rows.of(report.findings().content(), limit);
  }

  /** Returns the policy-gap findings shown. Only when the section is present. */
  public Rows<Finding> policyGaps() {
    return Rows.of(report.policyGaps().content(), limit);
  }

  /** Returns the attacker IPs shown, in the order the most severe findings name them. */
  public Rows<Report.Host> infrastructure() {
    return Rows.of(report.infrastructure(), limit);
  }

  /** Returns the rogue objects shown. Only when the section is present. */
  public Rows<Report.Artefact> artefacts() {
    return Rows.of(report.artefacts().content(), limit);
  }

  /**
   * Returns the sessions shown: all of them in time order when they fit; else the attacker's first
   * (the ones a responder is looking for), then the user's, each in time order.
   */
  public Rows<Report.Session> sessions() {
    List<Report.Session> all = report.timeline().sessions();
    if (all.size() <= limit) {
      return Rows.of(all, limit);
    }
    List<Report.Session> ordered = new ArrayList<>(all);
    ordered.sort(Comparator.comparing(s -> !s.attacker())); // stable: time order kept within each
    return Rows.of(ordered, limit);
  }

  /** Returns how many of the sessions not shown are the attacker's. */
  public long attackerSessionsHidden() {
    return report.timeline().sessions().stream().filter(Report.Session::attacker).count()
        - sessions().shown().stream().filter(Report.Session::attacker).count();
  }

  /**
   * Returns the events of the attacker's sessions that are listed: each session's first {@link
   * Report.Session#EVENTS_SHOWN}, in session order. {@link Rows#total} is every event those sessions
   * hold, so a cut list names how many the timeline has beyond it.
   */
  public Rows<TimelineSession.Event> attackerEvents() {
    List<TimelineSession.Event> listed = new ArrayList<>();
    long total = 0;
    for (Report.Session s : report.timeline().sessions()) {
      if (s.attacker()) {
        total += s.eventCount();
        if (listed.size() <= limit) {
          listed.addAll(s.events());
        }
      }
    }
    // Cut only when the list itself is too long: below that the page lists what it always did.
    return listed.size() <= limit ? new Rows<>(listed, listed.size())
        : new Rows<>(listed.subList(0, limit), total);
  }

  /**
   * Returns one line per detection when the findings table is cut (none otherwise): its count,
   * worst severity, subjects, first and last time and a few examples, the most severe and largest first.
   */
  public List<Detection> detections() {
    if (!report.findings().present() || !findings().cut()) {
      return List.of();
    }
    Map<String, Detection.Builder> byDetection = new LinkedHashMap<>();
    for (Finding f : report.findings().content()) {
      byDetection.computeIfAbsent(f.detection(), d -> new Detection.Builder(f)).add(f);
    }
    return byDetection.values().stream().map(Detection.Builder::build)
        .sorted(Comparator.comparing(Detection::severity).reversed()
            .thenComparing(Comparator.comparingLong(Detection::count).reversed())
            .thenComparing(Detection::detection))
        .toList();
  }

  /** Returns the note above a cut findings table. */
  public String findingsNote() {
    return note(findings(), "findings", "the %s most severe are shown in full", "report.json and findings.json hold");
  }

  /** Returns the note above a cut policy-gap table. */
  public String policyGapsNote() {
    return note(policyGaps(), "policy-gap findings", "the %s most severe are shown in full",
        "report.json and findings.json hold");
  }

  /** Returns the note above a cut infrastructure table. */
  public String infrastructureNote() {
    return note(infrastructure(), "attacker IPs", "the %s named by the most severe findings are shown",
        "report.json holds");
  }

  /** Returns the note above a cut rogue-object table. */
  public String artefactsNote() {
    return note(artefacts(), "rogue objects", "the %s named by the most severe findings are shown",
        "report.json and findings.json hold");
  }

  /** Returns the note above a cut sessions table. */
  public String sessionsNote() {
    return note(sessions(), "sessions", "%s are shown, the attacker's first", "report.json holds")
        .replace(" are not shown here", " (" + ReportText.count(attackerSessionsHidden()) + " of them the attacker's)"
            + " are not shown here");
  }

  /** Returns the note above a cut list of the attacker's events. */
  public String attackerEventsNote() {
    return note(attackerEvents(), "events in the attacker's sessions", "the first %s are listed",
        "the Timesketch timeline (timesketch.jsonl) and okta-ir timeline hold");
  }

  /** "317,662 findings; the 2,000 most severe are shown in full. 315,662 findings are not shown here: ... every one." */
  private static String note(Rows<?> rows, String noun, String which, String holders) {
    return ReportText.count(rows.total()) + " " + noun + "; " + String.format(java.util.Locale.ROOT, which,
        ReportText.count(rows.shown().size())) + ". " + ReportText.count(rows.hidden()) + " " + noun
        + " are not shown here: " + holders + " every one.";
  }

  /**
   * The rows of one table a page shows.
   *
   * @param shown the rows shown in full
   * @param total how many rows the report holds
   * @param <T> a row
   */
  public record Rows<T>(List<T> shown, long total) {
    public Rows {
      shown = List.copyOf(shown);
      if (total < shown.size()) {
        throw new IllegalArgumentException("fewer rows in all than shown: " + total);
      }
    }

    static <T> Rows<T> of(List<T> all, int limit) {
      return new Rows<>(all.size() <= limit ? all : all.subList(0, limit), all.size());
    }

    /** Returns true when some rows are not shown. */
    public boolean cut() {
      return total > shown.size();
    }

    /** Returns how many rows are not shown. */
    public long hidden() {
      return total - shown.size();
    }
  }

  /**
   * One detection's findings at a glance.
   *
   * @param detection the detection's id
   * @param title the title of its most severe finding
   * @param severity its most severe finding's severity
   * @param count how many findings it raised
   * @param subjects the first {@link #SUBJECTS} subjects it names, sorted
   * @param subjectCount how many subjects it names
   * @param first its earliest finding's first time, null when none has one
   * @param last its latest finding's last time, null when none has one
   * @param examples its first {@link #EXAMPLES} findings in the report's order (the most severe)
   */
  public record Detection(String detection, String title, Severity severity, long count, List<String> subjects,
      int subjectCount, Instant first, Instant last, List<Finding> examples) {
    public Detection {
      subjects = List.copyOf(subjects);
      examples = List.copyOf(examples);
    }

    /** Collects one detection's findings, taken in the report's order (most severe first). */
    private static final class Builder {
      private final Finding head;
      private final TreeSet<String> subjects = new TreeSet<>();
      private final List<Finding> examples = new ArrayList<>();
      private long count;
      private Instant first;
      private Instant last;

      Builder(Finding head) {
        this.head = head;
      }

      void add(Finding f) {
        count++;
        if (f.subject() != null) {
          subjects.add(f.subject());
        }
        if (examples.size() < EXAMPLES) {
          examples.add(f);
        }
        first = f.first() != null && (first == null || f.first().isBefore(first)) ? f.first() : first;
        last = f.last() != null && (last == null || f.last().isAfter(last)) ? f.last() : last;
      }

      Detection build() {
        return new Detection(head.detection(), head.title(), head.severity(), count,
            subjects.stream().limit(SUBJECTS).toList(), subjects.size(), first, last, examples);
      }
    }
  }
}
