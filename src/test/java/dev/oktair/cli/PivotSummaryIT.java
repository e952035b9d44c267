package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.evidence.EvidenceStore;
import dev.oktair.evidence.EvidenceWriter;
import dev.oktair.evidence.Source;
import dev.oktair.events.LogEvent;
import dev.oktair.events.Window;
import dev.oktair.sim.TenantSeed;
import dev.oktair.sim.scenario.Scenarios;
import dev.oktair.store.CaseDatabase;
import dev.oktair.store.PivotKey;
import dev.oktair.store.PivotQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: {@code pivot} answers the common invocations from the case's pivot summaries, and
 * prints byte for byte what the database's answer prints, stdout, stderr and exit status, on the
 * simulated AiTM story plus values without an IP or a time and counts that tie.
 */
class PivotSummaryIT {
  @TempDir Path home;
  @TempDir Path caseDir;

  private static final List<List<String>> INVOCATIONS = List.of(
      List.of("--by", "ip"),
      List.of("--by", "ip", "--json"),
      List.of("--by", "ip", "--limit", "0"),
      List.of("--by", "ip", "--limit", "0", "--json"),
      List.of("--by", "ip", "--limit", "1"),
      List.of("--by", "ip", "--limit", "3", "--json"),
      List.of("--by", "ip", "--limit", "999"),
      List.of("--by", "IP", "--baseline-until", "2024-06-01"),
      List.of("--by", "ip", "--baseline-until", "2024-06-14T06:00:00Z", "--json", "--limit", "0"),
      List.of("--by", "asn", "--json"),
      List.of("--by", "proxy"),
      List.of("--by", "ua", "--limit", "0"),
      List.of("--by", "session", "--baseline-until", "2d"),
      List.of("--by", "country"),
      List.of("--by", "city", "--json"),
      List.of("--by", "device"),
      List.of("--by", "browser"),
      List.of("--by", "os", "--limit", "2"),
      List.of("--by", "app", "--json", "--limit", "0"),
      List.of("--by", "eventType", "--limit", "5"),
      List.of("--by", "outcome", "--json"),
      List.of("--by", "actor", "--baseline-until", "2024-06-13", "--limit", "0"),
      List.of("--by", "target", "--json"),
      List.of("--by", "isp"));

  @Test
  void summarisedPivotsPrintExactlyWhatTheDatabasePrints() throws IOException {
    TenantSeed seed = Scenarios.load(Scenarios.DEFAULT, 11, Runs.NOW);
    try (EvidenceWriter w = EvidenceStore.open(caseDir, Runs.CLOCK).create("scenario", Source.imported("scenario"))) {
      seed.events().forEach(w::write);
      w.seal();
    }
    try (EvidenceWriter w = EvidenceStore.open(caseDir, Runs.CLOCK).create("odd", Source.imported("odd"))) {
      w.write(LogEvent.parse("{\"uuid\":\"nt1\",\"eventType\":\"user.session.start\",\"client\":{\"ipAddress\":\"198.51.100.7\"}}"));
      w.write(LogEvent.parse("{\"uuid\":\"nt2\",\"eventType\":\"user.session.start\",\"client\":{\"ipAddress\":\"198.51.100.8\"}}"));
      w.write(LogEvent.parse("{\"uuid\":\"nip\",\"published\":\"2024-06-13T00:00:00.000Z\",\"eventType\":\"system.x\"}"));
      w.seal();
    }
    Runs.Run load = Runs.run(home, "load", "--case", caseDir.toString());
    assertThat(load.exit()).as(load.err()).isZero();
    for (PivotKey key : PivotKey.values()) {
      // the load summarises the IP; any other key's first pivot (from the database) its own
      Runs.run(home, "pivot", "--case", caseDir.toString(), "--by", key.key(), "--limit", "1");
      PivotQuery top = new PivotQuery(List.of(key), Window.ALL, null, PivotCommand.DEFAULT_LIMIT + 1, null);
      assertThat(CaseDatabase.summarisedPivot(caseDir, Runs.CLOCK, top)).as("summary of %s", key).isNotNull();
    }

    List<Runs.Run> summarised = runAll();
    Path summaries = caseDir.resolve("case.pivots");
    Files.move(summaries, home.resolve("away"));
    Files.writeString(summaries, "not a directory"); // now every pivot asks the database, and keeps nothing
    List<Runs.Run> fromDatabase = runAll();
    assertThat(summaries).isRegularFile();
    for (int i = 0; i < INVOCATIONS.size(); i++) {
      Runs.Run s = summarised.get(i);
      Runs.Run d = fromDatabase.get(i);
      assertThat(d.exit()).as("%s: %s", INVOCATIONS.get(i), d.err()).isZero();
      assertThat(s).as("pivot %s", INVOCATIONS.get(i)).isEqualTo(d);
    }
    assertThat(fromDatabase.get(2).out().lines().count()).as("IPs, with a missing one").isGreaterThan(10);
  }

  private List<Runs.Run> runAll() {
    List<Runs.Run> runs = new ArrayList<>();
    for (List<String> options : INVOCATIONS) {
      List<String> args = new ArrayList<>(List.of("pivot", "--case", caseDir.toString()));
      args.addAll(options);
      runs.add(Runs.run(home, args.toArray(String[]::new)));
    }
    return runs;
  }
}
