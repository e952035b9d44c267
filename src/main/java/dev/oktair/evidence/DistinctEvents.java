package dev.oktair.evidence;

import dev.oktair.events.EventHandler;
import dev.oktair.events.EventReader;
import dev.oktair.events.EventSelector;
import dev.oktair.events.LogEvent;
import dev.oktair.events.RejectedLine;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Reads a case's evidence files in manifest order and hands on each selected event once, by the
 * evidence's rule: the same uuid with the same bytes is the same event (overlapping collections);
 * the same uuid with other bytes is another. Missing or unreadable files and lines that are not
 * events are reported, and reading goes on. Each file is hashed while it is read, unless its stat is
 * the one recorded when it last hashed intact ({@link VerifiedStats}); one whose bytes are not
 * those its manifest entry sealed is reported as unreadable at the end of that file.
 *
 * <p>An event is hashed only when its uuid turns up again ({@link DeferredDedup}): the first event
 * of that uuid is then read back from where it lies in its file. A file read back from that has
 * changed since it was read (its stat says so) is reported as unreadable at the end, since the
 * verdicts that read it back may not hold. Not thread-safe.
 */
final class DistinctEvents implements EventHandler {
  /** What the reader's preparer marks a selected event with. */
  private static final Object SELECTED = Boolean.TRUE;

  private final EventSelector selector;
  private final EvidenceStore.Reading visitor;
  private final ReadFiles readFiles = new ReadFiles();
  private final DeferredDedup index = new DeferredDedup(readFiles);
  /** The number of the file being read, in {@link #readFiles}; -1 while its events have no place to be read back from. */
  private int placed = -1;
  private long matched;
  private long repeats;
  private long corrupt;

  private final Clock fileClock;

  DistinctEvents(EventSelector selector, EvidenceStore.Reading visitor) {
    this(selector, visitor, Clock.systemUTC());
  }

  /** For tests: {@code fileClock} stands for the system clock that file times are compared with. */
  DistinctEvents(EventSelector selector, EvidenceStore.Reading visitor, Clock fileClock) {
    this.selector = selector;
    this.visitor = visitor;
    this.fileClock = fileClock;
  }

  EvidenceStore.ReadReport run(EvidenceStore store) {
    // Each record is checked as strictly as ever, but without a tree unless the selection needs
    // one; the selection is decided (and the SHA-256 taken of an event whose uuid alone cannot
    // tell it apart) on the thread that read the record: both cores share the work, and this
    // thread only dedupes and hands on.
    Predicate<LogEvent> test = selector.test();
    EventReader reader = EventReader.create().withPrefilter(selector.prefilter()).treeless()
        .withPreparer(e -> selected(test, e));
    int unreadable = 0;
    ExecutorService hasher = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "okta-ir-evidence-hash");
      t.setDaemon(true);
      return t;
    });
    VerifiedStats verified = VerifiedStats.of(store.caseDir(), fileClock);
    Manifest manifest = store.manifest();
    List<EvidenceFile> files = manifest.files();
    visitor.inTimeOrder(manifest.readsInTimeOrder());
    try (readFiles) {
      for (EvidenceFile file : files) {
        Path path = store.pathOf(file);
        String why = null;
        boolean stopped = false;
        try {
          // A file whose stat is the one recorded when it last hashed intact is read without a
          // hash; any other is hashed while it is read (on another core, from the page cache):
          // what was shown is flagged at the end of its file if it is not what the manifest sealed.
          String before = VerifiedStats.stat(file, path);
          long began = verified.hashBegins();
          Future<String> hash = verified.vouchesFor(before) ? null : hasher.submit(() -> EvidenceStore.sha256(path));
          // without a stat, a change after the read could not be told: its events are hashed instead
          int number = readFiles.start(file, path);
          placed = before == null ? -1 : number;
          visitor.from(placed < 0 ? null : path);
          stopped = reader.read(path, this).stopped();
          String after = VerifiedStats.stat(file, path);
          readFiles.read(number, after);
          if (before != null && !before.equals(after)) {
            // changed while it was read: only a hash of the bytes as they now stand says what was shown
            began = verified.hashBegins();
            hash = hasher.submit(() -> EvidenceStore.sha256(path));
          }
          if (hash != null) {
            why = changed(file, path, hash);
            if (why == null) {
              verified.verified(after, began);
            }
          }
        } catch (NoSuchFileException e) {
          why = "is missing";
        } catch (IOException e) {
          why = "cannot be read: " + e.getMessage();
        } catch (java.io.UncheckedIOException e) {
          why = "cannot be read: " + e.getCause().getMessage(); // an event of an earlier file read back
        }
        if (why != null) {
          unreadable++;
          visitor.unreadable(path, why);
        }
        if (stopped) {
          break;
        }
      }
      for (Path changed : readFiles.changedSinceRead()) {
        unreadable++;
        visitor.unreadable(changed, "was changed while the evidence was read: the duplicates told apart by reading"
            + " events of it again may not be so");
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // closing a file only read from
    } finally {
      hasher.shutdownNow();
    }
    verified.save(files);
    return new EvidenceStore.ReadReport(matched, repeats, unreadable, corrupt);
  }

  /**
   * Marks a selected event; one whose uuid is not in the form that alone tells it apart has its
   * SHA-256 taken here, where it is cheapest.
   */
  private static Object selected(Predicate<LogEvent> test, LogEvent event) {
    if (!test.test(event)) {
      return null;
    }
    if (!event.hasUuidBits() && (event.uuid() == null || !DeferredDedup.canonical(event.uuid()))) {
      event.sha256();
    }
    return SELECTED;
  }

  /** Returns why {@code path} is not the file its manifest entry sealed, or null when it is. */
  private static String changed(EvidenceFile file, Path path, Future<String> hash)
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
    if (event.prepared() != SELECTED) {
      return true;
    }
    if (index.add(event, placed, placed < 0 ? -1 : event.offset()) == DedupIndex.Verdict.DUPLICATE) {
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
