package dev.oktair.sim;

import dev.oktair.events.LogEvent;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The tenant's System Log: events in persistence (insertion) order, plus an index sorted by
 * {@code published} (ties by uuid, then insertion) for bounded queries by binary search. Reads
 * are lock-free over an immutable snapshot; appends copy the arrays (cheap next to paging). An
 * event is held in memory ({@link Held}) or, for a history seeded from a System Log file, read back
 * from its place in the file when served ({@link InFile}): a 1 GB log costs the index, not the bytes.
 * Thread-safe.
 */
final class LogStore {
  /** Where a stored event's bytes are. */
  sealed interface Stored permits Held, InFile {
    /** Returns the event, read back when it is not held. */
    LogEvent event();
  }

  /**
   * An event kept in memory.
   *
   * @param event the event
   */
  record Held(LogEvent event) implements Stored {}

  /**
   * An event left in its file: read (and parsed) again each time it is served.
   *
   * @param file the file
   * @param offset where its bytes start
   * @param length how many bytes it has
   */
  record InFile(LogFile file, long offset, int length) implements Stored {
    @Override
    public LogEvent event() {
      return file.read(offset, length);
    }
  }

  /**
   * One stored event.
   *
   * @param stored where the event is, served as its raw bytes
   * @param published {@code published} in epoch millis
   * @param uuid the event's uuid ("" when absent)
   * @param seq the persistence order, 0-based
   * @param inserted when it was persisted, epoch millis (what polling's {@code since} compares)
   */
  record Entry(Stored stored, long published, String uuid, int seq, long inserted) {
    /** Returns the event (read from its file when not held). */
    LogEvent event() {
      return stored.event();
    }
  }

  /**
   * One page.
   *
   * @param events the matching events in the page's order, each read once (a served event of a
   *     file is read for the match and kept for the body)
   * @param nextSeq the cursor position for the next page, or null when the result is finished
   */
  record Page(List<LogEvent> events, Integer nextSeq) {}

  private static final Comparator<Entry> ORDER =
      Comparator.comparingLong(Entry::published).thenComparing(Entry::uuid).thenComparingInt(Entry::seq);

  private record Snapshot(Entry[] bySeq, Entry[] byPublished, long[] keys) {}

  private volatile Snapshot snapshot = new Snapshot(new Entry[0], new Entry[0], new long[0]);
  /** The files of seeded histories (guarded by this). */
  private final List<LogFile> files = new ArrayList<>();

  /**
   * Appends events persisted at {@code insertedAt}, in the given order; null persists each at
   * its own published time, in published order (a seeded history).
   */
  synchronized void add(Collection<LogEvent> events, Instant insertedAt) {
    Entry[] added = new Entry[events.size()];
    int i = 0;
    for (LogEvent e : events) {
      Instant published = e.published();
      long p = published != null ? published.toEpochMilli() : insertedAt != null ? insertedAt.toEpochMilli() : 0;
      String uuid = e.uuid() == null ? "" : e.uuid();
      added[i++] = new Entry(new Held(e), p, uuid, 0, insertedAt != null ? insertedAt.toEpochMilli() : p);
    }
    append(added, insertedAt == null);
  }

  /** Appends a seeded history read from a file, each event persisted at its own published time. */
  synchronized void add(LogHistory history) {
    files.addAll(history.files());
    if (history.size() == 0) {
      return; // a scenario's seed: its history is all held
    }
    append(history.entries(), true);
  }

  /** Appends {@code added} (their seq not yet set), sorted by published first when {@code seeded}. */
  private void append(Entry[] added, boolean seeded) {
    Snapshot old = snapshot;
    int base = old.bySeq.length;
    if (seeded) {
      Arrays.sort(added, Comparator.comparingLong(Entry::published)); // stable: ties keep their order
    }
    for (int k = 0; k < added.length; k++) {
      Entry e = added[k];
      added[k] = new Entry(e.stored, e.published, e.uuid, base + k, e.inserted);
    }
    Entry[] bySeq = Arrays.copyOf(old.bySeq, base + added.length);
    System.arraycopy(added, 0, bySeq, base, added.length);
    Entry[] sorted = added.clone();
    Arrays.sort(sorted, ORDER);
    Entry[] byPublished = merge(old.byPublished, sorted);
    long[] keys = new long[byPublished.length];
    for (int k = 0; k < keys.length; k++) {
      keys[k] = byPublished[k].published;
    }
    snapshot = new Snapshot(bySeq, byPublished, keys);
  }

  /** Closes the files a seeded history is read from; served events of them cannot be read after. */
  synchronized void close() {
    files.forEach(LogFile::close);
  }

  /** Returns the number of stored events. */
  int size() {
    return snapshot.bySeq.length;
  }

  /**
   * Returns every event in persistence order, as a view that reads each event when asked for it
   * (a history left in its file is not loaded whole).
   */
  List<LogEvent> events() {
    Entry[] bySeq = snapshot.bySeq;
    return new AbstractList<>() {
      @Override
      public LogEvent get(int index) {
        return bySeq[index].event();
      }

      @Override
      public int size() {
        return bySeq.length;
      }
    };
  }

  /** Returns true when {@code seq} names a stored event. */
  boolean exists(int seq) {
    return seq >= 0 && seq < snapshot.bySeq.length;
  }

  /**
   * A bounded page: events with {@code since <= published < until}, in published order (reversed
   * when {@code descending}), starting after the event {@code afterSeq} (null: from the start).
   */
  Page bounded(long since, long until, boolean descending, Integer afterSeq, Predicate<LogEvent> match, int limit) {
    Snapshot s = snapshot;
    List<LogEvent> out = new ArrayList<>(Math.min(limit, 1024));
    if (limit == 0) {
      return new Page(out, null);
    }
    int n = s.keys.length;
    int step = descending ? -1 : 1;
    int i;
    if (afterSeq != null) {
      i = Arrays.binarySearch(s.byPublished, s.bySeq[afterSeq], ORDER) + step;
    } else {
      i = descending ? lowerBound(s.keys, until) - 1 : lowerBound(s.keys, since);
    }
    for (; i >= 0 && i < n && inRange(s.keys[i], since, until, descending); i += step) {
      Entry e = s.byPublished[i];
      LogEvent event = e.published >= since && e.published < until ? e.event() : null;
      if (event != null && match.test(event)) {
        out.add(event);
        if (out.size() == limit) {
          int j = i + step;
          boolean more = j >= 0 && j < n && inRange(s.keys[j], since, until, descending);
          return new Page(out, more ? e.seq : null);
        }
      }
    }
    return new Page(out, null);
  }

  /**
   * A polling page: events persisted at or after {@code sinceInserted} and published at or after
   * {@code retentionCut}, in persistence order, after position {@code afterSeq} (null: from the
   * start). Always has a next position, the last one examined.
   */
  Page polling(long sinceInserted, long retentionCut, Integer afterSeq, Predicate<LogEvent> match, int limit) {
    Entry[] bySeq = snapshot.bySeq;
    List<LogEvent> out = new ArrayList<>(Math.min(limit, 1024));
    int last = afterSeq == null ? -1 : afterSeq;
    for (int i = last + 1; i < bySeq.length && out.size() < limit; i++) {
      Entry e = bySeq[i];
      last = i;
      LogEvent event = e.inserted >= sinceInserted && e.published >= retentionCut ? e.event() : null;
      if (event != null && match.test(event)) {
        out.add(event);
      }
    }
    return new Page(out, last);
  }

  private static boolean inRange(long key, long since, long until, boolean descending) {
    return descending ? key >= since : key < until;
  }

  /** Returns the first index whose key is at least {@code t}. */
  private static int lowerBound(long[] keys, long t) {
    int lo = 0;
    int hi = keys.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (keys[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static Entry[] merge(Entry[] a, Entry[] b) {
    if (a.length == 0) {
      return b;
    }
    Entry[] out = new Entry[a.length + b.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < a.length && j < b.length) {
      out[k++] = ORDER.compare(a[i], b[j]) <= 0 ? a[i++] : b[j++];
    }
    while (i < a.length) {
      out[k++] = a[i++];
    }
    while (j < b.length) {
      out[k++] = b[j++];
    }
    return out;
  }
}
