package dev.oktair.events;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * An Elasticsearch or OpenSearch search response ({@code {"took":…,"hits":{"hits":[…]}}}), as
 * {@code curl …/_search} saves it, compact or pretty-printed: its {@code hits.hits} array is read
 * as a JSON array of hits, each then unwrapped by {@link Envelope#ELASTIC}. A response is read
 * whole, so it is bounded by {@link #MAX_BYTES}; page larger result sets with {@code search_after}
 * into several files. Not thread-safe.
 */
final class SearchResponse {
  /** The largest search response read. */
  static final int MAX_BYTES = 4 * EventReader.MAX_LINE;
  private static final byte[] TOOK = "\"took\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private SearchResponse() {}

  /** Returns true when the input at its position starts like a search response: {@code {"took"}. */
  static boolean looksLike(Input in) {
    int i = in.pos;
    while (i < in.limit && Bytes.isWhitespace(in.buf[i])) {
      i++;
    }
    if (i >= in.limit || in.buf[i] != '{') {
      return false;
    }
    i++;
    while (i < in.limit && Bytes.isWhitespace(in.buf[i])) {
      i++;
    }
    if (in.limit - i < TOOK.length) {
      return false;
    }
    for (int k = 0; k < TOOK.length; k++) {
      if (in.buf[i + k] != TOOK[k]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads the rest of the response and returns its {@code hits.hits} array as an input of its own
   * exact bytes, with the line it starts on.
   *
   * @throws IOException when the response is too large, not JSON, or has no {@code hits.hits} array
   */
  static Hits hits(Input in, InputStream rest) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.write(in.buf, in.pos, in.limit - in.pos);
    all.write(rest.readNBytes(MAX_BYTES + 1 - all.size()));
    if (all.size() > MAX_BYTES) {
      throw new IOException("a search response larger than " + MAX_BYTES + " bytes: save it in pages");
    }
    byte[] doc = all.toByteArray();
    try (JsonParser whole = Json.MAPPER.createParser(doc)) {
      whole.nextToken();
      whole.skipChildren();
      if (whole.nextToken() != null) {
        throw new IOException("more than one JSON document after a search response: save each response in its own file");
      }
    } catch (JacksonException e) {
      throw new IOException("a search response that is not JSON (" + e.getOriginalMessage() + ")");
    }
    try (JsonParser p = Json.MAPPER.createParser(doc)) {
      if (p.nextToken() == JsonToken.START_OBJECT && field(p, "hits") == JsonToken.START_OBJECT
          && field(p, "hits") == JsonToken.START_ARRAY) {
        int from = (int) p.currentTokenLocation().getByteOffset();
        p.skipChildren();
        int to = (int) p.currentLocation().getByteOffset();
        long line = 1;
        for (int i = 0; i < from; i++) {
          line += doc[i] == '\n' ? 1 : 0;
        }
        Input hits = new Input(new ByteArrayInputStream(doc, from, to - from));
        hits.refill(0);
        return new Hits(hits, line);
      }
    } catch (JacksonException e) {
      throw new IOException("a search response that is not JSON (" + e.getOriginalMessage() + ")");
    }
    throw new IOException("a search response without a hits.hits array");
  }

  /** Moves {@code p} to the value of {@code name} in the current object; returns its token, or null. */
  private static JsonToken field(JsonParser p, String name) {
    for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
      JsonToken value = p.nextToken();
      if (name.equals(p.currentName())) {
        return value;
      }
      p.skipChildren();
    }
    return null;
  }

  /**
   * The hits array of a response.
   *
   * @param input its bytes, ready to scan
   * @param line the line of the response it starts on
   */
  record Hits(Input input, long line) {}
}
