package dev.oktair.cases;

import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;
import dev.oktair.events.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One case directory, opened to read or to write: the front door of this package. A writing
 * case holds the case's lock until {@link #close()}, so a second writer fails at once naming
 * this one; a reading case takes no lock, and reads only files that writers replace atomically.
 * Updates to {@code case.json} are atomic (temporary file, fsync, rename). Thread-safe.
 */
public final class Case implements AutoCloseable {
  private final CasePaths paths;
  private final Clock clock;
  private final Writer writer;
  private final CaseLock lock;

  private Case(CasePaths paths, Clock clock, Writer writer, CaseLock lock) {
    this.paths = paths;
    this.clock = clock;
    this.writer = writer;
    this.lock = lock;
  }

  /**
   * Opens the case at {@code dir} to write, creating it (owner-only) if it does not exist, and
   * takes its lock for {@code writer}.
   *
   * @throws OktaIrException BUSY when another process writes the case, IO when it cannot be created
   */
  public static Case create(Path dir, Clock clock, Writer writer) {
    CasePaths paths = CasePaths.of(dir).create();
    return locked(paths, clock, writer);
  }

  /**
   * Opens the existing case at {@code dir} to write and takes its lock for {@code writer}.
   *
   * @throws OktaIrException USAGE when there is no case, BUSY when another process writes it
   */
  public static Case open(Path dir, Clock clock, Writer writer) {
    CasePaths paths = existing(dir);
    return locked(paths, clock, writer);
  }

  /**
   * Opens the existing case at {@code dir} to read, without a lock.
   *
   * @throws OktaIrException USAGE when there is no case
   */
  public static Case read(Path dir, Clock clock) {
    return new Case(existing(dir), clock, null, null);
  }

  private static CasePaths existing(Path dir) {
    CasePaths paths = CasePaths.of(dir);
    if (!paths.exists()) {
      throw new OktaIrException(Kind.USAGE,
          "no case at " + dir + " (no evidence/ directory): import or collect evidence into it first");
    }
    return paths;
  }

  private static Case locked(CasePaths paths, Clock clock, Writer writer) {
    Objects.requireNonNull(writer, "writer");
    CaseLock lock = CaseLock.acquire(paths.lock(), paths.root(), writer);
    Case c = new Case(paths, clock, writer, lock);
    try {
      if (!Files.exists(paths.caseJson())) {
        c.write(CaseInfo.fresh(UUID.randomUUID().toString(), clock.instant(), writer.version()));
      }
      return c;
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** Returns where each part of this case lives. */
  public CasePaths paths() {
    return paths;
  }

  /** Returns true when this case was opened to write (and holds the lock). */
  public boolean writable() {
    return lock != null;
  }

  /**
   * Returns what {@code case.json} says; a case older than case.json reads as a fresh record.
   *
   * @throws OktaIrException IO when it cannot be read, EVIDENCE when it is not valid case.json
   */
  public CaseInfo info() {
    Path file = paths.caseJson();
    if (!Files.exists(file)) {
      return CaseInfo.fresh(paths.root().getFileName().toString(), clock.instant(), "unknown");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw OktaIrException.io("cannot read", file, e);
    }
    try {
      return Json.MAPPER.readValue(bytes, CaseInfo.class);
    } catch (RuntimeException e) {
      throw new OktaIrException(Kind.EVIDENCE, file + " is not a valid case.json: " + e.getMessage(), e);
    }
  }

  /** Sets the compromise window; an inferred window does not replace one the analyst set. */
  public CaseInfo setWindow(CompromiseWindow window) {
    Objects.requireNonNull(window, "window");
    return update(i -> i.window() != null && i.window().source() == CompromiseWindow.Source.SET
        && window.source() == CompromiseWindow.Source.INFERRED ? i : i.withWindow(window));
  }

  /** Adds subjects (logins or ids) under investigation, keeping those already recorded. */
  public CaseInfo addSubjects(Collection<String> subjects) {
    return update(i -> i.withSubjects(List.copyOf(subjects)));
  }

  /** Records the window of the collection now running, as typed and as resolved (fresh or resumed). */
  public CaseInfo setCollection(CollectWindow window) {
    Objects.requireNonNull(window, "window");
    return update(i -> i.withCollection(window));
  }

  /** Records the Okta org the evidence comes from (an origin, never a credential). */
  public CaseInfo setOrgUrl(String orgUrl) {
    return update(i -> i.withOrgUrl(orgUrl));
  }

  /** Appends a command run to the history, masking secrets in its arguments first. */
  public CaseInfo recordCommand(CommandRun run) {
    CommandRun masked = new CommandRun(ArgvMask.mask(run.argv()), run.started(), run.ended(), run.exitCode());
    return update(i -> i.plus(masked));
  }

  private synchronized CaseInfo update(UnaryOperator<CaseInfo> change) {
    if (lock == null) {
      throw new IllegalStateException("the case " + paths.root() + " was opened to read; open it to write");
    }
    CaseInfo next = change.apply(info()).touched(clock.instant(), writer.version());
    write(next);
    return next;
  }

  private void write(CaseInfo info) {
    AtomicFile.write(paths.caseJson(), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(info));
  }

  /** Releases the lock of a writing case; does nothing for a reading one. */
  @Override
  public void close() {
    if (lock != null) {
      lock.close();
    }
  }
}
