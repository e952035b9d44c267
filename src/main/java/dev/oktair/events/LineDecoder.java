package dev.oktair.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Turns one record (a JSONL line or a JSON array element) into an event or a reject and counts
 * what it saw. Lines the prefilter rules out are counted and left unparsed, without allocating.
 * Not thread-safe: one per read.
 */
final class LineDecoder {
  private static final ObjectReader READER =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final int MAX_DETAIL = 200;

  private final String source;
  private final EventHandler handler;
  private final LinePredicate prefilter;
  private final MessageDigest digest = Bytes.sha256();
  long events;
  long rejected;
  long blank;
  long skipped;
  long compacted;
  boolean stopped;

  LineDecoder(String source, EventHandler handler, LinePredicate prefilter) {
    this.source = source;
    this.handler = handler;
    this.prefilter = prefilter;
  }

  /** Takes one JSONL line without its LF; returns false when the handler asked to stop. */
  boolean line(byte[] b, int off, int len, long line) {
    if (len > 0 && b[off + len - 1] == '\r') {
      len--;
    }
    if (len == 0 || (b[off] != '{' && Bytes.isBlank(b, off, len))) {
      blank++;
      return true;
    }
    if (!prefilter.mightMatch(b, off, len)) {
      skipped++;
      return true;
    }
    return decode(b, off, len, b, off, len, line, false);
  }

  /**
   * Takes one array element: {@code original} as it stood in the input and, when it spanned
   * lines, {@code parse} with its insignificant whitespace removed (else the same range).
   */
  boolean element(byte[] original, int off, int len, byte[] parse, int poff, int plen, long line, boolean compact) {
    if (!prefilter.mightMatch(parse, poff, plen)) {
      skipped++;
      return true;
    }
    return decode(parse, poff, plen, original, off, len, line, compact);
  }

  /** Takes a record that was too long to hold. */
  void oversize(Oversize record, String what) {
    reject(record.toRejected(source, what + " of " + record.bytes() + " bytes was skipped"));
  }

  private boolean decode(byte[] pb, int poff, int plen, byte[] ob, int ooff, int olen, long line, boolean compact) {
    if (olen > EventReader.MAX_LINE) {
      reject(rejectOf(ob, ooff, olen, line, RejectedLine.Reason.TOO_LONG, olen + " bytes"));
      return true;
    }
    if (!Utf8.isValid(ob, ooff, olen)) {
      reject(rejectOf(ob, ooff, olen, line, RejectedLine.Reason.INVALID_UTF8, ""));
      return true;
    }
    JsonNode node;
    try {
      node = READER.readTree(pb, poff, plen);
    } catch (JacksonException e) {
      reject(rejectOf(ob, ooff, olen, line, RejectedLine.Reason.MALFORMED_JSON, detailOf(e, !compact)));
      return true;
    }
    if (node == null || !node.isObject()) {
      reject(rejectOf(ob, ooff, olen, line, RejectedLine.Reason.NOT_AN_OBJECT, kindOf(node)));
      return true;
    }
    events++;
    if (compact) {
      compacted++;
    }
    boolean more = handler.event(LogEvent.of(Arrays.copyOfRange(pb, poff, poff + plen), node), line);
    stopped = !more;
    return more;
  }

  private void reject(RejectedLine r) {
    rejected++;
    handler.rejected(r);
  }

  private RejectedLine rejectOf(byte[] b, int off, int len, long line, RejectedLine.Reason reason, String detail) {
    digest.reset();
    digest.update(b, off, len);
    String sha = HexFormat.of().formatHex(digest.digest());
    // Malformed and non-object lines passed the UTF-8 check already; the others are not text.
    boolean whole = len <= RejectedLine.MAX_TEXT
        && (reason == RejectedLine.Reason.MALFORMED_JSON || reason == RejectedLine.Reason.NOT_AN_OBJECT);
    String text = whole ? new String(b, off, len, StandardCharsets.UTF_8) : null;
    byte[] prefix = whole ? null : Arrays.copyOfRange(b, off, off + Math.min(len, RejectedLine.MAX_PREFIX));
    return new RejectedLine(source, line, reason, detail, len, sha, text, prefix);
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
    return node.isNull() ? "null" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }
}
