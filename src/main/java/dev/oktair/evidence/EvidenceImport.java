package dev.oktair.evidence;

import dev.oktair.events.EventHandler;
import dev.oktair.events.EventReader;
import dev.oktair.events.EventRun;
import dev.oktair.events.LogEvent;
import dev.oktair.events.ReadSummary;
import dev.oktair.events.RejectedLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Imports exported System Log files into a case's evidence: each readable input file becomes one
 * sealed JSONL evidence file holding its events byte-exact, one per line, whatever fields they
 * lack; its rejects go to a quarantine file; exact duplicates across the import's files are kept
 * once. The manifest records each input's path, SHA-256, layout and any transformation (UTF-16
 * transcoded, events taken out of a SIEM wrapper). An input whose SHA-256 is already in the
 * manifest is reported as already imported and not sealed again. Symbolic links are not followed
 * unless asked. {@code -} reads the standard input. Not thread-safe.
 */
public final class EvidenceImport {
  /** The file name that stands for the standard input. */
  public static final Path STDIN = Path.of("-");

  private final EvidenceStore store;
  private final WrittenFiles written = new WrittenFiles();
  private final DeferredDedup seen = new DeferredDedup(written);
  private final List<EvidenceFile> sealed = new ArrayList<>();
  private final List<Path> quarantines = new ArrayList<>();
  private final List<String> alreadyImported = new ArrayList<>();
  private final Tally total = new Tally();
  private boolean followSymlinks;
  private InputStream stdin = InputStream.nullInputStream();
  private int unreadable;

  private EvidenceImport(EvidenceStore store) {
    this.store = store;
  }

  /** Returns an import into {@code store}; duplicates are recognised across one import's files. */
  public static EvidenceImport into(EvidenceStore store) {
    return new EvidenceImport(store);
  }

  /** Returns this import, following symbolic links when {@code follow} (by default they are refused). */
  public EvidenceImport followingSymlinks(boolean follow) {
    this.followSymlinks = follow;
    return this;
  }

  /** Returns this import, reading {@code in} for the file {@link #STDIN}. */
  public EvidenceImport withStdin(InputStream in) {
    this.stdin = in;
    return this;
  }

  /** Imports {@code files} in order, telling {@code listener} of problems; returns the totals so far. */
  public ImportReport run(List<Path> files, ImportListener listener) {
    try {
      for (Path file : files) {
        if (file.equals(STDIN)) {
          importStream(stdin, "-", "stdin", "stdin", null, listener);
        } else {
          importFile(file, listener);
        }
      }
    } finally {
      try {
        written.close();
      } catch (IOException e) {
        // only files opened to read back events: nothing of the import depends on closing them
      }
    }
    return new ImportReport(sealed, total.events, total.duplicates, total.rejected, total.blank, total.collisions,
        total.missingUuid, total.missingPublished, total.compacted, unreadable, quarantines, alreadyImported);
  }

  private void importFile(Path file, ImportListener listener) {
    String display = file.toString();
    boolean link = Files.isSymbolicLink(file);
    if (link && !followSymlinks) {
      unreadable++;
      listener.unreadable(display, "a symbolic link, not followed (pass --follow-symlinks to import what it points to)");
      return;
    }
    LinkOption[] how = followSymlinks ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    if (!Files.isRegularFile(file, how)) {
      unreadable++;
      listener.unreadable(display, Files.exists(file, how) ? "not a regular file" : "no such file");
      return;
    }
    String location;
    String sha = null;
    try {
      location = link ? file.toRealPath().toString() : file.toAbsolutePath().normalize().toString();
      // Gzip is read through once first, so that a refused file (bytes after its compressed data)
      // leaves nothing behind. Other input is hashed in the one pass that imports it, which then
      // recognises a file imported before at its end (sha null): one pass, not two, over the bytes.
      if (isGzip(file, how)) {
        sha = checkWhole(file, how);
      }
    } catch (IOException e) {
      unreadable++;
      listener.unreadable(display, (e instanceof EventReader.RefusedInput ? "" : "cannot read (") + describe(e)
          + (e instanceof EventReader.RefusedInput ? "" : ")"));
      return;
    }
    if (sha != null && isAlreadyImported(display, sha, listener)) {
      return;
    }
    listener.started(display, sizeOf(file));
    try (InputStream in = Files.newInputStream(file, how)) {
      importStream(in, display, location, baseName(file), sha, listener);
    } catch (IOException e) {
      unreadable++;
      listener.unreadable(display, "cannot read (" + describe(e) + ")");
    }
  }

  /**
   * Reads the whole file once before importing it: its SHA-256 (to recognise a file imported
   * before) and, for gzip, that nothing follows the compressed data, so a refused file leaves
   * nothing behind.
   */
  private static String checkWhole(Path file, LinkOption[] how) throws IOException {
    MessageDigest hash = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file, how), hash)) {
      try {
        EventReader.checkGzip(in);
      } catch (EventReader.RefusedInput e) {
        throw e;
      } catch (IOException e) {
        // corrupt or truncated: the read proper reports it and keeps the events before it
      }
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(hash.digest());
  }

  private static boolean isGzip(Path file, LinkOption[] how) throws IOException {
    try (InputStream in = Files.newInputStream(file, how)) {
      byte[] magic = in.readNBytes(2);
      return magic.length == 2 && magic[0] == (byte) 0x1f && magic[1] == (byte) 0x8b;
    }
  }

  private boolean isAlreadyImported(String display, String sha, ImportListener listener) {
    for (EvidenceFile f : store.files()) {
      if ("import".equals(f.source().kind()) && sha.equals(f.source().sha256())) {
        alreadyImported.add(f.name());
        listener.alreadyImported(display, f.name());
        return true;
      }
    }
    return false;
  }

  /** Imports one input; {@code knownSha} is its hash when already computed, else null. */
  private void importStream(InputStream raw, String display, String location, String name, String knownSha,
      ImportListener listener) {
    try (HashingInput in = new HashingInput(raw);
        EvidenceWriter writer = store.create(name, Source.imported(location), true);
        Quarantine quarantine = new Quarantine(store.quarantineDir(), EvidenceStore.safeName(name))) {
      int number = written.start(writer);
      FileHandler handler = new FileHandler(display, location, writer, number, quarantine, listener);
      Source source = Source.imported(location);
      try {
        ReadSummary summary = EventReader.create().treeless().read(in, display, handler);
        in.transferTo(OutputStream.nullOutputStream()); // hash what follows a gzip stream too
        handler.tally.blank += summary.blank();
        handler.tally.compacted += summary.compacted();
        String sha = in.sha256();
        if (!summary.gzip() && summary.encoding() == null && summary.format() == ReadSummary.Format.JSONL) {
          writer.sameAs(sha, in.count); // the sealed file's hash is the input's when it is a byte copy
        }
        if (knownSha == null && isAlreadyImported(display, sha, listener)) {
          quarantine.discard();
          seen.settle(number); // what it held still counts as seen, as it did before the file goes
          written.done(number, null);
          return; // the input repeated a file imported before: the writer is discarded
        }
        source = source.withImportDetails(sha, formatOf(summary), summary.compacted())
            .withTransformations(summary.encoding(), summary.wrappers(), summary.partial());
      } catch (IOException e) {
        unreadable++;
        listener.unreadable(display, "read error after line " + handler.lastLine + " (" + describe(e)
            + "); the " + handler.tally.events + " events read before it are kept");
      }
      EvidenceFile file = writer.seal(source);
      written.done(number, store.pathOf(file));
      sealed.add(file);
      recordVerified(file);
      total.add(handler.tally);
      if (quarantine.path() != null) {
        quarantines.add(quarantine.path());
      }
    } catch (IOException e) {
      unreadable++;
      listener.unreadable(display, "cannot read (" + describe(e) + ")");
    }
  }

  /**
   * Notes the sealed file as verified ({@link VerifiedStats}): its bytes were hashed as they were
   * imported, so the first read of the case need not hash them again. Only a cache: a file that
   * cannot be stat'ed or a record that cannot be written costs that read a hash.
   */
  private void recordVerified(EvidenceFile file) {
    try {
      VerifiedStats verified = VerifiedStats.of(store.caseDir(), Clock.systemUTC());
      verified.sealed(VerifiedStats.stat(file, store.pathOf(file)));
      verified.save(store.files());
    } catch (IOException | RuntimeException e) {
      // the next read hashes the file, as it would have without the record
    }
  }

  /** What one input file added, counted apart so that an input not sealed adds nothing. */
  private static final class Tally {
    long events;
    long duplicates;
    long rejected;
    long blank;
    long collisions;
    long missingUuid;
    long missingPublished;
    long compacted;

    void add(Tally t) {
      events += t.events;
      duplicates += t.duplicates;
      rejected += t.rejected;
      blank += t.blank;
      collisions += t.collisions;
      missingUuid += t.missingUuid;
      missingPublished += t.missingPublished;
      compacted += t.compacted;
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }

  private static String describe(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String formatOf(ReadSummary s) {
    String layout = s.format().label();
    return s.gzip() ? layout + "+gzip" : layout;
  }

  /** Returns the input's name without its compression and JSON extensions. */
  static String baseName(Path file) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    for (String ext : new String[] {".gz", ".gzip"}) {
      if (lower.endsWith(ext)) {
        name = name.substring(0, name.length() - ext.length());
        lower = lower.substring(0, lower.length() - ext.length());
      }
    }
    for (String ext : new String[] {".jsonl", ".ndjson", ".json", ".csv"}) {
      if (lower.endsWith(ext)) {
        return name.substring(0, name.length() - ext.length());
      }
    }
    return name;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes one input file's events to its evidence file and its rejects to its quarantine. */
  private final class FileHandler implements EventHandler {
    private final String display;
    private final String absolute;
    private final EvidenceWriter writer;
    private final int number;
    /** Where in the evidence file the next event kept is written. */
    private long offset;
    private final Quarantine quarantine;
    private final ImportListener listener;
    final Tally tally = new Tally();
    long lastLine;

    FileHandler(String display, String absolute, EvidenceWriter writer, int number, Quarantine quarantine,
        ImportListener listener) {
      this.display = display;
      this.absolute = absolute;
      this.writer = writer;
      this.number = number;
      this.quarantine = quarantine;
      this.listener = listener;
    }

    @Override
    public boolean event(LogEvent event, long line) {
      if (keep(event, line)) {
        writer.write(event);
        written.written();
        counted(1);
      }
      return true;
    }

    @Override
    public boolean takesRuns() {
      return true;
    }

    /** Copies a run of lines as one block when none is a duplicate, else its events one by one. */
    @Override
    public boolean events(EventRun run) {
      List<LogEvent> events = run.events();
      boolean[] kept = new boolean[events.size()];
      int n = 0;
      for (int i = 0; i < kept.length; i++) {
        kept[i] = keep(events.get(i), run.firstLine() + i);
        n += kept[i] ? 1 : 0;
      }
      if (n == kept.length) {
        writer.write(run);
      } else {
        for (int i = 0; i < kept.length; i++) {
          if (kept[i]) {
            writer.write(events.get(i));
          }
        }
      }
      written.written();
      counted(n);
      return true;
    }

    /** Counts and dedupes one event; returns false when it is an exact duplicate, not to be written. */
    private boolean keep(LogEvent event, long line) {
      lastLine = line;
      String uuid = event.uuid();
      if (uuid == null) {
        tally.missingUuid++;
      } else {
        DedupIndex.Verdict verdict = seen.add(event, number, offset);
        if (verdict == DedupIndex.Verdict.DUPLICATE) {
          tally.duplicates++;
          return false;
        }
        if (verdict == DedupIndex.Verdict.COLLISION) {
          tally.collisions++;
          listener.uuidCollision(display, line, uuid);
        }
      }
      if (event.published() == null) {
        tally.missingPublished++;
      }
      written.pending(event, offset);
      offset += event.rawLength() + 1L; // kept events are written in the order they are kept
      return true;
    }

    /** Counts {@code n} events written, reporting progress each {@link ImportListener#PROGRESS_EVERY}. */
    private void counted(int n) {
      long before = tally.events;
      tally.events += n;
      if (before / ImportListener.PROGRESS_EVERY != tally.events / ImportListener.PROGRESS_EVERY) {
        listener.progress(display, tally.events / ImportListener.PROGRESS_EVERY * ImportListener.PROGRESS_EVERY);
      }
    }

    @Override
    public void rejected(RejectedLine line) {
      lastLine = line.line();
      tally.rejected++;
      quarantine.write(line, absolute);
      listener.rejected(line);
    }
  }
}
