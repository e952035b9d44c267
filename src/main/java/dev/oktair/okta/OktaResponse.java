package dev.oktair.okta;

import dev.oktair.events.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A successful answer from Okta (2xx), or the stand-in a dry-run client returns for a request it
 * refused to send. Immutable.
 */
public final class OktaResponse {
  private final int status;
  private final URI uri;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final String dryRunNote;

  OktaResponse(int status, URI uri, Map<String, List<String>> headers, byte[] body, String dryRunNote) {
    this.status = status;
    this.uri = Objects.requireNonNull(uri, "uri");
    this.headers = Map.copyOf(headers);
    this.body = body == null ? new byte[0] : body;
    this.dryRunNote = dryRunNote;
  }

  static OktaResponse dryRun(URI uri, String note) {
    return new OktaResponse(0, uri, Map.of(), new byte[0], note);
  }

  /** Returns the HTTP status; 0 for a request a dry-run client did not send. */
  public int status() {
    return status;
  }

  /** Returns the URL that was requested. */
  public URI uri() {
    return uri;
  }

  /** Returns true when this is a dry-run stand-in: nothing was sent. */
  public boolean isDryRun() {
    return dryRunNote != null;
  }

  /** Returns "would send METHOD path" for a dry-run stand-in, else null. */
  public String dryRunNote() {
    return dryRunNote;
  }

  /** Returns the first value of a response header (case-insensitive), or null. */
  public String header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  /** Returns every value of a response header (case-insensitive). */
  public List<String> headers(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return List.of();
  }

  /** Returns the {@code X-Okta-Request-Id}, or null. */
  public String requestId() {
    return header("X-Okta-Request-Id");
  }

  /** Returns a copy of the body bytes. */
  public byte[] body() {
    return body.clone();
  }

  byte[] bodyUnsafe() {
    return body;
  }

  /** Returns the body as text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Returns the body parsed as JSON (a missing node when empty).
   *
   * @throws OktaException when the body is not JSON
   */
  public JsonNode json() {
    if (body.length == 0) {
      return Json.MAPPER.missingNode();
    }
    try {
      return Json.MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw new OktaException("Okta answered " + uri.getRawPath() + " with something that is not JSON", e);
    }
  }

  @Override
  public String toString() {
    return isDryRun() ? "OktaResponse[" + dryRunNote + "]" : "OktaResponse[" + status + " " + uri.getRawPath() + "]";
  }
}
