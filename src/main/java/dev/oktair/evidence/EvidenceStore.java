package dev.oktair.evidence;

import dev.oktair.cases.CasePaths;
import dev.oktair.errors.Kind;
import dev.oktair.events.EventSelector;
import dev.oktair.events.LogEvent;
import dev.oktair.events.RejectedLine;
import dev.oktair.errors.OktaIrException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The evidence of one case directory: the front door for writing, listing and verifying it.
 *
 * <p>Where its parts live is the case's business ({@link CasePaths}): sealed files
 * {@code NNNN-name.jsonl} (never rewritten) and the manifest in the evidence directory, rejected
 * input with file and line in quarantine, files being written in staging. Sealing is serialised
 * within the process; the case's lock keeps other okta-ir processes from writing at the same time.
 */
public final class EvidenceStore {
  private final CasePaths paths;
  private final Clock clock;

  private EvidenceStore(CasePaths paths, Clock clock) {
    this.paths = paths;
    this.clock = clock;
  }

  /**
   * Opens (creating if needed, owner-only) the evidence of the case at {@code paths} to write.
   *
   * @throws EvidenceException when the manifest is unreadable, or missing beside sealed files: a
   *     writer must not start a fresh manifest over evidence it cannot account for
   */
  public static EvidenceStore open(CasePaths paths, Clock clock) {
    EvidenceStore store = new EvidenceStore(paths.create(), clock);
    store.files();
    store.discardKilledParts();
    return store;
  }

  /**
   * Removes the part files of writers that were killed before sealing: opened to write, the case
   * is this process's alone (its lock), so no part file in staging belongs to a live writer.
   */
  private void discardKilledParts() {
    try (Stream<Path> staged = Files.list(paths.staging())) {
      for (Path p : staged.filter(p -> p.getFileName().toString().endsWith(".jsonl.part")).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw OktaIrException.io("cannot clean", paths.staging(), e);
    }
  }

  /** Opens (creating if needed, owner-only) the evidence of the case at {@code caseDir}. */
  public static EvidenceStore open(Path caseDir, Clock clock) {
    return open(CasePaths.of(caseDir), clock);
  }

  /** Opens the evidence of an existing case; fails with a clear message when there is none. */
  public static EvidenceStore existing(Path caseDir, Clock clock) {
    CasePaths paths = CasePaths.of(caseDir);
    if (!paths.exists()) {
      throw new EvidenceException(Kind.USAGE,
          "no case at " + caseDir + " (no evidence/ directory): import or collect evidence into it first");
    }
    return new EvidenceStore(paths, clock);
  }

  /** Returns where the parts of this evidence's case live. */
  public CasePaths paths() {
    return paths;
  }

  /** Returns the case directory. */
  public Path caseDir() {
    return paths.root();
  }

  /** Returns the directory of the sealed evidence files. */
  public Path evidenceDir() {
    return paths.evidence();
  }

  /** Returns the quarantine directory, creating it owner-only. */
  public Path quarantineDir() {
    return CasePaths.directory(paths.quarantine());
  }

  /** Returns a quarantine for the rejects of {@code baseName}, its file created on the first reject. */
  public Quarantine quarantine(String baseName) {
    return new Quarantine(quarantineDir(), safeName(baseName));
  }

  /** Returns a quarantine file name of {@code baseName} that no file has yet; the caller creates it. */
  public Path unusedQuarantineFile(String baseName) {
    return Quarantine.unused(quarantineDir(), safeName(baseName));
  }

  /** Returns the staging directory for files being written (e.g. resumable collection parts). */
  public Path stagingDir() {
    return CasePaths.directory(paths.staging());
  }

  /** Returns the sealed files, in the order they were sealed. */
  public List<EvidenceFile> files() {
    return manifest().files();
  }

  Manifest manifest() {
    return Manifest.read(paths.manifest());
  }

  /** Returns the path of a sealed file. */
  public Path pathOf(EvidenceFile file) {
    return evidenceDir().resolve(file.name());
  }

  /**
   * Starts a new evidence file; its final name is {@code NNNN-<baseName>.jsonl}, numbered after
   * the files already sealed.
   */
  public EvidenceWriter create(String baseName, Source source) {
    return create(baseName, source, false);
  }

  /** Starts a new evidence file; {@code deferred}: hashed once written (an import's byte copy). */
  EvidenceWriter create(String baseName, Source source, boolean deferred) {
    String safe = safeName(baseName);
    try {
      Path staged = Files.createTempFile(stagingDir(), safe + "-", ".jsonl.part");
      return new EvidenceWriter(this, safe, source, staged, deferred);
    } catch (IOException e) {
      throw OktaIrException.io("cannot create a staging file in", stagingDir(), e);
    }
  }

  synchronized EvidenceFile seal(
      Path staged, String baseName, String sha256, long bytes, long events,
      String first, String last, boolean inTimeOrder, Source source) {
    Manifest manifest = Manifest.read(paths.manifest());
    if (!Files.exists(paths.manifest())) {
      // Written before the first file is moved in: afterwards a missing manifest always means a
      // deleted one, never a crash between the move and the manifest.
      manifest.write(paths.manifest());
    }
    String name = String.format(Locale.ROOT, "%04d-%s.jsonl", manifest.files().size() + 1, baseName);
    Path target = evidenceDir().resolve(name);
    try {
      if (!Files.exists(target)) {
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        target.toFile().setReadOnly();
      } else if (Files.size(target) == bytes && sha256(target).equals(sha256)) {
        // A crash between the move and the manifest left these very bytes unlisted: list them.
        Files.delete(staged);
      } else {
        throw new EvidenceException("refusing to overwrite the evidence file " + target);
      }
    } catch (IOException e) {
      throw OktaIrException.io("cannot seal", target, e);
    }
    EvidenceFile file =
        new EvidenceFile(name, sha256, bytes, events, first, last, source, clock.instant().toString());
    manifest.plus(file, inTimeOrder).write(paths.manifest());
    return file;
  }

  /** Re-hashes every evidence file and compares it, and the set of files, with the manifest. */
  public VerifyReport verify() {
    List<EvidenceFile> listed = files();
    List<String> ok = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    for (EvidenceFile file : listed) {
      names.add(file.name());
      Path path = pathOf(file);
      if (!Files.isRegularFile(path)) {
        removed.add(file.name());
      } else if (sha256(path).equals(file.sha256())) {
        ok.add(file.name());
      } else {
        changed.add(file.name());
      }
    }
    List<String> added = new ArrayList<>();
    try (Stream<Path> present = Files.list(evidenceDir())) {
      for (Path p : present.sorted().collect(Collectors.toList())) {
        String name = p.getFileName().toString();
        if (!name.equals(paths.manifest().getFileName().toString()) && !names.contains(name)) {
          added.add(name);
        }
      }
    } catch (IOException e) {
      throw OktaIrException.io("cannot list", evidenceDir(), e);
    }
    return new VerifyReport(ok, changed, added, removed);
  }

  /**
   * Reads the evidence in manifest order, handing each event {@code selector} keeps to {@code
   * reading} once (a line repeating an earlier event, in this file or another, is skipped), until
   * it returns false; missing files and corrupt lines are reported to it and counted.
   */
  public ReadReport readDistinct(EventSelector selector, Reading reading) {
    return new DistinctEvents(selector, reading).run(this);
  }

  /** Receives what {@link #readDistinct} finds, on the calling thread. */
  public interface Reading {
    /** Receives a selected event seen for the first time; returns false to stop. */
    boolean event(LogEvent event);

    /**
     * Receives, before the events of each evidence file, the sealed file they lie in, each at its
     * {@link LogEvent#offset} as it is (so they may be read again from there rather than kept), or
     * null when they are not to be found so; by default ignored.
     */
    default void from(Path file) {
      // most readers keep what they need of the events themselves
    }

    /**
     * Receives, before the first event, whether the events handed on that have a published time
     * come in the order of that time, as the manifest recorded the files' order (false when it
     * cannot tell); by default ignored.
     */
    default void inTimeOrder(boolean ordered) {
      // most readers do not depend on the order
    }

    /** Receives a line of an evidence file that is not an event. */
    void rejected(RejectedLine line);

    /** Receives an evidence file that is missing or cannot be read, with why. */
    void unreadable(Path file, String why);
  }

  /**
   * What {@link #readDistinct} read.
   *
   * @param matched distinct selected events handed on
   * @param repeats selected lines skipped because they repeat an earlier event
   * @param unreadableFiles evidence files missing or unreadable
   * @param corruptLines lines of evidence files that are not events
   */
  public record ReadReport(long matched, long repeats, int unreadableFiles, long corruptLines) {
    /** Returns true when every evidence file was read and every line was an event. */
    public boolean intact() {
      return unreadableFiles == 0 && corruptLines == 0;
    }
  }

  /** Returns the lowercase hex SHA-256 of a file, streaming it. */
  public static String sha256(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        digest.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String safeName(String baseName) {
    String s = baseName.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+", "");
    if (s.endsWith(".jsonl")) {
      s = s.substring(0, s.length() - ".jsonl".length());
    }
    s = s.isEmpty() ? "events" : s;
    return s.length() > 80 ? s.substring(0, 80) : s;
  }

  /**
   * The result of {@link #verify()}.
   *
   * @param ok files whose hash matches
   * @param changed files whose bytes differ from the manifest's hash
   * @param added files in {@code evidence/} that the manifest does not list
   * @param removed files the manifest lists that are gone
   */
  public record VerifyReport(List<String> ok, List<String> changed, List<String> added, List<String> removed) {
    public VerifyReport {
      ok = List.copyOf(ok);
      changed = List.copyOf(changed);
      added = List.copyOf(added);
      removed = List.copyOf(removed);
    }

    /** Returns true when every listed file is intact and nothing was added or removed. */
    public boolean intact() {
      return changed.isEmpty() && added.isEmpty() && removed.isEmpty();
    }
  }
}
