package dev.oktair.evidence;

import dev.oktair.events.EventHandler;
import dev.oktair.events.EventReader;
import dev.oktair.events.LogEvent;
import dev.oktair.events.ReadSummary;
import dev.oktair.events.RejectedLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Imports exported System Log files into a case's evidence: each readable input file becomes one
 * sealed JSONL evidence file holding its events byte-exact, one per line, whatever fields they
 * lack; its rejects go to a quarantine file; exact duplicates across the import's files are kept
 * once. The manifest records each input's path, SHA-256 and layout. Not thread-safe.
 */
public final class EvidenceImport {
  private final EvidenceStore store;
  private final DedupIndex seen = new DedupIndex();
  private final List<EvidenceFile> sealed = new ArrayList<>();
  private final List<Path> quarantines = new ArrayList<>();
  private long events;
  private long duplicates;
  private long rejected;
  private long blank;
  private long collisions;
  private long missingUuid;
  private long missingPublished;
  private long compacted;
  private int unreadable;

  private EvidenceImport(EvidenceStore store) {
    this.store = store;
  }

  /** Returns an import into {@code store}; duplicates are recognised across one import's files. */
  public static EvidenceImport into(EvidenceStore store) {
    return new EvidenceImport(store);
  }

  /** Imports {@code files} in order, telling {@code listener} of problems; returns the totals so far. */
  public ImportReport run(List<Path> files, ImportListener listener) {
    for (Path file : files) {
      importFile(file, listener);
    }
    return new ImportReport(sealed, events, duplicates, rejected, blank, collisions, missingUuid,
        missingPublished, compacted, unreadable, quarantines);
  }

  private void importFile(Path file, ImportListener listener) {
    String display = file.toString();
    if (!Files.isRegularFile(file)) {
      unreadable++;
      listener.unreadable(display, Files.exists(file) ? "not a regular file" : "no such file");
      return;
    }
    listener.started(display, sizeOf(file));
    MessageDigest inputHash = sha256();
    String absolute = file.toAbsolutePath().normalize().toString();
    String name = baseName(file);
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), inputHash);
        EvidenceWriter writer = store.create(name, Source.imported(absolute));
        Quarantine quarantine = new Quarantine(store.quarantineDir(), EvidenceStore.safeName(name))) {
      FileHandler handler = new FileHandler(display, absolute, writer, quarantine, listener);
      Source source = Source.imported(absolute);
      try {
        ReadSummary summary = EventReader.create().read(in, display, handler);
        in.transferTo(OutputStream.nullOutputStream()); // hash what follows a gzip stream too
        blank += summary.blank();
        compacted += summary.compacted();
        source = source.withImportDetails(
            HexFormat.of().formatHex(inputHash.digest()), formatOf(summary), summary.compacted())
            .withTransformations(summary.encoding(), summary.wrappers());
      } catch (IOException e) {
        unreadable++;
        listener.unreadable(display, "read error after line " + handler.lastLine + " (" + describe(e)
            + "); the " + handler.written + " events read before it are kept");
      }
      sealed.add(writer.seal(source));
      if (quarantine.path() != null) {
        quarantines.add(quarantine.path());
      }
    } catch (IOException e) {
      unreadable++;
      listener.unreadable(display, "cannot read (" + describe(e) + ")");
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
    String layout = s.format() == ReadSummary.Format.JSON_ARRAY ? "json-array" : "jsonl";
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
    for (String ext : new String[] {".jsonl", ".ndjson", ".json"}) {
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
    private final Quarantine quarantine;
    private final ImportListener listener;
    long lastLine;
    long written;

    FileHandler(String display, String absolute, EvidenceWriter writer, Quarantine quarantine, ImportListener listener) {
      this.display = display;
      this.absolute = absolute;
      this.writer = writer;
      this.quarantine = quarantine;
      this.listener = listener;
    }

    @Override
    public boolean event(LogEvent event, long line) {
      lastLine = line;
      String uuid = event.uuid();
      if (uuid == null) {
        missingUuid++;
      } else {
        DedupIndex.Verdict verdict = seen.add(uuid, event.raw());
        if (verdict == DedupIndex.Verdict.DUPLICATE) {
          duplicates++;
          return true;
        }
        if (verdict == DedupIndex.Verdict.COLLISION) {
          collisions++;
          listener.uuidCollision(display, line, uuid);
        }
      }
      if (event.published() == null) {
        missingPublished++;
      }
      writer.write(event);
      written++;
      events++;
      if (written % ImportListener.PROGRESS_EVERY == 0) {
        listener.progress(display, written);
      }
      return true;
    }

    @Override
    public void rejected(RejectedLine line) {
      lastLine = line.line();
      rejected++;
      quarantine.write(line, absolute);
      listener.rejected(line);
    }
  }
}
