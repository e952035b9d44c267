package dev.oktair.sim;

import dev.oktair.events.EventHandler;
import dev.oktair.events.EventReader;
import dev.oktair.events.LogEvent;
import dev.oktair.events.ReadSummary;
import dev.oktair.events.RejectedLine;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A simulated tenant seeded from a System Log file, so a responder can rehearse the runbook on
 * their own export: the users, apps, groups and API tokens the events show (actors and targets),
 * with the assignments, memberships and statuses the events imply ({@link Census}), and the
 * file's events as the System Log history. The file is read once, as {@code import} reads it (the
 * same checks; a line that is not an event is reported with its file and line, counted and
 * skipped); the history is an index into the file, served from it, so memory grows with the
 * number of events, not their bytes (a JSONL line as it stands; an event of gzip, UTF-16 or a
 * SIEM wrapper is held in memory). The front door for {@code okta-ir simulate --from-log}.
 */
public final class LogTenant {
  private LogTenant() {}

  /**
   * What reading the file gave.
   *
   * @param seed the tenant, its history served from the file (the file stays open until the
   *     simulator serving it closes)
   * @param events the events indexed
   * @param rejected the lines that were not events, skipped
   * @param first the earliest {@code published}, or null without events
   * @param last the latest {@code published}, or null without events
   */
  public record Result(TenantSeed seed, long events, long rejected, Instant first, Instant last) {
    public Result {
      Objects.requireNonNull(seed, "seed");
    }
  }

  /**
   * Reads {@code file} into a tenant; each line that is not an event goes to {@code rejected}
   * (file and line in it) and is skipped.
   *
   * @throws IOException when the file cannot be read
   */
  public static Result read(Path file, Consumer<RejectedLine> rejected) throws IOException {
    LogFile log = LogFile.open(file);
    try {
      Reading reading = new Reading(log, rejected);
      ReadSummary summary = EventReader.create().treeless().withPreparer(Sighting::of).read(file, reading);
      Census census = reading.census;
      Instant anchor = census.last() == null ? Instant.EPOCH : census.last();
      TenantSeed seed = census.seed(anchor).withHistory(
          new LogHistory(List.of(log), reading.entries.toArray(new LogStore.Entry[0])));
      return new Result(seed, summary.events(), summary.rejected(), census.first(), census.last());
    } catch (IOException | RuntimeException | Error e) {
      log.close();
      throw e;
    }
  }

  /** Indexes each event where it stands in the file and tells the census what it shows. */
  private static final class Reading implements EventHandler {
    private final LogFile log;
    private final Consumer<RejectedLine> rejected;
    final List<LogStore.Entry> entries = new ArrayList<>();
    final Census census = new Census();

    Reading(LogFile log, Consumer<RejectedLine> rejected) {
      this.log = log;
      this.rejected = rejected;
    }

    @Override
    public boolean event(LogEvent e, long line) {
      Instant published = e.published();
      long p = published == null ? 0 : published.toEpochMilli();
      LogStore.Stored stored = e.offset() >= 0
          ? new LogStore.InFile(log, e.offset(), e.rawLength())
          : new LogStore.Held(e); // bytes that are not the line's (gzip, UTF-16, a wrapper) cannot be found again
      entries.add(new LogStore.Entry(stored, p, e.uuid() == null ? "" : e.uuid(), 0, p));
      census.see((Sighting) e.prepared(), published);
      return true;
    }

    @Override
    public void rejected(RejectedLine line) {
      rejected.accept(line);
    }
  }

  /**
   * What one event shows of the tenant, read on the thread that parsed it (the tree is dropped
   * after).
   *
   * @param eventType the event's type
   * @param success whether its outcome is SUCCESS (or absent)
   * @param actor its actor
   * @param targets its targets
   */
  record Sighting(String eventType, boolean success, LogEvent.Actor actor, List<LogEvent.Target> targets) {
    static Sighting of(LogEvent e) {
      LogEvent.Outcome outcome = e.outcome();
      String result = outcome == null ? null : outcome.result();
      return new Sighting(e.eventType() == null ? "" : e.eventType(), result == null || "SUCCESS".equals(result),
          e.actor(), e.targets());
    }

    /** Returns the first target of {@code type} with an id, or null. */
    LogEvent.Target target(String type) {
      return targets.stream().filter(t -> type.equals(t.type()) && present(t.id())).findFirst().orElse(null);
    }
  }

  /** Returns true for a value the log really gives (not blank, not Okta's "unknown" placeholder). */
  static boolean present(String s) {
    return s != null && !s.isBlank() && !"unknown".equalsIgnoreCase(s) && !"null".equals(s);
  }
}
