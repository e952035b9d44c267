package dev.oktair.okta;

import dev.oktair.events.EventHandler;
import dev.oktair.events.EventReader;
import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import dev.oktair.events.RejectedLine;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.ObjectReader;

/**
 * Splits a System Log page (a JSON array) into events with Jackson's streaming parser, keeping
 * each element's exact bytes, and holds each element to the reading evidence gets on import
 * ({@link EventReader#readElement}): one that fails it (a lone surrogate escape, a duplicate key,
 * a raw control character, not an event) is handed back as a reject instead of an event, so one
 * hostile event cannot be sealed and break every later reading of the case. An element that
 * spans lines (Okta never sends one, but a proxy might pretty-print) loses only its insignificant
 * whitespace, so that evidence stays one event per line; every other byte is kept.
 */
final class LogPages {
  /** Splits only: raw control characters are let through here, for the element's own check to reject. */
  private static final ObjectReader SPLITTER = Json.MAPPER.reader().with(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS);

  private LogPages() {}

  /** A page's events and rejects, each in page order. */
  record Parsed(List<LogEvent> events, List<RejectedLine> rejected) {}

  /**
   * Returns the events and rejects of the page fetched from {@code url}.
   *
   * @throws OktaException when the body is not a JSON array of objects
   */
  static Parsed parse(byte[] body, URI url) {
    String what = "the System Log page " + url.getRawPath();
    String source = display(url);
    List<LogEvent> events = new ArrayList<>();
    List<RejectedLine> rejected = new ArrayList<>();
    EventHandler sink = new EventHandler() {
      @Override
      public boolean event(LogEvent event, long position) {
        return events.add(event);
      }

      @Override
      public void rejected(RejectedLine line) {
        rejected.add(line);
      }
    };
    try (JsonParser p = SPLITTER.createParser(body)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new OktaException(what + " is not a JSON array");
      }
      JsonToken t;
      long position = 0;
      while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
        int start = (int) p.currentTokenLocation().getByteOffset();
        p.skipChildren();
        int end = (int) p.currentLocation().getByteOffset();
        byte[] sent = Arrays.copyOfRange(body, start, end);
        EventReader.readElement(sent, oneLine(sent), source, ++position, sink);
      }
      if (t != JsonToken.END_ARRAY) {
        throw new OktaException(what + " holds something other than event objects (" + t + ")");
      }
    } catch (JacksonException e) {
      throw new OktaException(what + " is not valid JSON (" + e.getOriginalMessage() + ")", e);
    }
    return new Parsed(events, rejected);
  }

  /** Returns the page's URL as a reject names it: no user info or fragment (a log URL holds no credential). */
  static String display(URI url) {
    StringBuilder sb = new StringBuilder();
    if (url.getScheme() != null) {
      sb.append(url.getScheme()).append("://");
    }
    if (url.getHost() != null) {
      sb.append(url.getHost());
      if (url.getPort() >= 0) {
        sb.append(':').append(url.getPort());
      }
    }
    sb.append(url.getRawPath() == null ? "" : url.getRawPath());
    if (url.getRawQuery() != null) {
      sb.append('?').append(url.getRawQuery());
    }
    return sb.toString();
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
