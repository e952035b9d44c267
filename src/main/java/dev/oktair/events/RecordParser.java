package dev.oktair.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Turns the bytes of one record (a JSONL line or a JSON array element) into an event or a reject:
 * the strict UTF-8 check, the parse, and the reject's hash, text or prefix. Stateless and
 * thread-safe, so records can be parsed off the reading thread.
 */
final class RecordParser {
  private static final ObjectReader READER = Json.EVENT_READER;
  private static final int MAX_DETAIL = 200;

  private final String source;
  private final Function<LogEvent, ?> preparer;
  private final boolean treeless;

  RecordParser(String source) {
    this(source, null, false);
  }

  /**
   * With a {@code preparer}, each event is prepared on this, the parsing thread; with
   * {@code treeless}, plain events are checked by {@link StreamCheck} and get their tree only when asked.
   */
  RecordParser(String source, Function<LogEvent, ?> preparer, boolean treeless) {
    this.source = source;
    this.preparer = preparer;
    this.treeless = treeless;
  }

  /** The event, prepared by the reader's preparer (on this, the parsing thread) when there is one. */
  private LogEvent event(byte[] raw, JsonNode node) {
    return prepared(LogEvent.of(raw, node));
  }

  private LogEvent prepared(LogEvent e) {
    if (preparer != null) {
      e.prepare(preparer);
    }
    return e;
  }

  /**
   * Returns the event or the reject for one record: {@code parse} holds the bytes to parse (and to
   * keep as the event's raw bytes) and {@code original} the bytes as they stood in the input, which
   * rejects quote; they are the same range unless a pretty-printed array element was compacted.
   *
   */
  Outcome parse(Range parse, Range original, long line, boolean compact) {
    return read(parse, original, line, compact, false);
  }

  /**
   * Returns the event or the reject for one element of a System Log API page, read as a line is
   * (strict UTF-8, the one JSON reading, the look of an event) but on one line and taken as it is:
   * the API sends events, so no SIEM wrapper is unwrapped. {@code position} is its 1-based place
   * in the page.
   */
  Outcome element(Range parse, Range original, long position) {
    return read(parse, original, position, parse.buf != original.buf, true);
  }

  private Outcome read(Range parse, Range original, long line, boolean compact, boolean element) {
    if (original.len > EventReader.MAX_LINE) {
      return rejectOf(original, line, RejectedLine.Reason.TOO_LONG, original.len + " bytes");
    }
    // The fast check is the UTF-8 and text check too, of the bytes it reads: first when those are
    // the record as it stood; after the checks of the record when it was compacted.
    boolean asStood = parse == original && !element; // the same range, not an equal one: cheaper to tell
    if (treeless && asStood) {
      LogEvent event = StreamCheck.event(parse.buf, parse.off, parse.len);
      if (event != null) {
        return new Outcome(prepared(event), null, null);
      }
    }
    if (!Utf8.isValid(original.buf, original.off, original.len)) {
      return rejectOf(original, line, RejectedLine.Reason.INVALID_UTF8, "");
    }
    String problem = JsonText.problem(parse.buf, parse.off, parse.len, element);
    if (problem != null) {
      return rejectOf(original, line, RejectedLine.Reason.MALFORMED_JSON, problem);
    }
    if (treeless && !asStood) {
      LogEvent event = StreamCheck.event(parse.buf, parse.off, parse.len);
      if (event != null) {
        return new Outcome(prepared(event), null, null);
      }
    }
    JsonNode node;
    try {
      node = READER.readTree(parse.buf, parse.off, parse.len);
    } catch (JacksonException e) {
      return rejectOf(original, line, RejectedLine.Reason.MALFORMED_JSON, detailOf(e, !compact));
    }
    if (node == null || !node.isObject()) {
      return rejectOf(original, line, RejectedLine.Reason.NOT_AN_OBJECT, kindOf(node));
    }
    if (element) {
      return Envelope.looksLikeEvent(node)
          ? new Outcome(LogEvent.of(Arrays.copyOfRange(parse.buf, parse.off, parse.off + parse.len), node), null, null)
          : rejectOf(original, line, RejectedLine.Reason.NOT_AN_EVENT, NOT_AN_EVENT_ELEMENT);
    }
    for (Envelope envelope : Envelope.values()) {
      Envelope.Inner inner = envelope.unwrap(node, parse);
      if (inner != null) {
        return envelope == Envelope.OKTA
            ? new Outcome(event(Arrays.copyOfRange(parse.buf, parse.off, parse.off + parse.len), node), null, null)
            : unwrapped(envelope, inner, parse, original, line);
      }
    }
    return rejectOf(original, line, RejectedLine.Reason.NOT_AN_EVENT, NOT_AN_EVENT);
  }

  private static final String NOT_AN_EVENT = "a System Log event has an eventType string and another of its"
      + " fields (uuid, published, actor, client, outcome, target, ...); nor is this a known SIEM wrapper of one";

  private static final String NOT_AN_EVENT_ELEMENT = "a System Log event has an eventType string and another of"
      + " its fields (uuid, published, actor, client, outcome, target, ...)";

  /** Returns the event inside a wrapper, held to the same rules as a line, or the wrapper's reject. */
  private Outcome unwrapped(Envelope envelope, Envelope.Inner inner, Range parse, Range original, long line) {
    String where = envelope.label() + " " + inner.path();
    if (inner.refusal() != null) {
      return rejectOf(original, line, RejectedLine.Reason.NOT_AN_EVENT, inner.refusal());
    }
    return inner(inner.bytes(parse), where, original, line);
  }

  /**
   * Returns the event {@code bytes} hold, taken out of {@code where} in the record {@code original}
   * (which a reject quotes), held to the rules of a line and to fitting on one; or the reject.
   */
  Outcome inner(byte[] bytes, String where, Range original, long line) {
    String problem = bytes.length == 0 ? "empty"
        : !Utf8.isValid(bytes, 0, bytes.length) ? "invalid UTF-8"
        : JsonText.problem(bytes, 0, bytes.length, true);
    JsonNode node = null;
    if (problem == null) {
      try {
        node = READER.readTree(bytes);
      } catch (JacksonException e) {
        problem = detailOf(e, true);
      }
    }
    if (problem == null && (node == null || !node.isObject() || !Envelope.looksLikeEvent(node))) {
      problem = "not a System Log event";
    }
    if (problem != null) {
      return rejectOf(original, line, RejectedLine.Reason.NOT_AN_EVENT, "the event in " + where + ": " + problem);
    }
    return new Outcome(event(bytes, node), null, where);
  }

  /**
   * What one record became: exactly one of an event and a reject.
   *
   * @param event the event, or null
   * @param rejected the reject, or null
   * @param wrapper for an event taken out of a SIEM or streaming wrapper, the wrapper and where in
   *     it the event was (e.g. {@code splunk result._raw}); else null
   */
  record Outcome(LogEvent event, RejectedLine rejected, String wrapper) {
    Outcome {
      if ((event == null) == (rejected == null)) {
        throw new IllegalArgumentException("a record is either an event or a reject");
      }
    }

    /** Returns a reject. */
    static Outcome rejected(RejectedLine rejected) {
      return new Outcome(null, rejected, null);
    }

    /** Returns this outcome with its line moved down by {@code lines} (a reject quotes its line). */
    Outcome after(long lines) {
      if (rejected == null || lines == 0) {
        return this;
      }
      RejectedLine r = rejected;
      return rejected(new RejectedLine(r.source(), r.line() + lines, r.reason(), r.detail(), r.bytes(),
          r.sha256(), r.text(), r.prefix()));
    }
  }

  /** A range of a byte array. */
  record Range(byte[] buf, int off, int len) {}

  private Outcome rejectOf(Range r, long line, RejectedLine.Reason reason, String detail) {
    String sha = HexFormat.of().formatHex(Bytes.sha256(r.buf, r.off, r.len));
    // Malformed and non-object lines passed the UTF-8 check already; the others are not text.
    boolean whole = r.len <= RejectedLine.MAX_TEXT && reason != RejectedLine.Reason.INVALID_UTF8
        && reason != RejectedLine.Reason.TOO_LONG && Utf8.isValid(r.buf, r.off, r.len);
    String text = whole ? new String(r.buf, r.off, r.len, StandardCharsets.UTF_8) : null;
    byte[] prefix = whole ? null : Arrays.copyOfRange(r.buf, r.off, r.off + Math.min(r.len, RejectedLine.MAX_PREFIX));
    return Outcome.rejected(new RejectedLine(source, line, reason, detail, r.len, sha, text, prefix));
  }

  private static String detailOf(JacksonException e, boolean withColumn) {
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    int cut = message.indexOf('\n');
    message = cut >= 0 ? message.substring(0, cut) : message;
    if (message.length() > MAX_DETAIL) {
      message = message.substring(0, MAX_DETAIL) + "...";
    }
    TokenStreamLocation at = e.getLocation();
    if (withColumn && at != null && at.getColumnNr() > 0) {
      message += " at column " + at.getColumnNr();
    }
    return message;
  }

  private static String kindOf(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "no value";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isString()) {
      return "a string";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    return node.isNull() ? "null" : node.getNodeType().toString().toLowerCase(Locale.ROOT);
  }
}
