package dev.oktair.events;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads System Log events from JSONL or a JSON array, either of them optionally gzip-compressed,
 * streaming: memory stays bounded by the longest line kept whole, whatever the size of the input.
 *
 * <p>Layout is detected from the bytes, never the file name: gzip by its magic bytes (bytes after
 * its last member are an error, not ignored), UTF-16 by its byte order mark (transcoded to UTF-8,
 * strictly, and reported in the summary), a UTF-8 BOM is skipped, and input whose first non-blank byte is {@code [} is a JSON array (so a JSONL file
 * must not start with an array line). Lines may end in LF or CRLF. Every JSON object becomes a
 * {@link LogEvent} with its exact bytes when it looks like a System Log event (an {@code eventType}
 * and another of its fields), or its inner event when it is a known SIEM or streaming wrapper of
 * one ({@link Envelope}); everything else (malformed JSON, duplicate keys, lone surrogate escapes,
 * control characters, non-objects, objects that are not events, invalid UTF-8, lines over
 * {@link #MAX_LINE}) is handed to the handler as a
 * {@link RejectedLine} with its line number, and reading goes on. Blank lines are only counted.
 *
 * <p>A {@link LinePredicate} can rule lines out on their raw bytes before any parsing, which is
 * what makes filtered reads fast; lines it rules out are neither validated nor reported. JSONL is
 * split, prefiltered and parsed in blocks of lines by the calling thread and worker threads (one
 * per further core) together; the handler is still called on the calling thread, in input order,
 * and the prefilter must be thread-safe (as {@link LinePredicate} requires).
 * Immutable and thread-safe; each {@code read} uses its own buffers and workers.
 */
public final class EventReader {
  /** The longest line (or array element) read whole: 16 MiB. Longer ones are streamed past and rejected. */
  public static final int MAX_LINE = 16 << 20;
  /** How much is read from the input at a time. */
  static final int CHUNK = 1 << 20;

  private static final EventReader ALL = new EventReader(LinePredicate.ALL, defaultWorkers(), ParallelJsonl.BLOCK_BYTES, null, false);

  private final LinePredicate prefilter;
  private final int workers;
  private final int blockBytes;
  private final Function<LogEvent, ?> preparer;
  private final boolean treeless;

  private EventReader(LinePredicate prefilter, int workers, int blockBytes, Function<LogEvent, ?> preparer,
      boolean treeless) {
    this.prefilter = prefilter;
    this.workers = workers;
    this.blockBytes = blockBytes;
    this.preparer = preparer;
    this.treeless = treeless;
  }

  /** Returns a reader that parses every line. */
  public static EventReader create() {
    return ALL;
  }

  /** Returns a reader that parses only the lines {@code prefilter} lets through. */
  public EventReader withPrefilter(LinePredicate prefilter) {
    return new EventReader(Objects.requireNonNull(prefilter, "prefilter"), workers, blockBytes, preparer, treeless);
  }

  /**
   * Returns a reader that applies {@code preparer} to each event on the thread that parsed it and
   * keeps the result with the event ({@link LogEvent#prepared}): per-event work that reads the tree
   * is cheapest there, while the tree is still in that core's cache. Must be thread-safe.
   */
  public EventReader withPreparer(Function<LogEvent, ?> preparer) {
    return new EventReader(prefilter, workers, blockBytes, Objects.requireNonNull(preparer, "preparer"), treeless);
  }

  /**
   * Returns a reader for callers that keep events' bytes rather than analyse them (import): each
   * record is checked exactly as strictly, but an event's tree is built only when asked for, and
   * its uuid and published are read in the check, off the handler's thread.
   */
  public EventReader treeless() {
    return new EventReader(prefilter, workers, blockBytes, preparer, true);
  }

  /**
   * Returns a reader that reads JSONL with {@code workers} threads (none: on the calling thread
   * alone) in blocks of at least {@code blockBytes}; for tests and benchmarks.
   */
  EventReader withWorkers(int workers, int blockBytes) {
    return new EventReader(prefilter, Math.max(0, workers), Math.max(1, blockBytes), preparer, treeless);
  }

  /** One worker per core beside the reading thread (which decodes too), up to three. */
  private static int defaultWorkers() {
    return Math.max(0, Math.min(3, Runtime.getRuntime().availableProcessors() - 1));
  }

  /** Reads {@code file}, naming it in rejects as it is named here. */
  public ReadSummary read(Path file, EventHandler handler) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), handler);
    }
  }

  /**
   * Reads {@code input} to its end, or until the handler stops; does not close it. A gzip stream
   * is read to the end of its last member; bytes after it that are not gzip fail the read.
   *
   * @param source how rejects name the input
   */
  public ReadSummary read(InputStream input, String source, EventHandler handler) throws IOException {
    PushbackInputStream peek = new PushbackInputStream(input, 2);
    boolean gzip = isGzip(peek);
    PushbackInputStream body = new PushbackInputStream(gzip ? new GzipMembers(peek) : peek, 2);
    byte[] bom = new byte[2];
    int got = body.readNBytes(bom, 0, 2);
    body.unread(bom, 0, got);
    Charset utf16 = Utf16Input.byBom(bom, got);
    String encoding = utf16 == null ? null : utf16.name();
    InputStream decoded = utf16 == null ? body : new Utf16Input(body, utf16);
    Input in = new Input(decoded);
    in.fileBytes = !gzip && utf16 == null;
    in.refill(0);
    skipBom(in);
    byte first = firstNonBlank(in);
    boolean array = first == '[';
    Delivery delivery = new Delivery(handler);
    RecordParser parser = new RecordParser(source, preparer, treeless);
    if (first != '{' && !array && CsvInput.looksLikeHeader(firstLine(in))) {
      InputStream rest = new BufferedInputStream(new SequenceInputStream(
          new ByteArrayInputStream(in.buf, in.pos, in.limit - in.pos), unclosable(decoded)), 1 << 16);
      CsvInput csv = new CsvInput(rest, source, parser, delivery);
      long lines = csv.run();
      return new ReadSummary(ReadSummary.Format.CSV, gzip, in.consumed, lines, delivery.events, delivery.rejected,
          0, 0, 0, delivery.stopped, encoding, delivery.wrappers);
    }
    if (first == '{' && SearchResponse.looksLike(in)) {
      SearchResponse.Hits hits = SearchResponse.hits(in, decoded);
      LineDecoder decoder = new LineDecoder(source, prefilter, parser, delivery);
      long lines = new ArrayScanner(hits.input(), decoder).startingAt(hits.line()).run();
      return new ReadSummary(ReadSummary.Format.SEARCH_RESPONSE, gzip, in.consumed, lines, delivery.events,
          delivery.rejected, decoder.blank, decoder.skipped, delivery.compacted, delivery.stopped, encoding,
          delivery.wrappers);
    }
    ReadSummary.Format format = array ? ReadSummary.Format.JSON_ARRAY : ReadSummary.Format.JSONL;
    if (array || workers == 0) {
      LineDecoder decoder = new LineDecoder(source, prefilter, parser, delivery);
      long lines = array ? new ArrayScanner(in, decoder).run() : new JsonlSplitter(in, decoder).run();
      return new ReadSummary(format, gzip, in.consumed, lines, delivery.events, delivery.rejected, decoder.blank,
          decoder.skipped, delivery.compacted, delivery.stopped, encoding, delivery.wrappers);
    }
    ParallelJsonl reading = new ParallelJsonl(in, source, prefilter, parser, delivery, workers, blockBytes);
    reading.run();
    // Lines were read ahead of the event the handler stopped on: count as they stood there.
    boolean stopped = delivery.stopped;
    return new ReadSummary(format, gzip, in.consumed, stopped ? delivery.stopLine : reading.lines,
        delivery.events, delivery.rejected, stopped ? delivery.stopBlank : reading.blank,
        stopped ? delivery.stopSkipped : reading.skipped, delivery.compacted, stopped, encoding, delivery.wrappers);
  }

  /**
   * Reads one element of a System Log API page the way evidence is read (strict UTF-8, the one
   * JSON reading of {@link Json#EVENT_READER}, no lone surrogate or raw control character, the
   * look of a System Log event), handing {@code handler} the event or the reject. {@code sent} is
   * the element as the server sent it (which a reject quotes), {@code oneLine} the same without
   * whitespace outside strings when it spanned lines (the event's bytes), else {@code sent} itself.
   *
   * @param source how the reject names where the element came from (e.g. the page's URL)
   * @param position the element's 1-based place in the page, as a reject's line
   */
  public static void readElement(byte[] sent, byte[] oneLine, String source, long position, EventHandler handler) {
    RecordParser.Outcome o = new RecordParser(source).element(
        new RecordParser.Range(oneLine, 0, oneLine.length), new RecordParser.Range(sent, 0, sent.length), position);
    if (o.event() != null) {
      handler.event(o.event(), position);
    } else {
      handler.rejected(o.rejected());
    }
  }

  /**
   * The input as a whole is refused (e.g. bytes after its gzip data): nothing read from it may be
   * kept, unlike other read errors, after which the events read before the error stand.
   */
  public static final class RefusedInput extends IOException {
    private static final long serialVersionUID = 1L;

    RefusedInput(String message) {
      super(message);
    }
  }

  /**
   * Reads {@code input} through, when it is gzip, to its end; fails with {@link RefusedInput} when
   * bytes follow the gzip data, or an {@link IOException} when the data is corrupt or truncated.
   * Other input is left unread. Does not close {@code input}.
   */
  public static void checkGzip(InputStream input) throws IOException {
    PushbackInputStream peek = new PushbackInputStream(input, 2);
    if (isGzip(peek)) {
      new GzipMembers(peek).transferTo(OutputStream.nullOutputStream());
    }
  }

  private static boolean isGzip(PushbackInputStream in) throws IOException {
    byte[] magic = new byte[2];
    int n = in.readNBytes(magic, 0, 2);
    if (n > 0) {
      in.unread(magic, 0, n);
    }
    return n == 2 && magic[0] == (byte) 0x1f && magic[1] == (byte) 0x8b;
  }

  private static void skipBom(Input in) throws IOException {
    while (in.limit < 3 && !in.eof) {
      in.refill(0);
    }
    if (in.limit >= 3 && in.buf[0] == (byte) 0xEF && in.buf[1] == (byte) 0xBB && in.buf[2] == (byte) 0xBF) {
      in.pos = 3;
    }
  }

  /** Returns {@code in} without its close: the caller's stream stays open, as {@link #read} promises. */
  private static InputStream unclosable(InputStream in) {
    return new java.io.FilterInputStream(in) {
      @Override
      public void close() {
        // SequenceInputStream closes what it has read to the end; the caller owns this stream
      }
    };
  }

  /** Returns the text of the first line within the first chunk. */
  private static String firstLine(Input in) {
    int end = Bytes.indexOfNewline(in.buf, in.pos, in.limit);
    end = end < 0 ? in.limit : end;
    return new String(in.buf, in.pos, end - in.pos, java.nio.charset.StandardCharsets.UTF_8).strip();
  }

  /** Returns the first non-whitespace byte within the first chunk, or 0. */
  private static byte firstNonBlank(Input in) throws IOException {
    for (int i = in.pos; ; i++) {
      if (i == in.limit) {
        if (in.eof || in.limit >= CHUNK) {
          return 0;
        }
        in.refill(0);
      } else if (!Bytes.isWhitespace(in.buf[i])) {
        return in.buf[i];
      }
    }
  }
}
