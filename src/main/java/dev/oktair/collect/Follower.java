package dev.oktair.collect;

import dev.oktair.events.LogEvent;
import dev.oktair.events.RejectedLine;
import dev.oktair.evidence.Quarantine;
import dev.oktair.evidence.EvidenceFile;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.evidence.EvidenceWriter;
import dev.oktair.errors.OktaIrException;
import dev.oktair.evidence.Source;
import dev.oktair.okta.LogPage;
import dev.oktair.okta.LogQuery;
import dev.oktair.okta.OktaClient;
import dev.oktair.okta.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Tails the System Log with a polling query (no {@code until}): such a query always has a next
 * link, so an empty page means "nothing new yet": wait, then ask the same next link again. Events
 * are written in the order they arrive (persistence time), each uuid once; stopping seals what
 * was collected. Each page's new events are handed to a listener after they are written (a SIEM
 * forwarder), so a failing listener stops the follow with the evidence so far sealed. Elements
 * that are not evidence go to the case's quarantine, within the same bound as a collection's.
 */
final class Follower {
  private static final Duration STEP = Duration.ofMillis(200);

  private final OktaClient client;
  private final EvidenceStore store;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Progress progress;

  Follower(OktaClient client, EvidenceStore store, Clock clock, Sleeper sleeper, Progress progress) {
    this.client = client;
    this.store = store;
    this.clock = clock;
    this.sleeper = sleeper;
    this.progress = progress;
  }

  CollectResult follow(Subject subject, Instant since, Duration pollInterval, BooleanSupplier stop,
      Consumer<List<LogEvent>> onNew) {
    Instant started = clock.instant();
    String warning = Retention.check(since, clock.instant());
    if (warning != null) {
      progress.note(warning);
    }
    LogQuery query = LogQuery.polling(since, subject.oktaFilter(client));
    Set<String> seen = new HashSet<>();
    long pages = 0;
    progress.started(1, false, 0);
    RejectBudget budget = new RejectBudget(Collector.MAX_REJECTED, Collector.MAX_REJECT_BYTES, 0, 0,
        store.quarantineDir());
    try (EvidenceWriter writer =
            store.create("okta-follow-" + subject.label(), Source.okta(client.orgUrl().toString(), query.parameters()));
        Quarantine quarantine = store.quarantine("okta-follow-" + subject.label())) {
      URI url = client.logsUrl(query);
      try {
        while (url != null && !stop.getAsBoolean()) {
          LogPage page = client.logPage(url);
          pages++;
          quarantine(page, budget, quarantine);
          List<LogEvent> fresh = new ArrayList<>();
          for (LogEvent e : page.events()) {
            if (e.uuid() == null || seen.add(e.uuid())) {
              writer.write(e);
              fresh.add(e);
            }
          }
          if (!fresh.isEmpty()) {
            onNew.accept(fresh); // after the write: what is forwarded is in this run's evidence too
          }
          progress.advanced(writer.events(), pages, -1);
          url = page.next();
          if (page.isEmpty()) {
            pause(pollInterval, stop);
          }
        }
      } catch (OktaIrException e) { // Okta failed, or the sink forwarded to did
        if (writer.events() > 0) {
          EvidenceFile partial = writer.seal();
          progress.note("sealed the " + partial.events() + " events followed so far as " + partial.name());
        }
        throw e;
      }
      EvidenceFile sealed = writer.seal();
      double seconds = Duration.between(started, clock.instant()).toMillis() / 1000.0;
      return new CollectResult(sealed.events(), pages, 1, seconds, sealed, false, budget.events(),
          budget.events() == 0 ? null : quarantine.path());
    }
  }

  private static void quarantine(LogPage page, RejectBudget budget, Quarantine quarantine) {
    long size = 0;
    for (RejectedLine r : page.rejected()) {
      size += Quarantine.line(r, r.source()).length;
    }
    budget.take(page.rejected().size(), size);
    for (RejectedLine r : page.rejected()) {
      quarantine.write(r, r.source());
    }
  }

  /** Waits {@code interval} in short steps, returning early when asked to stop. */
  private void pause(Duration interval, BooleanSupplier stop) {
    Duration left = interval;
    try {
      while (!left.isNegative() && !left.isZero() && !stop.getAsBoolean()) {
        Duration step = left.compareTo(STEP) < 0 ? left : STEP;
        sleeper.sleep(step);
        left = left.minus(step);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
