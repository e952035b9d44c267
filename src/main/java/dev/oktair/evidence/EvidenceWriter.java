package dev.oktair.evidence;

import dev.oktair.events.EventRun;
import dev.oktair.events.LogEvent;
import dev.oktair.events.Times;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Writes one new evidence file: raw events, one per line, byte-exact, into a staging file that
 * {@link #seal()} hashes and moves into {@code evidence/} with its manifest entry. A writer that
 * is closed without sealing leaves nothing in the evidence. Not thread-safe.
 */
public final class EvidenceWriter implements AutoCloseable {
  private final EvidenceStore store;
  private final String baseName;
  private final Source source;
  private final Path staged;
  private final MessageDigest digest;
  private final OutputStream out;
  private long events;
  private long bytes;
  private Instant first;
  private Instant last;
  /** True while each event written with a published time was no earlier than every one before it. */
  private boolean inTimeOrder = true;
  private byte[] firstRaw;
  private byte[] lastRaw;
  private LogEvent firstEvent;
  private LogEvent lastEvent;
  private boolean finished;
  private Content content;
  private final boolean deferred;
  /** True while everything written came in whole runs of input lines ({@link #write(EventRun)}). */
  private boolean runsOnly = true;
  /** The SHA-256 of the input this file copies byte for byte, when {@link #sameAs} confirmed it. */
  private String copied;

  EvidenceWriter(EvidenceStore store, String baseName, Source source, Path staged) {
    this(store, baseName, source, staged, false);
  }

  /**
   * With {@code deferred}, the file is hashed once finished rather than while written: either it
   * is known to be a byte copy of an input already hashed ({@link #sameAs}), or it is read back.
   */
  EvidenceWriter(EvidenceStore store, String baseName, Source source, Path staged, boolean deferred) {
    this.store = store;
    this.baseName = baseName;
    this.source = source;
    this.staged = staged;
    this.deferred = deferred;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
      // No O_TRUNC: the staging file was just created empty, and on ext4 truncating an empty file
      // marks it to be flushed to disk at close (auto_da_alloc), a wait of its own for a large import.
      OutputStream file = Files.newOutputStream(staged, StandardOpenOption.WRITE);
      this.out = new BufferedOutputStream(deferred ? file : new DigestOutputStream(file, digest), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + staged, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Appends one event's raw bytes and a newline. */
  public void write(LogEvent event) {
    runsOnly = false;
    append(event.rawLength(), () -> event.writeRaw(out));
    track(event.published(), null, event);
  }

  /** What writes one event's bytes. */
  private interface RawWrite {
    void run() throws IOException;
  }

  private void append(int length, RawWrite raw) {
    if (content != null) {
      throw new IllegalStateException("the file " + staged + " is already finished");
    }
    try {
      raw.run();
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + staged, e);
    }
    events++;
    bytes += length + 1L;
  }

  /**
   * Appends one event's raw bytes, already known to be a valid event (e.g. read back from a
   * collection's part file), and a newline, without parsing them again. {@code published} is the
   * event's parsed {@code published}, or null; only the earliest and latest events are parsed, at
   * seal, for the text the manifest records of them.
   *
   * @throws IllegalArgumentException when {@code raw} is empty or holds a line break
   */
  public void write(byte[] raw, Instant published) {
    for (byte b : raw) {
      if (b == '\n' || b == '\r') {
        throw new IllegalArgumentException("an event written to " + staged + " holds a line break");
      }
    }
    if (raw.length == 0) {
      throw new IllegalArgumentException("an empty event written to " + staged);
    }
    runsOnly = false;
    append(raw.length, () -> out.write(raw));
    track(published, raw, null);
  }

  /** Appends a run of input lines, each an event as it stands with its LF, in one write. */
  void write(EventRun run) {
    if (content != null) {
      throw new IllegalStateException("the file " + staged + " is already finished");
    }
    try {
      out.write(run.bytes(), run.from(), run.to() - run.from());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + staged, e);
    }
    events += run.events().size();
    bytes += run.to() - run.from();
    for (LogEvent e : run.events()) {
      track(e.published(), null, e);
    }
  }

  /**
   * Notes that the input this file was written from had SHA-256 {@code sha} over {@code size}
   * bytes: when everything written came in runs and adds up to that size, the runs were the whole
   * input in order, so the file is a byte copy and its hash is the input's (no second hashing).
   */
  void sameAs(String sha, long size) {
    copied = deferred && runsOnly && bytes == size ? sha : null;
  }

  /** Returns the staging file being written, until the seal moves it. */
  Path stagedPath() {
    return staged;
  }

  /** Hands what is buffered to the file, so that it can be read back while the writing goes on. */
  void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + staged, e);
    }
  }

  /** Returns how many events were written so far. */
  public long events() {
    return events;
  }

  /**
   * Notes the earliest and latest event, as raw bytes or as parsed, to read their text at seal, and
   * whether the events come in time order (what the manifest records of the file).
   */
  private void track(Instant at, byte[] raw, LogEvent event) {
    if (at == null) {
      return;
    }
    if (last != null && at.isBefore(last)) {
      inTimeOrder = false;
    }
    if (first == null || at.isBefore(first)) {
      first = at;
      firstRaw = raw;
      firstEvent = event;
    }
    if (last == null || at.isAfter(last)) {
      last = at;
      lastRaw = raw;
      lastEvent = event;
    }
  }

  /** The manifest's first/last published, in the one fixed form (UTC, ms) so that it sorts. */
  private static String publishedText(byte[] raw, LogEvent event) {
    if (event != null) {
      return Times.formatPublished(event.publishedText());
    }
    return raw == null ? null : Times.formatPublished(LogEvent.parse(raw).publishedText());
  }

  /** Closes the file, moves it into the evidence and records it; returns its manifest entry. */
  public EvidenceFile seal() {
    return seal(source);
  }

  /**
   * What a finished file holds, known before it is sealed.
   *
   * @param sha256 lowercase hex SHA-256 of its bytes
   * @param bytes its size
   * @param events how many events it holds
   */
  public record Content(String sha256, long bytes, long events) {}

  /**
   * Ends the writing and returns the hash, size and count that {@link #seal()} will record, so
   * a caller can note them first (a resumable job, to recognise its file after a crash).
   */
  public Content content() {
    if (content == null) {
      closeStream();
      content = new Content(copied != null ? copied : deferred ? hashStaged() : HexFormat.of().formatHex(digest.digest()),
          bytes, events);
    }
    return content;
  }

  /** Returns the SHA-256 of the staged file, read back (a deferred writer whose file is not a copy). */
  private String hashStaged() {
    try (InputStream in = new DigestInputStream(Files.newInputStream(staged), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read back " + staged, e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Seals with a source completed by what was learnt while writing (an import's input hash). */
  EvidenceFile seal(Source finalSource) {
    Content c = content();
    EvidenceFile file = store.seal(staged, baseName, c.sha256(), c.bytes(), c.events(),
        publishedText(firstRaw, firstEvent), publishedText(lastRaw, lastEvent), inTimeOrder, finalSource);
    finished = true; // only now: a refused seal leaves the staged file for close() to remove
    return file;
  }

  @Override
  public void close() {
    if (finished) {
      return;
    }
    closeStream();
    finished = true;
    try {
      Files.deleteIfExists(staged);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + staged, e);
    }
  }

  private void closeStream() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + staged, e);
    }
  }
}
