package dev.oktair.evidence;

import dev.oktair.events.EventHandler;
import dev.oktair.events.EventReader;
import dev.oktair.events.EventSelector;
import dev.oktair.events.LogEvent;
import dev.oktair.events.RejectedLine;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a case's evidence files in manifest order and hands on each selected event once, by the
 * evidence's rule: the same uuid with the same bytes is the same event (overlapping collections);
 * the same uuid with other bytes is another. Missing or unreadable files and lines that are not
 * events are reported, and reading goes on. Not thread-safe.
 */
final class DistinctEvents implements EventHandler {
  private final EventSelector selector;
  private final EvidenceStore.Reading visitor;
  private final DedupIndex index = new DedupIndex();
  private long matched;
  private long repeats;
  private long corrupt;

  DistinctEvents(EventSelector selector, EvidenceStore.Reading visitor) {
    this.selector = selector;
    this.visitor = visitor;
  }

  EvidenceStore.ReadReport run(EvidenceStore store) {
    EventReader reader = EventReader.create().withPrefilter(selector.prefilter());
    int unreadable = 0;
    java.util.concurrent.ExecutorService hasher = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "okta-ir-evidence-hash");
      t.setDaemon(true);
      return t;
    });
    try {
    for (EvidenceFile file : store.files()) {
      Path path = store.pathOf(file);
      try {
        // Hashed while it is read (a second pass over bytes the page cache holds): what was shown
        // is flagged at the end of its file if it is not the evidence the manifest sealed.
        java.util.concurrent.Future<String> hash = hasher.submit(() -> EvidenceStore.sha256(path));
        boolean stopped = reader.read(path, this).stopped();
        String changed = changed(file, path, hash);
        if (changed != null) {
          unreadable++;
          visitor.unreadable(path, changed);
        }
        if (stopped) {
          break;
        }
      } catch (NoSuchFileException e) {
        unreadable++;
        visitor.unreadable(path, "is missing");
      } catch (IOException e) {
        unreadable++;
        visitor.unreadable(path, "cannot be read: " + e.getMessage());
      }
    }
    } finally {
      hasher.shutdownNow();
    }
    return new EvidenceStore.ReadReport(matched, repeats, unreadable, corrupt);
  }

  /** Returns why {@code path} is not the file its manifest entry sealed, or null when it is. */
  private static String changed(EvidenceFile file, Path path, java.util.concurrent.Future<String> hash)
      throws IOException {
    String sha256;
    try {
      sha256 = hash.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while hashing " + path);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof java.io.UncheckedIOException u) {
        throw u.getCause();
      }
      throw new IllegalStateException(e.getCause());
    }
    return sha256.equals(file.sha256()) ? null
        : "was changed after it was sealed (sha256 " + sha256 + " on disk, " + file.sha256() + " in the manifest)";
  }

  @Override
  public boolean event(LogEvent event, long line) {
    if (!selector.test().test(event)) {
      return true;
    }
    if (index.add(event.uuid(), event.raw()) == DedupIndex.Verdict.DUPLICATE) {
      repeats++;
      return true;
    }
    matched++;
    return visitor.event(event);
  }

  @Override
  public void rejected(RejectedLine line) {
    corrupt++;
    visitor.rejected(line);
  }
}
