package dev.oktair.okta;

import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Splits a System Log page (a JSON array) into events with Jackson's streaming parser, keeping
 * each element's exact bytes. An element that spans lines (Okta never sends one, but a proxy
 * might pretty-print) loses only its insignificant whitespace, so that evidence stays one event
 * per line; every other byte is kept.
 */
final class LogPages {
  private LogPages() {}

  /**
   * Returns the events of a page body.
   *
   * @throws OktaException when the body is not a JSON array of objects
   */
  static List<LogEvent> parse(byte[] body, String what) {
    List<LogEvent> events = new ArrayList<>();
    try (JsonParser p = Json.MAPPER.createParser(body)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new OktaException(what + " is not a JSON array");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
        int start = (int) p.currentTokenLocation().getByteOffset();
        JsonNode tree = p.readValueAsTree();
        int end = (int) p.currentLocation().getByteOffset();
        events.add(LogEvent.of(oneLine(Arrays.copyOfRange(body, start, end)), tree));
      }
      if (t != JsonToken.END_ARRAY) {
        throw new OktaException(what + " holds something other than event objects (" + t + ")");
      }
    } catch (JacksonException e) {
      throw new OktaException(what + " is not valid JSON (" + e.getOriginalMessage() + ")", e);
    }
    return events;
  }

  /** Returns {@code raw} unchanged when it is one line, else without whitespace outside strings. */
  static byte[] oneLine(byte[] raw) {
    boolean multiline = false;
    for (byte b : raw) {
      if (b == '\n' || b == '\r') {
        multiline = true;
        break;
      }
    }
    if (!multiline) {
      return raw;
    }
    byte[] out = new byte[raw.length];
    int n = 0;
    boolean inString = false;
    boolean escaped = false;
    for (byte b : raw) {
      if (inString) {
        out[n++] = b;
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
        out[n++] = b;
      } else if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        out[n++] = b;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
