package dev.oktair.cases;

import dev.oktair.errors.OktaIrException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;

/**
 * Where each part of a case lives: the one place that names the files of a case directory. Pure
 * path arithmetic except {@link #create} and {@link #directory}, which make directories
 * owner-only (0700 where the file system is POSIX). Immutable and thread-safe.
 *
 * @param root the case directory
 */
public record CasePaths(Path root) {
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  public CasePaths {
    Objects.requireNonNull(root, "root");
  }

  /** Returns the paths of the case at {@code root}. */
  public static CasePaths of(Path root) {
    return new CasePaths(root);
  }

  /** Returns {@code evidence/}: sealed raw event files. */
  public Path evidence() {
    return root.resolve("evidence");
  }

  /** Returns {@code evidence/manifest.json}: hash, size and source of every sealed file. */
  public Path manifest() {
    return evidence().resolve("manifest.json");
  }

  /** Returns {@code quarantine/}: rejected input lines. */
  public Path quarantine() {
    return root.resolve("quarantine");
  }

  /** Returns {@code .staging/}: files being written (evidence parts, resumable collections). */
  public Path staging() {
    return root.resolve(".staging");
  }

  /** Returns {@code case.duckdb}: the derived case database. */
  public Path database() {
    return root.resolve("case.duckdb");
  }

  /**
   * Returns {@code case.pivots/}: derived like the database, the top values per pivot key (written
   * by loads and pivots) so that a pivot can answer without opening the database.
   */
  public Path pivotSummaries() {
    return root.resolve("case.pivots");
  }

  /** Returns {@code case.json}: subject, window, org and the history of commands. */
  public Path caseJson() {
    return root.resolve("case.json");
  }

  /** Returns {@code findings.json}: detections and audit results. */
  public Path findings() {
    return root.resolve("findings.json");
  }

  /** Returns {@code plan.json}: the containment plan, reviewed before apply. */
  public Path plan() {
    return root.resolve("plan.json");
  }

  /** Returns {@code journal.jsonl}: the append-only record of actions applied. */
  public Path journal() {
    return root.resolve("journal.jsonl");
  }

  /** Returns {@code reports/}: reports for people and machines. */
  public Path reports() {
    return root.resolve("reports");
  }

  /** Returns {@code export/}: the default place of exports. */
  public Path exports() {
    return root.resolve("export");
  }

  /** Returns {@code forward/}: one checkpoint per SIEM sink a follow forwards to. */
  public Path forwarding() {
    return root.resolve("forward");
  }

  /** Returns {@code .lock}: the lock a writing command holds, naming it. */
  public Path lock() {
    return root.resolve(".lock");
  }

  /** Returns true when {@code root} holds a case (its evidence directory exists). */
  public boolean exists() {
    return Files.isDirectory(evidence());
  }

  /** Creates the case directory and its evidence and staging directories, owner-only; returns this. */
  public CasePaths create() {
    directory(root);
    directory(evidence());
    directory(staging());
    return this;
  }

  /**
   * Creates {@code dir} (and missing parents) owner-only if it does not exist; returns it.
   *
   * @throws OktaIrException of kind IO, naming the directory, when it cannot be created
   */
  public static Path directory(Path dir) {
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, dirAttributes());
      }
      return dir;
    } catch (IOException e) {
      throw OktaIrException.io("cannot create the directory", dir, e);
    }
  }

  /**
   * Makes {@code path} owner-only: a file 0600, a directory 0700 with everything under it likewise
   * (for files other libraries create with the process umask: the database, exports). Does nothing
   * where the file system is not POSIX or the path does not exist.
   *
   * @throws OktaIrException of kind IO when the permissions cannot be set
   */
  public static void ownerOnly(Path path) {
    if (!POSIX || !Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (java.util.stream.Stream<Path> all = Files.walk(path)) {
      for (Path p : all.toList()) {
        if (!Files.isSymbolicLink(p)) {
          Files.setPosixFilePermissions(p, Files.isDirectory(p) ? DIR : FILE);
        }
      }
    } catch (IOException e) {
      throw OktaIrException.io("cannot make owner-only", path, e);
    }
  }

  /** Returns the attributes of a new owner-only file, for files a case creates itself. */
  public static FileAttribute<?>[] ownerOnlyFile() {
    return fileAttributes();
  }

  /** Returns the attributes of a new owner-only directory (none where the file system is not POSIX). */
  static FileAttribute<?>[] dirAttributes() {
    return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIR)} : new FileAttribute<?>[0];
  }

  /** Returns the attributes of a new owner-only file (none where the file system is not POSIX). */
  static FileAttribute<?>[] fileAttributes() {
    return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
  }
}
