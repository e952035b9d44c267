package dev.oktair.collect;

import dev.oktair.cases.CasePaths;
import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;
import dev.oktair.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The resumable state of one collection, in {@code .staging/collect-<hash of the query>/}:
 * {@code job.json} (the query as first resolved), and per slice a part file of raw events
 * ({@code slice-NNN.jsonl}), its sort index ({@code slice-NNN.idx}: each event's published time,
 * uuid and length, so the merge needs not parse the events twice), its rejects ({@code
 * slice-NNN.rejects.jsonl}: the page elements that are not evidence, as quarantine lines) and its
 * checkpoint ({@code slice-NNN.json}: the next link and the three files' lengths after the last
 * saved page). Checkpoints are replaced atomically after the
 * page they count was forced to disk, so a crash at any point leaves a consistent state. Holds
 * no credentials. Thread-safe.
 */
final class Job {
  private static final String JOB = "job.json";

  /**
   * The query a job collects, fixed when it was first started.
   *
   * @param version format version, 1
   * @param key what identifies the job (org and the arguments as given)
   * @param since window start (ISO-8601)
   * @param until window end (ISO-8601)
   * @param filter the Okta filter, or null
   * @param slices how many slices
   * @param sealed the evidence file it was sealed as, or null while collecting
   * @param sealing the file it is about to be sealed as, or null before the merge ends
   */
  record JobFile(
      int version, String key, String since, String until, String filter, int slices, String sealed,
      Sealing sealing) {}

  /**
   * The evidence file a job is about to seal, noted before sealing so that a run resumed after a
   * crash between sealing and {@link #markSealed} finds it in the manifest instead of sealing the
   * same events again.
   *
   * @param sha256 the file's hash
   * @param bytes its size
   * @param events its event count
   * @param after how many files the manifest listed before it: the file is at this index or later
   * @param pages pages collected (reported again by a run that finds the job already sealed)
   * @param quarantine the quarantine file (in the case's quarantine) the job's rejects go to, or
   *     null when there are none; noted so that a run resumed after a crash writes the same file
   * @param rejected how many events it holds (reported again by a run that finds the job sealed)
   */
  record Sealing(String sha256, long bytes, long events, int after, long pages, String quarantine, long rejected) {}

  /**
   * One slice's checkpoint.
   *
   * @param index the slice's number
   * @param since its start (ISO-8601, inclusive)
   * @param until its end (exclusive)
   * @param next the next page's URL, or null before the first page
   * @param bytes the part file's length after the last saved page
   * @param indexBytes the index file's length after the last saved page
   * @param events events saved
   * @param pages pages saved
   * @param done true when the slice has no more pages
   * @param rejectBytes the rejects file's length after the last saved page
   * @param rejected page elements rejected (not evidence) so far
   */
  record SliceState(
      int index, String since, String until, String next, long bytes, long indexBytes, long events, long pages,
      boolean done, long rejectBytes, long rejected) {
    /** Returns the state after one more saved page. */
    SliceState after(String nextUrl, Added added, boolean finished) {
      return new SliceState(index, since, until, nextUrl, bytes + added.bytes(), indexBytes + added.indexBytes(),
          events + added.events(), pages + 1, finished, rejectBytes + added.rejectBytes(), rejected + added.rejected());
    }
  }

  /** What one saved page added to a slice's files and counts. */
  record Added(long bytes, long indexBytes, long events, long rejectBytes, long rejected) {}

  private final Path dir;
  private JobFile file;

  private Job(Path dir, JobFile file) {
    this.dir = dir;
    this.file = file;
  }

  /** Returns the directory of the job identified by {@code key} under {@code staging}. */
  static Path dirFor(Path staging, String key) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return staging.resolve("collect-" + HexFormat.of().formatHex(hash, 0, 8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Returns the job in {@code dir}, or null when there is none. A job directory left by a run
   * killed while it was being removed ({@link #delete}) is finished removing here first.
   */
  static Job open(Path dir) {
    removeTree(discarded(dir));
    Path f = dir.resolve(JOB);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    return new Job(dir, Json.MAPPER.readValue(f.toFile(), JobFile.class));
  }

  /**
   * Returns true when every slice's checkpoint is present, so the job can be resumed or merged; a
   * job missing one (left by an older okta-ir killed while removing it) can only be discarded.
   */
  boolean complete() {
    for (int i = 0; i < file().slices(); i++) {
      if (!Files.isRegularFile(checkpoint(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Takes the job's own lock ({@code .lock} in its directory, created if need be), at once or not
   * at all: a job directory is written by one process at a time, whatever the case lock says. The
   * lock file goes with the directory when the job is removed.
   *
   * @throws CollectException of kind BUSY when another run (process or thread) holds it
   */
  static Held lock(Path dir) {
    Path file = CasePaths.directory(dir).resolve(".lock");
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
          CasePaths.ownerOnlyFile());
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException sameProcess) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new CollectException(Kind.BUSY, "the collection staged in " + dir
            + " is being run by another okta-ir process; wait for it to finish, then run this again", null);
      }
      FileChannel held = channel;
      return () -> {
        try {
          held.close(); // releases the lock
        } catch (IOException ignored) {
          // the lock goes with the channel, closed or not
        }
      };
    } catch (IOException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // already failing with a clearer error
        }
      }
      throw OktaIrException.io("cannot lock the collection", file, e);
    }
  }

  /** A job's lock, held until closed. */
  interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /** Creates the job: its file and an empty checkpoint per slice. */
  static Job create(Path dir, JobFile file, List<Slices.Window> windows) {
    CasePaths.directory(dir);
    Job job = new Job(dir, file);
    for (int i = 0; i < windows.size(); i++) {
      Slices.Window w = windows.get(i);
      job.save(new SliceState(i, w.since().toString(), w.until().toString(), null, 0, 0, 0, 0, false, 0, 0));
    }
    job.writeAtomically(dir.resolve(JOB), file); // last: a job without job.json is started afresh
    return job;
  }

  synchronized JobFile file() {
    return file;
  }

  Path dir() {
    return dir;
  }

  /** Returns the part file of slice {@code index}. */
  Path part(int index) {
    return dir.resolve(String.format(Locale.ROOT, "slice-%03d.jsonl", index));
  }

  /** Returns the sort index of slice {@code index}. */
  Path sortIndex(int index) {
    return dir.resolve(String.format(Locale.ROOT, "slice-%03d.idx", index));
  }

  /** Returns the rejects file of slice {@code index}. */
  Path rejects(int index) {
    return dir.resolve(String.format(Locale.ROOT, "slice-%03d.rejects.jsonl", index));
  }

  /**
   * Writes the slices' rejects, in slice order, to {@code target} in the case's quarantine:
   * written beside it and moved over it in one step (owner-only), so a run resumed after a crash
   * leaves the same one file.
   */
  void installRejects(Path target) {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try {
      try (FileChannel out = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING), CasePaths.ownerOnlyFile())) {
        for (SliceState s : slices()) {
          try (FileChannel in = FileChannel.open(rejects(s.index()))) {
            long done = 0;
            while (done < s.rejectBytes()) {
              done += in.transferTo(done, s.rejectBytes() - done, out);
            }
          } catch (java.nio.file.NoSuchFileException none) {
            // a slice that rejected nothing may have no file (a job staged by an older okta-ir)
          }
        }
        out.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw OktaIrException.io("cannot write the quarantine file", target, e);
    }
  }

  /** Returns every slice's checkpoint, in slice order. */
  List<SliceState> slices() {
    List<SliceState> out = new ArrayList<>();
    for (int i = 0; i < file().slices(); i++) {
      out.add(Json.MAPPER.readValue(checkpoint(i).toFile(), SliceState.class));
    }
    return out;
  }

  /** Replaces a slice's checkpoint atomically. */
  void save(SliceState state) {
    writeAtomically(checkpoint(state.index()), state);
  }

  /** Records, before sealing, the file the job is about to seal. */
  synchronized void markSealing(Sealing sealing) {
    JobFile f = file;
    replace(new JobFile(f.version(), f.key(), f.since(), f.until(), f.filter(), f.slices(), null, sealing));
  }

  /** Records that the job was sealed as {@code evidenceName}. */
  synchronized void markSealed(String evidenceName) {
    JobFile f = file;
    replace(new JobFile(f.version(), f.key(), f.since(), f.until(), f.filter(), f.slices(), evidenceName,
        f.sealing()));
  }

  private void replace(JobFile next) {
    writeAtomically(dir.resolve(JOB), next);
    file = next;
  }

  /**
   * Removes the job's directory: first renamed aside in one atomic step, so a run killed while
   * the files are deleted leaves either the whole job or none of it (the rest of the renamed
   * directory is removed by the next {@link #open}).
   */
  void delete() {
    Path aside = discarded(dir);
    try {
      removeTree(aside);
      Files.move(dir, aside, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
    removeTree(aside);
  }

  private static Path discarded(Path dir) {
    return dir.resolveSibling(dir.getFileName() + ".discarded");
  }

  private static void removeTree(Path d) {
    if (!Files.isDirectory(d)) {
      return;
    }
    try (Stream<Path> files = Files.list(d)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(d);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + d, e);
    }
  }

  private Path checkpoint(int index) {
    return dir.resolve(String.format(Locale.ROOT, "slice-%03d.json", index));
  }

  private void writeAtomically(Path target, Object value) {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try {
      byte[] bytes = Json.MAPPER.writeValueAsBytes(value);
      try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING), CasePaths.ownerOnlyFile())) {
        ch.write(java.nio.ByteBuffer.wrap(bytes));
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the checkpoint " + target, e);
    }
  }
}
