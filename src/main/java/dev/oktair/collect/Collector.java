package dev.oktair.collect;

import dev.oktair.errors.Kind;
import dev.oktair.events.LogEvent;
import dev.oktair.evidence.EvidenceFile;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.evidence.EvidenceWriter;
import dev.oktair.evidence.Source;
import dev.oktair.okta.LogQuery;
import dev.oktair.okta.OktaClient;
import dev.oktair.okta.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Collects System Log events into a case's evidence: {@link #collect} for a window (sliced,
 * concurrent, resumable), {@link #follow} to tail the log live. Each run seals one evidence file
 * whose manifest entry records the org and the exact query. Not thread-safe; one run at a time.
 */
public final class Collector {
  /** The most events a collection quarantines (as not evidence) before it stops as not talking to Okta. */
  public static final long MAX_REJECTED = 1000;
  /** The most bytes of quarantine lines a collection writes before it stops so. */
  public static final long MAX_REJECT_BYTES = 64L << 20;

  private final OktaClient client;
  private final EvidenceStore store;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Progress progress;
  private final Consumer<String> crashPoint;

  /** Returns a collector writing into {@code store} through {@code client}. */
  public Collector(OktaClient client, EvidenceStore store, Clock clock, Sleeper sleeper, Progress progress) {
    this(client, store, clock, sleeper, progress, point -> {});
  }

  /**
   * For tests: {@code crashPoint} hears "sealing" (the file noted, not yet sealed), "sealed"
   * (sealed, the job not yet marked so) and "marked" (marked, its staging not yet removed) and may
   * throw (or halt the JVM) to stand for a crash there.
   */
  Collector(OktaClient client, EvidenceStore store, Clock clock, Sleeper sleeper, Progress progress,
      Consumer<String> crashPoint) {
    this.client = Objects.requireNonNull(client, "client");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.crashPoint = Objects.requireNonNull(crashPoint, "crashPoint");
  }

  /**
   * Collects a window, resuming the interrupted run of the same job if there is one, and seals
   * the events as one evidence file.
   *
   * @throws CollectException when the window is too old or a user does not exist
   * @throws dev.oktair.okta.OktaException when Okta fails after retries (the checkpoints stay, so
   *     a re-run resumes)
   */
  public CollectResult collect(CollectRequest request) {
    return collect(request, (since, until) -> { });
  }

  /**
   * Collects as {@link #collect(CollectRequest)} does, telling {@code windowFixed} the window
   * being collected before the first page: the request's for a fresh run, the window first
   * resolved for a run that resumes (or finds sealed) an interrupted one.
   */
  public CollectResult collect(CollectRequest request, BiConsumer<Instant, Instant> windowFixed) {
    Instant started = clock.instant();
    String warning = Retention.check(request.since(), clock.instant());
    if (warning != null) {
      progress.note(warning);
    }
    String key = client.orgUrl() + " " + request.jobKey();
    Path dir = Job.dirFor(store.stagingDir(), key);
    try (Job.Held owned = Job.lock(dir)) {
      return collect(request, dir, key, started, windowFixed);
    }
  }

  private CollectResult collect(CollectRequest request, Path dir, String key, Instant started,
      BiConsumer<Instant, Instant> windowFixed) {
    Job job = Job.open(dir);
    Optional<EvidenceFile> sealedBeforeACrash =
        job != null && job.file().sealed() == null ? findSealed(job) : Optional.empty();
    if (sealedBeforeACrash.isPresent()) {
      job.markSealed(sealedBeforeACrash.get().name());
    }
    if (job != null && job.file().sealed() != null) {
      windowFixed.accept(Instant.parse(job.file().since()), Instant.parse(job.file().until()));
      return alreadySealed(job, started);
    }
    if (job != null && !job.complete()) {
      // Nothing of it was sealed (checked above) and it cannot be merged: start afresh.
      progress.note("discarding an unfinished collection whose checkpoints are incomplete (" + dir + ")");
      job.delete();
      job = null;
    }
    boolean resumed = job != null;
    if (job == null) {
      String filter = request.subject().oktaFilter(client);
      Job.JobFile file = new Job.JobFile(1, key, request.since().toString(), request.until().toString(), filter,
          request.slices(), null, null);
      job = Job.create(dir, file, Slices.split(request.since(), request.until(), request.slices()));
    } else {
      progress.note("resuming the interrupted collection of " + job.file().since() + " .. " + job.file().until()
          + " (checkpoints in " + dir + ")");
    }
    windowFixed.accept(Instant.parse(job.file().since()), Instant.parse(job.file().until()));
    List<Job.SliceState> states = job.slices();
    Tally tally = new Tally(progress, states, new RejectBudget(MAX_REJECTED, MAX_REJECT_BYTES,
        states.stream().mapToLong(Job.SliceState::rejected).sum(),
        states.stream().mapToLong(Job.SliceState::rejectBytes).sum(), dir));
    progress.started(states.size(), resumed, tally.events());
    LogQuery query = baseQuery(job.file());
    SliceScheduler.run(client, job, states, query, tally);
    return seal(job, request.subject(), tally.pages(), started, resumed);
  }

  /**
   * Returns this collector with a test hook that hears each point of sealing (see the
   * package-private constructor); for crash tests only.
   */
  public Collector withCrashPoint(Consumer<String> hook) {
    return new Collector(client, store, clock, sleeper, progress, hook);
  }

  /**
   * Tails the log with a polling query from {@code since} until {@code stop} says so: follows
   * next links, waits {@code pollInterval} after an empty page, keeps each uuid once (polling order
   * is persistence time, so the same event may come twice), and seals what it has.
   */
  public CollectResult follow(Subject subject, Instant since, Duration pollInterval, BooleanSupplier stop) {
    return follow(subject, since, pollInterval, stop, fresh -> { });
  }

  /**
   * Follows as {@link #follow(Subject, Instant, Duration, BooleanSupplier)} does, handing each
   * page's new events, once written, to {@code onNew} (e.g. a SIEM forwarder); an exception from
   * it stops the follow, sealing what was collected.
   */
  public CollectResult follow(Subject subject, Instant since, Duration pollInterval, BooleanSupplier stop,
      Consumer<List<LogEvent>> onNew) {
    return new Follower(client, store, clock, sleeper, progress).follow(subject, since, pollInterval, stop, onNew);
  }

  static LogQuery baseQuery(Job.JobFile file) {
    return LogQuery.bounded(Instant.parse(file.since()), Instant.parse(file.until()), file.filter());
  }

  private CollectResult seal(Job job, Subject subject, long pages, Instant started, boolean resumed) {
    Job.JobFile file = job.file();
    Map<String, String> query = new LinkedHashMap<>(baseQuery(file).parameters());
    query.put("slices", Integer.toString(file.slices()));
    EvidenceFile sealed;
    long events;
    long rejected = job.slices().stream().mapToLong(Job.SliceState::rejected).sum();
    Path quarantine = null;
    try (EvidenceWriter writer = store.create("okta-" + subject.label(), Source.okta(client.orgUrl().toString(), query))) {
      events = Merger.merge(job, job.slices(), writer);
      EvidenceWriter.Content c = writer.content();
      if (rejected > 0) {
        // Named once, before it is written: a run resumed after a crash rewrites the same file.
        Job.Sealing noted = file.sealing();
        quarantine = noted != null && noted.quarantine() != null
            ? store.quarantineDir().resolve(noted.quarantine())
            : store.unusedQuarantineFile("okta-" + subject.label());
      }
      job.markSealing(new Job.Sealing(c.sha256(), c.bytes(), c.events(), store.files().size(), pages,
          quarantine == null ? null : quarantine.getFileName().toString(), rejected));
      if (quarantine != null) {
        job.installRejects(quarantine);
      }
      crashPoint.accept("sealing");
      sealed = writer.seal();
    }
    crashPoint.accept("sealed");
    job.markSealed(sealed.name());
    crashPoint.accept("marked");
    job.delete();
    return new CollectResult(events, pages, file.slices(), seconds(started), sealed, resumed, rejected, quarantine);
  }

  /**
   * Returns the file this job sealed before a crash kept it from saying so: listed after the
   * files the manifest held when the job noted it, with the noted hash, size and count.
   */
  private Optional<EvidenceFile> findSealed(Job job) {
    Job.Sealing noted = job.file().sealing();
    if (noted == null) {
      return Optional.empty();
    }
    List<EvidenceFile> files = store.files();
    return files.subList(Math.min(noted.after(), files.size()), files.size()).stream()
        .filter(f -> f.sha256().equals(noted.sha256()) && f.bytes() == noted.bytes() && f.events() == noted.events())
        .filter(f -> "okta".equals(f.source().kind()) && client.orgUrl().toString().equals(f.source().location()))
        .findFirst();
  }

  private CollectResult alreadySealed(Job job, Instant started) {
    String name = job.file().sealed();
    EvidenceFile file = store.files().stream().filter(f -> f.name().equals(name)).findFirst()
        .orElseThrow(() -> new CollectException(Kind.EVIDENCE, "the collection was sealed as " + name
            + " but the manifest does not list it: remove " + job.dir() + " and collect again", null));
    Job.Sealing noted = job.file().sealing();
    long pages = noted == null ? 0 : noted.pages();
    // The slices' checkpoints may be gone already (a kill while the job was removed): the note says it all.
    Path quarantine = noted == null || noted.quarantine() == null ? null
        : store.quarantineDir().resolve(noted.quarantine());
    long rejected = quarantine == null ? 0 : noted.rejected();
    job.delete();
    progress.note("this collection was already sealed as " + name);
    return new CollectResult(file.events(), pages, job.file().slices(), seconds(started), file, true, rejected,
        quarantine);
  }

  private double seconds(Instant started) {
    return Duration.between(started, clock.instant()).toMillis() / 1000.0;
  }
}
