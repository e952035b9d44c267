package dev.oktair.sim;

import dev.oktair.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** A tiny HTTP client for simulator tests: SSWS by default, any Authorization on request. */
final class SimHttp {
  private static final Pattern LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"([a-z]+)\"");
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final OktaSimulator sim;

  SimHttp(OktaSimulator sim) {
    this.sim = sim;
  }

  HttpResponse<String> get(String pathAndQuery) {
    return send("GET", pathAndQuery, "SSWS " + sim.apiToken(), null);
  }

  HttpResponse<String> delete(String pathAndQuery) {
    return send("DELETE", pathAndQuery, "SSWS " + sim.apiToken(), null);
  }

  HttpResponse<String> post(String pathAndQuery, String body) {
    return send("POST", pathAndQuery, "SSWS " + sim.apiToken(), body);
  }

  HttpResponse<String> getUrl(String absoluteUrl) {
    return sendUrl("GET", absoluteUrl, "SSWS " + sim.apiToken(), null, null);
  }

  HttpResponse<String> send(String method, String pathAndQuery, String authorization, String body) {
    return sendUrl(method, sim.baseUrl() + pathAndQuery, authorization, body, null);
  }

  HttpResponse<String> sendUrl(String method, String url, String authorization, String body, String dpop) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Accept", "application/json");
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (dpop != null) {
      b.header("DPoP", dpop);
    }
    try {
      return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> r) {
    return Json.MAPPER.readTree(r.body());
  }

  /** Returns the URL of the {@code rel} link, or null. */
  static String link(HttpResponse<String> r, String rel) {
    for (String header : r.headers().allValues("Link")) {
      Matcher m = LINK.matcher(header);
      while (m.find()) {
        if (m.group(2).equals(rel)) {
          return m.group(1);
        }
      }
    }
    return null;
  }

  /** Follows next links from {@code firstPath}; returns every event uuid in order (bounded: until no next). */
  List<String> pageAll(String firstPath) {
    List<String> uuids = new ArrayList<>();
    HttpResponse<String> r = get(firstPath);
    while (true) {
      if (r.statusCode() != 200) {
        throw new AssertionError("status " + r.statusCode() + ": " + r.body());
      }
      json(r).forEach(e -> uuids.add(e.path("uuid").asString()));
      String next = link(r, "next");
      if (next == null) {
        return uuids;
      }
      r = getUrl(next);
    }
  }
}
