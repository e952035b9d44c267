package dev.oktair.okta;

import dev.oktair.events.Json;
import dev.oktair.http.HttpResult;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A successful answer from Okta (2xx), or the stand-in a dry-run client returns for a request it
 * refused to send: the HTTP layer's {@link HttpResult} with Okta's JSON and request id. Immutable.
 */
public final class OktaResponse {
  static final String REQUEST_ID = "X-Okta-Request-Id";

  private final HttpResult result;
  private final byte[] body;

  private OktaResponse(HttpResult result) {
    this.result = Objects.requireNonNull(result, "result");
    this.body = result.body();
  }

  /** Returns Okta's view of an answer of the HTTP layer (e.g. the response of a {@link dev.oktair.http.Mutation.Result}). */
  public static OktaResponse of(HttpResult result) {
    return new OktaResponse(result);
  }

  /** Returns the HTTP status; 0 for a request a dry-run client did not send. */
  public int status() {
    return result.status();
  }

  /** Returns the URL that was requested. */
  public URI uri() {
    return result.uri();
  }

  /** Returns true when this is a dry-run stand-in: nothing was sent. */
  public boolean isDryRun() {
    return result.isDryRun();
  }

  /** Returns "would send METHOD path" for a dry-run stand-in, else null. */
  public String dryRunNote() {
    return result.dryRunNote();
  }

  /** Returns the first value of a response header (case-insensitive), or null. */
  public String header(String name) {
    return result.header(name);
  }

  /** Returns every value of a response header (case-insensitive). */
  public List<String> headers(String name) {
    return result.headers(name);
  }

  /** Returns the {@code X-Okta-Request-Id}, or null. */
  public String requestId() {
    return result.requestId();
  }

  /** Returns a copy of the body bytes. */
  public byte[] body() {
    return body.clone();
  }

  byte[] bodyUnsafe() {
    return body;
  }

  HttpResult result() {
    return result;
  }

  /** Returns the body as text. */
  public String text() {
    return result.text();
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
      throw new OktaException("Okta answered " + uri().getRawPath() + " with something that is not JSON", e);
    }
  }

  @Override
  public String toString() {
    return isDryRun() ? "OktaResponse[" + dryRunNote() + "]" : "OktaResponse[" + status() + " " + uri().getRawPath() + "]";
  }
}
