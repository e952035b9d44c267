package dev.oktair.events;

import dev.oktair.events.RecordParser.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of whole JSONL lines decoded apart from the rest of the input (on a worker thread): what
 * each line that was not skipped became, with line numbers and counts taken from the block's own
 * start, to be shifted by the blocks before it when delivered. Not thread-safe: made by one thread,
 * then handed to the reading thread.
 */
final class Block implements RecordSink {
  private final List<Item> items = new ArrayList<>();
  long lines;
  long blank;
  long skipped;
  /** The block's bytes when every line is an event as it stands and ends in LF (a run), else null. */
  private byte[] runBytes;
  private int runFrom;
  private int runTo;
  /** Set when the run's buffer goes back to the reader's pool once the block is delivered. */
  volatile boolean pooled;

  private record Item(Outcome outcome, long line, boolean compact, long blank, long skipped) {}

  /**
   * Decodes the lines of {@code buf[from, to)}; the last one may lack its LF only at the end of
   * input. {@code base}: where {@code buf} starts in the input file, or -1 when unknown.
   */
  static Block decode(byte[] buf, int from, int to, long base, String source, LinePredicate prefilter,
      RecordParser parser) {
    Block block = new Block();
    LineDecoder decoder = new LineDecoder(source, prefilter, parser, block);
    decoder.base(base);
    long line = 0;
    boolean verbatim = true;
    boolean search = prefilter != LinePredicate.ALL;
    for (int start = from; start < to; ) {
      int lineStart = start;
      if (search) {
        // Lines before the first one the prefilter might pass are passed over whole, unsplit:
        // only counted (blank ones among them as skipped too).
        LinePredicate.PassedOver over = prefilter.passOver(buf, start, to);
        lineStart = over.lineStart();
        if (lineStart > start) {
          long passed = over.lfs();
          if (lineStart == to && buf[to - 1] != '\n') {
            passed++; // the input's last line, without its LF
          }
          line += passed;
          decoder.skipped += passed;
          if (lineStart == to) {
            break;
          }
        }
      }
      int nl = Bytes.indexOfNewline(buf, lineStart, to);
      int end = nl < 0 ? to : nl;
      verbatim &= nl >= 0 && end > lineStart && buf[end - 1] != '\r'; // passed-over lines count as skipped
      decoder.line(buf, lineStart, end - lineStart, ++line);
      start = end + 1;
    }
    block.lines = line;
    block.blank = decoder.blank;
    block.skipped = decoder.skipped;
    if (verbatim && line > 0 && block.allVerbatim()) {
      block.runBytes = buf;
      block.runFrom = from;
      block.runTo = to;
    }
    return block;
  }

  /** True when every line was taken, as it stands, as an event (no reject, blank, skip or wrapper). */
  private boolean allVerbatim() {
    if (blank != 0 || skipped != 0 || items.size() != lines) {
      return false;
    }
    for (Item i : items) {
      if (i.outcome.event() == null || i.outcome.wrapper() != null || i.compact) {
        return false;
      }
    }
    return true;
  }

  /** Returns the buffer this block's lines are in when it was handed over as a run, else null. */
  byte[] runBuffer() {
    return runBytes;
  }

  /** Returns a block of one line, already decoded (an over-long line streamed past). */
  static Block of(Outcome outcome) {
    Block block = new Block();
    block.take(outcome, 1, false, 0, 0);
    block.lines = 1;
    return block;
  }

  @Override
  public boolean take(Outcome outcome, long line, boolean compact, long blank, long skipped) {
    items.add(new Item(outcome, line, compact, blank, skipped));
    return true;
  }

  /**
   * Hands the items on to {@code sink} after {@code lines}, {@code blanks} and {@code skips} of
   * the blocks before; returns false when the sink stopped.
   */
  boolean deliver(RecordSink sink, long lines, long blanks, long skips) {
    if (runBytes != null && sink instanceof Delivery d && d.takesRuns()) {
      List<LogEvent> events = new ArrayList<>(items.size());
      for (Item i : items) {
        events.add(i.outcome.event());
      }
      return d.takeRun(new EventRun(runBytes, runFrom, runTo, events, lines + 1), blanks, skips);
    }
    for (Item i : items) {
      if (!sink.take(i.outcome.after(lines), lines + i.line, i.compact, blanks + i.blank, skips + i.skipped)) {
        return false;
      }
    }
    return true;
  }
}
