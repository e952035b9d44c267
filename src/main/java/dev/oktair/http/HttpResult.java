package dev.oktair.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A successful answer (2xx), or the stand-in a dry-run API returns for a request it refused to
 * send. Immutable.
 */
public final class HttpResult {
  private final int status;
  private final URI uri;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final String requestId;
  private final String dryRunNote;

  HttpResult(int status, URI uri, Map<String, List<String>> headers, byte[] body, String requestId, String dryRunNote) {
    this.status = status;
    this.uri = Objects.requireNonNull(uri, "uri");
    this.headers = Map.copyOf(headers);
    this.body = body == null ? new byte[0] : body;
    this.requestId = requestId;
    this.dryRunNote = dryRunNote;
  }

  static HttpResult dryRun(URI uri, String note) {
    return new HttpResult(0, uri, Map.of(), new byte[0], null, note);
  }

  /** Returns the HTTP status; 0 for a request a dry-run API did not send. */
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
    List<String> v = headers(name);
    return v.isEmpty() ? null : v.get(0);
  }

  /** Returns every value of a response header (case-insensitive). */
  public List<String> headers(String name) {
    return Headers.all(headers, name);
  }

  /** Returns every response header. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** Returns the request id the server gave this answer (the API's request-id header), or null. */
  public String requestId() {
    return requestId;
  }

  /** Returns a copy of the body bytes. */
  public byte[] body() {
    return body.clone();
  }

  /** Returns the body as UTF-8 text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return isDryRun() ? "HttpResult[" + dryRunNote + "]" : "HttpResult[" + status + " " + uri.getRawPath() + "]";
  }
}
