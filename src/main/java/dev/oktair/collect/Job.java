package dev.oktair.collect;

import dev.oktair.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
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
import java.util.stream.Stream;

/**
 * The resumable state of one collection, in {@code .staging/collect-<hash of the query>/}:
 * {@code job.json} (the query as first resolved), and per slice a part file of raw events
 * ({@code slice-NNN.jsonl}), its sort index ({@code slice-NNN.idx}: each event's published time,
 * uuid and length, so the merge needs not parse the events twice) and its checkpoint
 * ({@code slice-NNN.json}: the next link and both files' lengths after the last saved page). Checkpoints are replaced atomically after the
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
   */
  record Sealing(String sha256, long bytes, long events, int after) {}

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
   */
  record SliceState(
      int index, String since, String until, String next, long bytes, long indexBytes, long events, long pages,
      boolean done) {
    SliceState after(String nextUrl, long addedBytes, long addedIndexBytes, long addedEvents, boolean finished) {
      return new SliceState(index, since, until, nextUrl, bytes + addedBytes, indexBytes + addedIndexBytes,
          events + addedEvents, pages + 1, finished);
    }
  }

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

  /** Returns the job in {@code dir}, or null when there is none. */
  static Job open(Path dir) {
    Path f = dir.resolve(JOB);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    return new Job(dir, Json.MAPPER.readValue(f.toFile(), JobFile.class));
  }

  /** Creates the job: its file and an empty checkpoint per slice. */
  static Job create(Path dir, JobFile file, List<Slices.Window> windows) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    Job job = new Job(dir, file);
    for (int i = 0; i < windows.size(); i++) {
      Slices.Window w = windows.get(i);
      job.save(new SliceState(i, w.since().toString(), w.until().toString(), null, 0, 0, 0, 0, false));
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

  /** Removes the job's directory. */
  void delete() {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }

  private Path checkpoint(int index) {
    return dir.resolve(String.format(Locale.ROOT, "slice-%03d.json", index));
  }

  private void writeAtomically(Path target, Object value) {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try {
      byte[] bytes = Json.MAPPER.writeValueAsBytes(value);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(java.nio.ByteBuffer.wrap(bytes));
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the checkpoint " + target, e);
    }
  }
}
