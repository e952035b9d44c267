package dev.oktair.report;

import dev.oktair.detect.Citation;
import dev.oktair.detect.Finding;
import dev.oktair.detect.Severity;
import dev.oktair.evidence.EvidenceFile;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.store.CaseDatabase;
import dev.oktair.store.RowSink;
import dev.oktair.events.Window;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Assembles a {@link Report} from a case: its evidence, database and whatever later steps wrote. */
final class ReportBuilder {
  /**
   * Per client IP of the case: its network and place, proxy flag, counts and user agents. Network
   * and place come together from one event, the IP's first in time (then evidence file and line,
   * unique to a row): one any_value() per column could take the ASN of one event and the city of
   * another, and differ from run to run.
   */
  private static final String HOSTS =
      "SELECT client_ip, place.asn, place.as_org, place.city, place.country, proxy, n, first_seen, last_seen, agents"
          + " FROM (SELECT client_ip, first(struct_pack(asn, as_org, city, country)"
          + " ORDER BY published NULLS LAST, evidence_file, evidence_line) AS place,"
          + " bool_or(coalesce(is_proxy, false)) AS proxy, count(*) AS n, min(published) AS first_seen,"
          + " max(published) AS last_seen, string_agg(DISTINCT user_agent, chr(31) ORDER BY user_agent) AS agents"
          + " FROM events WHERE client_ip IS NOT NULL GROUP BY client_ip)";

  /** facts key -> the kind of rogue object it names. */
  private static final Map<String, String> ARTEFACT_KEYS = artefactKeys();

  private ReportBuilder() {}

  static Report build(CaseInputs inputs, EvidenceStore evidence, CaseDatabase db, Clock clock) {
    CaseFileInput caseFile = CaseFileInput.read(inputs);
    Section<List<Finding>> findings = FindingsInput.read(inputs);
    List<Finding> all = findings.present() ? findings.content() : List.of();
    Attribution attribution = Attribution.of(all);
    TimelineBuilder sessions = new TimelineBuilder(attribution);
    db.timeline(Window.ALL, null, sessions::add);
    Report.Timeline timeline = sessions.build();
    Section<List<Report.Action>> containment = ContainmentInput.read(inputs);
    Report.Summary summary = summary(inputs, caseFile, findings.present() ? all : null, sessions, FindingsInput.window(inputs));
    return new Report(Report.SCHEMA_VERSION, clock.instant(), summary, hosts(db, attribution), findings, timeline,
        findings.present() ? Section.of(artefacts(all)) : Section.notRun(findings.notRun()),
        findings.present() ? Section.of(policyGaps(all)) : Section.notRun(findings.notRun()),
        containment, DownstreamInput.read(inputs), evidence.files(), caseFile.history(),
        timeToContain(timeline, caseFile, evidence.files(), containment));
  }

  /** {@code findings} is null when the investigation has not run (no counts, rather than zeros). */
  private static Report.Summary summary(CaseInputs inputs, CaseFileInput caseFile, List<Finding> findings,
      TimelineBuilder sessions, FindingsInput.Window findingsWindow) {
    Set<String> subjects = new LinkedHashSet<>(caseFile.subjects());
    if (subjects.isEmpty() && findings != null) {
      findings.stream().map(Finding::subject).filter(Objects::nonNull).forEach(subjects::add);
    }
    FindingsInput.Window window = caseFile.window() != null ? caseFile.window() : findingsWindow;
    long events = sessions.events();
    Instant first = sessions.first();
    Instant last = sessions.last();
    List<Report.SeverityCount> bySeverity = new ArrayList<>();
    for (int i = Severity.values().length - 1; findings != null && i >= 0; i--) {
      Severity sev = Severity.values()[i];
      bySeverity.add(new Report.SeverityCount(sev.label(), (int) findings.stream().filter(f -> f.severity() == sev).count()));
    }
    String id = caseFile.id() != null ? caseFile.id() : inputs.caseDir().toAbsolutePath().normalize().getFileName().toString();
    return new Report.Summary(id, caseFile.orgUrl(), List.copyOf(subjects), window == null ? null : window.start(),
        window == null ? null : window.end(), window == null ? null : window.source(), caseFile.created(), events,
        first, last, bySeverity);
  }

  private static List<Report.Host> hosts(CaseDatabase db, Attribution attribution) {
    Map<String, Report.Host> found = new LinkedHashMap<>();
    db.sql(HOSTS, new RowSink() {
      @Override
      public void columns(List<Column> columns) {}

      @Override
      public void row(List<Object> v) {
        String ip = (String) v.get(0);
        List<String> findings = attribution.ips().get(ip);
        if (findings == null) {
          return;
        }
        String network = v.get(1) == null && v.get(2) == null ? null
            : (v.get(1) == null ? "AS?" : "AS" + v.get(1)) + (v.get(2) == null ? "" : " " + v.get(2));
        String place = v.get(3) == null && v.get(4) == null ? null
            : String.join(", ", java.util.stream.Stream.of((String) v.get(3), (String) v.get(4))
                .filter(Objects::nonNull).toList());
        String agents = (String) v.get(9);
        found.put(ip, new Report.Host(ip, network, place, Boolean.TRUE.equals(v.get(5)), ((Number) v.get(6)).longValue(),
            (Instant) v.get(7), (Instant) v.get(8), agents == null ? List.of() : List.of(agents.split("\u001f")),
            findings));
      }

      @Override
      public void end() {}
    });
    List<Report.Host> out = new ArrayList<>();
    // In the order findings name them; an IP the evidence never saw still belongs to the infrastructure.
    attribution.ips().forEach((ip, findings) -> out.add(found.getOrDefault(ip,
        new Report.Host(ip, null, null, false, 0, null, null, List.of(), findings))));
    return out;
  }

  private static List<Report.Artefact> artefacts(List<Finding> findings) {
    List<Report.Artefact> out = new ArrayList<>();
    for (Finding f : findings) {
      ARTEFACT_KEYS.forEach((key, kind) -> {
        String id = f.facts().get(key);
        if (id != null) {
          out.add(new Report.Artefact(kind, id, f.id(), f.title(), f.severity()));
        }
      });
    }
    return out;
  }

  private static List<Finding> policyGaps(List<Finding> findings) {
    return findings.stream().filter(ReportBuilder::policyGap).toList();
  }

  private static boolean policyGap(Finding f) {
    String d = f.detection().toLowerCase(java.util.Locale.ROOT);
    if (d.contains("threatinsight") || d.contains("threat-insight") || d.contains("policy") || f.facts().containsKey("zoneId")) {
      return true;
    }
    return f.evidence().stream().anyMatch(c -> c instanceof Citation.ApiObject o
        && List.of("threatInsight", "policyRule", "policy", "zone").contains(o.objectType()));
  }

  private static Report.TimeToContain timeToContain(Report.Timeline timeline, CaseFileInput caseFile,
      List<EvidenceFile> files, Section<List<Report.Action>> containment) {
    Instant firstAttacker = timeline.sessions().stream().filter(Report.Session::attacker).map(Report.Session::first)
        .filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
    Instant start = caseFile.created();
    if (start == null && caseFile.history().present()) {
      start = caseFile.history().content().stream().map(Report.Command::start).filter(Objects::nonNull)
          .min(Instant::compareTo).orElse(null);
    }
    if (start == null) {
      start = files.stream().map(f -> parse(f.sealed())).filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
    }
    Instant complete = containment.present() && !containment.content().isEmpty()
        ? ContainmentInput.completedAt(containment.content()) : null;
    return Report.TimeToContain.of(firstAttacker, start, complete);
  }

  private static Instant parse(String time) {
    try {
      return time == null ? null : Instant.parse(time);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Map<String, String> artefactKeys() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("factorId", "MFA factor");
    m.put("appUserId", "app assignment");
    m.put("grantId", "OAuth grant");
    m.put("tokenId", "token");
    m.put("clientId", "OAuth client");
    m.put("roleId", "admin role");
    m.put("idpId", "identity provider");
    return java.util.Collections.unmodifiableMap(m);
  }
}
