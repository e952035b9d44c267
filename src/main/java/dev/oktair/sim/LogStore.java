package dev.oktair.sim;

import dev.oktair.events.LogEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The tenant's System Log: events in persistence (insertion) order, plus an index sorted by
 * {@code published} (ties by uuid, then insertion) for bounded queries by binary search. Reads
 * are lock-free over an immutable snapshot; appends copy the arrays (cheap next to paging).
 * Thread-safe.
 */
final class LogStore {
  /**
   * One stored event.
   *
   * @param event the event, served as its raw bytes
   * @param published {@code published} in epoch millis
   * @param uuid the event's uuid ("" when absent)
   * @param seq the persistence order, 0-based
   * @param inserted when it was persisted, epoch millis (what polling's {@code since} compares)
   */
  record Entry(LogEvent event, long published, String uuid, int seq, long inserted) {}

  /**
   * One page.
   *
   * @param entries the matching events in the page's order
   * @param nextSeq the cursor position for the next page, or null when the result is finished
   */
  record Page(List<Entry> entries, Integer nextSeq) {}

  private static final Comparator<Entry> ORDER =
      Comparator.comparingLong(Entry::published).thenComparing(Entry::uuid).thenComparingInt(Entry::seq);

  private record Snapshot(Entry[] bySeq, Entry[] byPublished, long[] keys) {}

  private volatile Snapshot snapshot = new Snapshot(new Entry[0], new Entry[0], new long[0]);

  /** Appends events persisted at {@code insertedAt} (null: each at its own published time). */
  synchronized void add(Collection<LogEvent> events, Instant insertedAt) {
    Snapshot old = snapshot;
    int base = old.bySeq.length;
    Entry[] added = new Entry[events.size()];
    int i = 0;
    for (LogEvent e : events) {
      Instant published = e.published();
      long p = published != null ? published.toEpochMilli() : insertedAt != null ? insertedAt.toEpochMilli() : 0;
      String uuid = e.uuid() == null ? "" : e.uuid();
      added[i] = new Entry(e, p, uuid, base + i, insertedAt != null ? insertedAt.toEpochMilli() : p);
      i++;
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

  /** Returns the number of stored events. */
  int size() {
    return snapshot.bySeq.length;
  }

  /** Returns every event in persistence order. */
  List<LogEvent> events() {
    return Arrays.stream(snapshot.bySeq).map(Entry::event).toList();
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
    List<Entry> out = new ArrayList<>(Math.min(limit, 1024));
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
      if (e.published >= since && e.published < until && match.test(e.event)) {
        out.add(e);
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
    List<Entry> out = new ArrayList<>(Math.min(limit, 1024));
    int last = afterSeq == null ? -1 : afterSeq;
    for (int i = last + 1; i < bySeq.length && out.size() < limit; i++) {
      Entry e = bySeq[i];
      last = i;
      if (e.inserted >= sinceInserted && e.published >= retentionCut && match.test(e.event)) {
        out.add(e);
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
