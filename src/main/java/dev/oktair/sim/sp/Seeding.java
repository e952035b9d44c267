package dev.oktair.sim.sp;

import dev.oktair.events.LogEvent;
import dev.oktair.sim.TenantSeed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Builds each fake's users from a tenant seed: one SP user per Okta app user of the SP's catalog
 * app (named by {@code credentials.userName}, roles from {@code profile.samlRoles}), one session
 * per {@code user.authentication.sso} into that app, and for users who signed in, the tokens an
 * SP typically holds for them. Ids are derived from names, so a seed always gives the same state.
 */
final class Seeding {
  /** Okta catalog app name to fake service. */
  static final Map<String, String> SERVICES = Map.of(
      "office365", "graph", "google", "google", "salesforce", "salesforce", "amazon_aws", "aws",
      "slack", "slack", "githubcloud", "github", "ghecenterprisesaml", "github");

  private Seeding() {}

  /** Returns service to its users, keyed by SP-side user name. */
  static Map<String, Map<String, SpUser>> users(TenantSeed seed) {
    Map<String, Map<String, SpUser>> out = new HashMap<>();
    SERVICES.values().forEach(s -> out.put(s, new LinkedHashMap<>()));
    Map<String, Integer> ssoCount = new HashMap<>();
    for (LogEvent e : seed.events()) {
      if ("user.authentication.sso".equals(e.eventType()) && "SUCCESS".equals(e.outcome().result())) {
        for (LogEvent.Target t : e.targets()) {
          if ("AppInstance".equals(t.type())) {
            ssoCount.merge(t.id() + "/" + e.actor().id(), 1, Integer::sum);
          }
        }
      }
    }
    for (JsonNode app : seed.apps()) {
      String service = SERVICES.get(app.path("name").asString());
      if (service == null) {
        continue;
      }
      String appId = app.path("id").asString();
      for (JsonNode au : seed.appUsers().getOrDefault(appId, List.of())) {
        String userName = au.path("credentials").path("userName").asString();
        List<String> roles = new ArrayList<>();
        au.path("profile").path("samlRoles").forEach(r -> roles.add(r.asString()));
        SpUser u = new SpUser(id(service, userName), userName, roles);
        int sessions = ssoCount.getOrDefault(appId + "/" + au.path("id").asString(), 0);
        for (int i = 0; i < sessions; i++) {
          u.sessions.add(id(service + "-session-" + i, userName));
        }
        if (sessions > 0) {
          tokens(service, u);
        }
        out.get(service).put(userName, u);
      }
    }
    return out;
  }

  /** See {@link SpFakes#openedSince}. */
  static List<SpFakes.Session> openedSince(TenantSeed seed, java.util.Collection<String> userIds, java.time.Instant since) {
    Map<String, JsonNode> apps = new HashMap<>();
    seed.apps().forEach(a -> apps.put(a.path("id").asString(), a));
    Map<String, SpFakes.Session> out = new LinkedHashMap<>();
    for (LogEvent e : seed.events()) {
      if (!"user.authentication.sso".equals(e.eventType()) || !"SUCCESS".equals(e.outcome().result())
          || !userIds.contains(e.actor().id()) || e.published() == null || e.published().isBefore(since)) {
        continue;
      }
      for (LogEvent.Target t : e.targets()) {
        JsonNode app = "AppInstance".equals(t.type()) ? apps.get(t.id()) : null;
        String service = app == null ? null : SERVICES.get(app.path("name").asString());
        if (service == null) {
          continue;
        }
        for (JsonNode au : seed.appUsers().getOrDefault(t.id(), List.of())) {
          if (e.actor().id().equals(au.path("id").asString())) {
            String userName = au.path("credentials").path("userName").asString();
            out.putIfAbsent(service + "/" + userName,
                new SpFakes.Session(service, userName, e.actor().id(), app.path("label").asString(t.id())));
          }
        }
      }
    }
    return List.copyOf(out.values());
  }

  private static void tokens(String service, SpUser u) {
    switch (service) {
      case "google" -> {
        u.tokens.put("1041831412108.apps.googleusercontent.com", "Thunderbird");
        u.asps.put("1", "Mail on old phone");
      }
      case "salesforce" -> u.tokens.put(id("sf-token", u.userName), "Salesforce for Outlook");
      case "github" -> {
        u.tokens.put(String.valueOf(100000 + Math.abs(u.userName.hashCode() % 90000)), "personal access token");
        u.tokens.put(String.valueOf(200000 + Math.abs(u.userName.hashCode() % 90000)), "SSH key");
      }
      default -> { }
    }
  }

  /** Returns a stable id for {@code name} at {@code kind}. */
  static String id(String kind, String name) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest((kind + ":" + name).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
