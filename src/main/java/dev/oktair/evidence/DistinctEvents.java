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
    for (EvidenceFile file : store.files()) {
      Path path = store.pathOf(file);
      try {
        if (reader.read(path, this).stopped()) {
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
    return new EvidenceStore.ReadReport(matched, repeats, unreadable, corrupt);
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
