package dev.oktair.okta;

import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.RequestJournal;
import dev.oktair.sim.SimEvent;
import dev.oktair.sim.TenantSeed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tenants for tests that run the client against the simulator: three users and {@code n} System
 * Log events built with {@link SimEvent}. Events share their unchanging subtrees (actor, client,
 * ...) so that 200 000 of them fit in a test JVM; each has its own uuid, time and exact bytes.
 */
public final class SimFixtures {
  public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  public static final String BOB = "00ubob00000000000002";
  public static final String BOB_LOGIN = "bob@contoso.com";
  public static final String ATTACKER_IP = "203.0.113.9";
  public static final long ATTACKER_ASN = 9009L;
  public static final String ATTACKER_SESSION = "idxATTACKERSESSION0001";
  private static final int ACTORS = 20;
  private static final String PUBLISHED_MARK = "@@published@@";
  private static final String UUID_MARK = "@@uuid@@";

  private SimFixtures() {}

  /**
   * Returns the simulator's journal once it has settled: the simulator records a request after it
   * has sent the response, so a client can have its answer before the entry exists. Waits until
   * the journal has not grown for 100 ms (at most 5 s).
   */
  public static List<RequestJournal.Entry> requests(OktaSimulator sim) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    int size = -1;
    long stableSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      int now = sim.journal().requests().size();
      if (now != size) {
        size = now;
        stableSince = System.nanoTime();
      } else if (System.nanoTime() - stableSince > 100_000_000L) {
        break;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return sim.journal().requests();
  }

  /** Clears the simulator's journal once every request so far has been recorded. */
  public static void clearJournal(OktaSimulator sim) {
    requests(sim);
    sim.journal().clear();
  }

  /** Returns a tenant holding {@code events}; anchored at {@link #NOW}. */
  public static TenantSeed seed(List<LogEvent> events) {
    List<JsonNode> users = List.of(
        user("00ualice000000000001", "alice@contoso.com"), user(BOB, BOB_LOGIN), user("00ucarol000000000003", "carol@contoso.com"));
    return new TenantSeed(NOW, users, List.of(), Map.of(), List.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of(),
        Map.of(), List.of(), Json.MAPPER.createObjectNode().put("action", "audit"), List.of(), Map.of(), events,
        new TenantSeed.Story("okta-tests", BOB_LOGIN, List.of(), NOW.minus(Duration.ofDays(1)), List.of(ATTACKER_IP),
            List.of("198.51.100.7"), List.of(ATTACKER_ASN), List.of(), List.of(), List.of()));
  }

  /**
   * Returns {@code n} events spread over {@code [from, to)}, in time order, several per
   * millisecond now and then. About one in six involves bob (as actor or as target);
   * about one in seven comes from the attacker's IP, ASN and session.
   */
  public static List<LogEvent> events(int n, Instant from, Instant to) {
    ObjectNode[] templates = templates();
    byte[][][] parts = new byte[templates.length][][];
    for (int t = 0; t < templates.length; t++) {
      parts[t] = split(templates[t]);
    }
    long span = Duration.between(from, to).toMillis();
    List<LogEvent> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int t = (int) ((i * 7919L) % templates.length);
      String published = LogQuery.format(from.plusMillis(span * (i / 2 * 2) / Math.max(1, n)));
      String uuid = uuid(i);
      ObjectNode e = Json.MAPPER.createObjectNode();
      templates[t].properties().forEach(p -> e.set(p.getKey(), p.getValue()));
      e.put("published", published);
      e.put("uuid", uuid);
      out.add(LogEvent.of(splice(parts[t], published, uuid), e));
    }
    return out;
  }

  /** Splits a template's bytes around its published and uuid values (it serialises them in that order). */
  private static byte[][] split(ObjectNode template) {
    ObjectNode marked = template.deepCopy();
    marked.put("published", PUBLISHED_MARK);
    marked.put("uuid", UUID_MARK);
    String text = new String(Json.MAPPER.writeValueAsBytes(marked), StandardCharsets.UTF_8);
    int p = text.indexOf(PUBLISHED_MARK);
    int u = text.indexOf(UUID_MARK);
    return new byte[][] {
      text.substring(0, p).getBytes(StandardCharsets.UTF_8),
      text.substring(p + PUBLISHED_MARK.length(), u).getBytes(StandardCharsets.UTF_8),
      text.substring(u + UUID_MARK.length()).getBytes(StandardCharsets.UTF_8)};
  }

  /** Returns the template's bytes with the two values in place: exactly what serialising the event gives. */
  private static byte[] splice(byte[][] parts, String published, String uuid) {
    byte[] p = published.getBytes(StandardCharsets.US_ASCII);
    byte[] u = uuid.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[parts[0].length + p.length + parts[1].length + u.length + parts[2].length];
    int at = 0;
    for (byte[] piece : new byte[][] {parts[0], p, parts[1], u, parts[2]}) {
      System.arraycopy(piece, 0, out, at, piece.length);
      at += piece.length;
    }
    return out;
  }

  /** Returns the uuid of event number {@code i}. */
  public static String uuid(int i) {
    return String.format("%08x-0000-4000-8000-%012d", i, i);
  }

  private static ObjectNode[] templates() {
    ObjectNode[] out = new ObjectNode[ACTORS * 2];
    for (int i = 0; i < out.length; i++) {
      int actor = i % ACTORS;
      boolean attacker = i % 7 == 3;
      String actorId = actor == 0 ? BOB : String.format("00uactor%012d", actor);
      SimEvent e = SimEvent.of("template", NOW, i % 3 == 0 ? "user.session.start" : "user.authentication.sso")
          .displayMessage("User login to Okta")
          .actor(actorId, "User", actor == 0 ? BOB_LOGIN : "user" + actor + "@contoso.com", "User " + actor)
          .client(attacker ? ATTACKER_IP : "198.51.100." + actor, "Mozilla/5.0 (Macintosh) \u00e9", "Mac OS X", "CHROME",
              "Computer", new SimEvent.Place("Seattle", "Washington", "United States", "98101", 47.6, -122.3))
          .network(attacker ? ATTACKER_ASN : 7922L, "comcast", "comcast", "comcast.net", false)
          .session(attacker ? ATTACKER_SESSION : "idx" + actor, null)
          .transaction("WEB", "tx" + i);
      if (i >= ACTORS && actor != 0 && actor % 4 == 1) {
        e.target(BOB, "User", BOB_LOGIN, "Bob Victim");
      }
      out[i] = e.toJson();
    }
    return out;
  }

  private static JsonNode user(String id, String login) {
    ObjectNode u = Json.MAPPER.createObjectNode();
    u.put("id", id);
    u.put("status", "ACTIVE");
    u.put("created", "2025-01-01T00:00:00.000Z");
    ObjectNode profile = u.putObject("profile");
    profile.put("login", login);
    profile.put("email", login);
    profile.put("firstName", login.substring(0, login.indexOf('@')));
    profile.put("lastName", "Test");
    return u;
  }
}
