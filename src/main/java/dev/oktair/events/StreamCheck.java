package dev.oktair.events;

import java.security.MessageDigest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The fast path of the strict check for records whose bytes are kept rather than analysed (an
 * import copies them): one token pass of the same parser, with the same duplicate-key detection,
 * that builds no tree. It only ever says yes: a record it does not accept outright (malformed,
 * not a plain System Log event, a wrapper, a number whose value the tree would have to compute) is
 * left to {@link RecordParser}'s full path, which decides and words the reject exactly as before,
 * so both paths accept the same records. Stateless and thread-safe.
 */
final class StreamCheck {
  /** Numbers longer than this go the full path. */
  private static final int PLAIN_NUMBER = 100;

  /** One digest per reading thread: the content hash import's dedupe needs is computed here, in parallel. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Bytes::sha256);

  private StreamCheck() {}

  /**
   * Returns the event held by {@code b[off, off + len)} (already checked as UTF-8 and by {@link
   * JsonText}), its tree left to be built when asked; null when the full path must decide.
   */
  static LogEvent event(byte[] b, int off, int len) {
    try (JsonParser p = Json.EVENT_READER.createParser(b, off, len)) {
      return scan(p, b, off, len);
    } catch (JacksonException e) {
      return null;
    }
  }

  private static LogEvent scan(JsonParser p, byte[] b, int off, int len) {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    boolean typed = false;
    boolean other = false;
    String uuid = null;
    String published = null;
    boolean plain = true; // uuid and published are strings or null, so their text is known without a tree
    for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if ("eventType".equals(name)) {
        typed = value == JsonToken.VALUE_STRING && !p.getString().isBlank();
      } else if (Envelope.EVENT_FIELDS.contains(name)) {
        other = true;
        if ("uuid".equals(name) || "published".equals(name)) {
          if (value == JsonToken.VALUE_STRING) {
            String text = p.getString();
            text = "null".equals(text) ? null : text;
            if ("uuid".equals(name)) {
              uuid = text;
            } else {
              published = text;
            }
          } else if (value != JsonToken.VALUE_NULL) {
            plain = false;
          }
        }
      }
      if (!skipValue(p, value)) {
        return null;
      }
    }
    if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null || !typed || !other) {
      return null;
    }
    byte[] raw = java.util.Arrays.copyOfRange(b, off, off + len);
    LogEvent event = plain ? LogEvent.checked(raw, uuid, published, Times.parsePublished(published), true)
        : LogEvent.checked(raw, null, null, null, false);
    event.hashWith(SHA256.get());
    return event;
  }

  /** Reads past the value starting at {@code first}; false when a number needs the full path. */
  private static boolean skipValue(JsonParser p, JsonToken first) {
    int depth = 0;
    JsonToken t = first;
    for (;;) {
      if (t == null) {
        return false;
      }
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        depth++;
      } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        depth--;
      } else if ((t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) && !plainNumber(p, t)) {
        return false;
      }
      if (depth == 0) {
        return true;
      }
      t = p.nextToken();
    }
  }

  /**
   * True for a number whose value the tree reads without fail: up to {@link #PLAIN_NUMBER} characters
   * and an exponent of at most three digits (a huge one is what a decimal cannot hold).
   */
  private static boolean plainNumber(JsonParser p, JsonToken t) {
    int n = p.getStringLength();
    if (n > PLAIN_NUMBER) {
      return false;
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      char[] c = p.getStringCharacters();
      int start = p.getStringOffset();
      for (int i = start, end = start + n; i < end; i++) {
        if (c[i] == 'e' || c[i] == 'E') {
          int digits = end - i - 1;
          return i + 1 < end && (c[i + 1] == '-' || c[i + 1] == '+') ? digits - 1 <= 3 : digits <= 3;
        }
      }
    }
    return true;
  }

}
