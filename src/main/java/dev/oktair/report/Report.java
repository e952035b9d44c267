package dev.oktair.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.oktair.detect.Finding;
import dev.oktair.detect.Severity;
import dev.oktair.evidence.EvidenceFile;
import dev.oktair.store.TimelineSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An incident written up: everything the case holds so far, in the order a reader needs it.
 * Immutable; each renderer (HTML, Markdown, JSON) shows exactly this content. Sections whose step
 * of the runbook has not run are {@link Section#notRun}.
 *
 * @param schemaVersion version of the JSON form (docs/report-json.md), 1
 * @param generated when the report was made
 * @param summary who, where, when, how much
 * @param infrastructure the attacker's IPs and networks (empty when no finding attributes any)
 * @param findings findings, most severe first
 * @param timeline the case's sessions, the attacker's marked
 * @param artefacts rogue factors, assignments, grants and tokens the findings name
 * @param policyGaps ThreatInsight and sign-on policy findings with their recommended change
 * @param containment the actions of the plan with what the journal says became of them
 * @param downstream per service provider: what was revoked, only requested, or is left to do by hand
 * @param evidence the sealed evidence files
 * @param history the commands run on the case, from case.json
 * @param timeToContain how long the attacker held access and how long the response took
 */
public record Report(
    int schemaVersion,
    Instant generated,
    Summary summary,
    List<Host> infrastructure,
    Section<List<Finding>> findings,
    Timeline timeline,
    Section<List<Artefact>> artefacts,
    Section<List<Finding>> policyGaps,
    Section<List<Action>> containment,
    Section<List<Impact>> downstream,
    List<EvidenceFile> evidence,
    Section<List<Command>> history,
    TimeToContain timeToContain) {
  /** The version of the report's JSON form. */
  public static final int SCHEMA_VERSION = 1;

  public Report {
    Objects.requireNonNull(generated, "generated");
    Objects.requireNonNull(summary, "summary");
    infrastructure = List.copyOf(infrastructure);
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(timeline, "timeline");
    Objects.requireNonNull(timeToContain, "timeToContain");
  }

  /**
   * The case at a glance.
   *
   * @param caseId the case's id (its directory name when case.json has none)
   * @param orgUrl the Okta org, null when unknown
   * @param subjects the users under investigation
   * @param windowStart start of the investigation window, null when unknown
   * @param windowEnd end of the investigation window, null when open
   * @param windowSource how the window was set (e.g. {@code findings}, {@code analyst}), null when unknown
   * @param created when the case was opened, null when unknown
   * @param events how many distinct events the case holds
   * @param firstEvent the earliest event's time, null when none
   * @param lastEvent the latest event's time, null when none
   * @param findingsBySeverity finding counts per severity, most severe first; empty when the investigation has not run
   */
  public record Summary(String caseId, String orgUrl, List<String> subjects, Instant windowStart, Instant windowEnd,
      String windowSource, Instant created, long events, Instant firstEvent, Instant lastEvent,
      List<SeverityCount> findingsBySeverity) {
    public Summary {
      Objects.requireNonNull(caseId, "caseId");
      subjects = List.copyOf(subjects);
      findingsBySeverity = List.copyOf(findingsBySeverity);
    }
  }

  /**
   * How many findings have one severity.
   *
   * @param severity the severity's label
   * @param count how many findings have it
   */
  public record SeverityCount(String severity, int count) {}

  /**
   * One IP the attacker used.
   *
   * @param ip the client IP
   * @param network ASN and organisation, null when unknown
   * @param location city and country, null when unknown
   * @param proxy true when Okta flagged it as an anonymising proxy
   * @param events how many events of the case came from it
   * @param first its first event, null when none
   * @param last its last event, null when none
   * @param userAgents the user agents seen from it
   * @param findings ids of the findings that name it
   */
  public record Host(String ip, String network, String location, boolean proxy, long events, Instant first,
      Instant last, List<String> userAgents, List<String> findings) {
    public Host {
      Objects.requireNonNull(ip, "ip");
      userAgents = List.copyOf(userAgents);
      findings = List.copyOf(findings);
    }
  }

  /**
   * The case's sessions in order of their first event.
   *
   * @param attributed true when findings say which sessions are the attacker's
   * @param sessions the sessions
   * @param chart the same sessions laid out for the SVG chart
   */
  public record Timeline(boolean attributed, List<Session> sessions, Chart chart) {
    public Timeline {
      sessions = List.copyOf(sessions);
      Objects.requireNonNull(chart, "chart");
    }
  }

  /**
   * One session and who held it.
   *
   * @param session the session id, null for events without one
   * @param attacker true when findings attribute it to the attacker
   * @param ips client IPs in order of first use
   * @param networks ASN and organisation pairs
   * @param userAgents user agents
   * @param subjects users acting in it
   * @param first its first event
   * @param last its last event
   * @param eventCount how many events it holds
   * @param events its events in time order (at most {@link #EVENTS_SHOWN})
   */
  public record Session(String session, boolean attacker, List<String> ips, List<String> networks,
      List<String> userAgents, List<String> subjects, Instant first, Instant last, int eventCount,
      List<TimelineSession.Event> events) {
    /** At most this many events of a session are listed; the count says how many there are. */
    public static final int EVENTS_SHOWN = 200;

    public Session {
      ips = List.copyOf(ips);
      networks = List.copyOf(networks);
      userAgents = List.copyOf(userAgents);
      subjects = List.copyOf(subjects);
      events = List.copyOf(events);
    }

    /** Returns who held the session, as the report words it. */
    @JsonIgnore
    public String holder() {
      return attacker ? "attacker" : "user";
    }
  }

  /**
   * A timeline laid out on a fixed canvas: one lane per session, a bar from first to last event.
   *
   * @param width canvas width
   * @param height canvas height
   * @param start the time at the left edge, null when there are no timed events
   * @param end the time at the right edge
   * @param bars one per session with a time
   * @param ticks time labels along the axis
   */
  public record Chart(int width, int height, Instant start, Instant end, List<Bar> bars, List<Tick> ticks) {
    public Chart {
      bars = List.copyOf(bars);
      ticks = List.copyOf(ticks);
    }
  }

  /**
   * One session's bar.
   *
   * @param x left edge
   * @param y top edge
   * @param width bar width (at least 4 so a single event shows)
   * @param attacker true for the attacker's sessions
   * @param label the session's id or first IP
   * @param events how many events it holds
   */
  public record Bar(int x, int y, int width, boolean attacker, String label, int events) {}

  /**
   * One axis label.
   *
   * @param x where along the axis
   * @param label the time, UTC
   */
  public record Tick(int x, String label) {}

  /**
   * A rogue object the attacker left behind.
   *
   * @param kind factor, app assignment, grant, token, API token, role, identity provider...
   * @param id its id
   * @param findingId the finding that names it
   * @param title that finding's title
   * @param severity that finding's severity
   */
  public record Artefact(String kind, String id, String findingId, String title, Severity severity) {}

  /**
   * One containment action and its outcome.
   *
   * @param id the action's id in plan.json
   * @param action what it does, e.g. {@code clearSessions}
   * @param targetType the target's type
   * @param targetId the target's id
   * @param targetDisplay the target as people name it
   * @param reasons ids of the findings behind it
   * @param requested when it was sent (the journal's intent), null when not applied
   * @param completed when it finished (the journal's outcome), null when not finished
   * @param status the outcome's status, or {@code planned} when never applied
   * @param requestId the API's request id of the outcome, null when none
   */
  public record Action(String id, String action, String targetType, String targetId, String targetDisplay,
      List<String> reasons, Instant requested, Instant completed, String status, String requestId) {
    public Action {
      Objects.requireNonNull(id, "id");
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * One downstream action on one application.
   *
   * @param app the application as Okta labels it
   * @param appId its Okta id
   * @param sp the service provider
   * @param lastAccess the user's last access to it, null when unknown
   * @param action what the action does at the SP
   * @param kills what it ends
   * @param survives what it does not end
   * @param manual what someone must still do by hand, null when nothing
   * @param status verified, requested, already-done, manual, planned, not-run, opt-in, or "failed: why"
   */
  public record Impact(String app, String appId, String sp, Instant lastAccess, String action, String kills,
      String survives, String manual, String status) {
    /**
     * Returns which list of the downstream section the row belongs in: done (verified or found
     * done), requested (the SP accepted it; not confirmed), manual, or pending (planned, failed,
     * not run, opt-in).
     */
    @JsonIgnore
    public String category() {
      if ("verified".equals(status) || "already-done".equals(status)) {
        return "done";
      }
      if ("requested".equals(status)) {
        return "requested";
      }
      if (manual != null && !manual.isBlank()) {
        return "manual";
      }
      return "pending";
    }
  }

  /**
   * One okta-ir command run on the case.
   *
   * @param argv its arguments
   * @param start when it started
   * @param end when it ended, null when unknown
   * @param exit its exit code, null when unknown
   */
  public record Command(List<String> argv, Instant start, Instant end, Integer exit) {
    public Command {
      argv = List.copyOf(argv);
    }
  }

  /**
   * How long it took to contain the incident.
   *
   * @param firstAttackerEvent the attacker's first event, null when none is attributed
   * @param investigationStart when the case was opened (or its first command ran), null when unknown
   * @param containmentComplete when the last containment action finished, null when not complete
   * @param fromFirstAttackerEventSeconds first attacker event to containment, null when unknown
   * @param fromInvestigationStartSeconds investigation start to containment, null when unknown
   */
  public record TimeToContain(Instant firstAttackerEvent, Instant investigationStart, Instant containmentComplete,
      Long fromFirstAttackerEventSeconds, Long fromInvestigationStartSeconds) {
    /** Returns the time from the attacker's first event to containment, as {@code 2h 05m}, or a dash. */
    @JsonIgnore
    public String fromFirstAttackerEvent() {
      return ReportText.duration(fromFirstAttackerEventSeconds);
    }

    /** Returns the time from the investigation's start to containment, as {@code 0h 42m}, or a dash. */
    @JsonIgnore
    public String fromInvestigationStart() {
      return ReportText.duration(fromInvestigationStartSeconds);
    }

    static TimeToContain of(Instant firstAttackerEvent, Instant investigationStart, Instant complete) {
      return new TimeToContain(firstAttackerEvent, investigationStart, complete,
          seconds(firstAttackerEvent, complete), seconds(investigationStart, complete));
    }

    private static Long seconds(Instant from, Instant to) {
      return from == null || to == null ? null : Duration.between(from, to).getSeconds();
    }
  }
}
