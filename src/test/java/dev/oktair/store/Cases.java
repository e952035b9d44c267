package dev.oktair.store;

import dev.oktair.events.LogEvent;
import dev.oktair.evidence.EvidenceFile;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.evidence.EvidenceWriter;
import dev.oktair.evidence.Source;
import dev.oktair.sim.SimEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Builds cases with sealed evidence for the store's tests. */
final class Cases {
  static final Instant NOW = Instant.parse("2024-06-14T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private Cases() {}

  /** Seals {@code lines} (raw JSON objects) as one new evidence file of the case. */
  static EvidenceFile seal(Path caseDir, String name, List<String> lines) {
    EvidenceStore store = EvidenceStore.open(caseDir, CLOCK);
    try (EvidenceWriter w = store.create(name, Source.imported(name))) {
      for (String line : lines) {
        w.write(LogEvent.parse(line));
      }
      return w.seal();
    }
  }

  /** Seals built events as one new evidence file. */
  static EvidenceFile sealEvents(Path caseDir, String name, List<LogEvent> events) {
    EvidenceStore store = EvidenceStore.open(caseDir, CLOCK);
    try (EvidenceWriter w = store.create(name, Source.imported(name))) {
      events.forEach(w::write);
      return w.seal();
    }
  }

  /** Returns the lines of a file, split on \n only, as bytes. */
  static List<byte[]> lines(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    List<byte[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == '\n') {
        out.add(java.util.Arrays.copyOfRange(all, start, i));
        start = i + 1;
      }
    }
    return out;
  }

  /** Returns the lines of the shared sample file, or null when /work/shared is absent. */
  static List<String> sharedSample() throws IOException {
    String shared = System.getProperty("okta-ir.shared");
    if (shared == null) {
      return null;
    }
    Path file = Path.of(shared, "data", "okta-sample-events.jsonl");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
  }

  /** A sign-in style event with the fields pivots read. */
  static SimEvent event(String uuid, String published, String type, String login, String ip) {
    return SimEvent.of(uuid, Instant.parse(published), type)
        .displayMessage("msg " + type)
        .actor("00u" + login.hashCode(), "User", login, login)
        .client(ip, "Mozilla/5.0 (" + login + ")", "Mac OS X", "CHROME", "Computer",
            new SimEvent.Place("Oslo", "Oslo", "Norway", "0150", 59.9, 10.7))
        .network(7922L, "comcast", "Comcast", "comcast.net", false)
        .session("idx-" + login, null)
        .transaction("WEB", "tx-" + uuid);
  }
}
