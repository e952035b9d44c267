package dev.oktair.sim.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Draws a seeded variant of a scenario file, so no answer key can be memorised: the named users
 * the drill section lists get new names and logins, attacker (hosting) addresses move within their
 * /16, the attack starts at another time and runs at another pace, placeholders pick among their
 * values, and steps sharing a {@code shuffle} group trade places in the timeline. Works on a copy
 * of the file's tree; deterministic for (file, seed). Stateless.
 */
final class Variants {
  private Variants() {}

  /** Returns the varied tree of {@code file} for {@code seed}. */
  static ObjectNode draw(ScenarioFile file, long seed) {
    SplittableRandom random = new SplittableRandom(seed * 0x2545F4914F6CDD1DL + 0x5eed);
    ObjectNode tree = file.tree().deepCopy();
    Map<String, String> replace = new LinkedHashMap<>();
    rename(tree, file.drill().rename(), random, replace);
    moveAttackers(tree, random, replace);
    file.drill().pick().forEach((placeholder, values) -> {
      if (!values.isEmpty()) {
        replace.put(placeholder, values.get(random.nextInt(values.size())));
      }
    });
    ObjectNode out = (ObjectNode) substitute(tree, replace);
    retime(out, random);
    return out;
  }

  /** Returns the file's tree with each placeholder replaced by its first value. */
  static ObjectNode firstPicks(ScenarioFile file) {
    Map<String, String> replace = new LinkedHashMap<>();
    file.drill().pick().forEach((placeholder, values) -> {
      if (!values.isEmpty()) {
        replace.put(placeholder, values.get(0));
      }
    });
    return (ObjectNode) substitute(file.tree().deepCopy(), replace);
  }

  private static void rename(ObjectNode tree, List<String> logins, SplittableRandom random, Map<String, String> replace) {
    JsonNode users = tree.path("users");
    List<String> first = strings(users.path("firstNames"));
    List<String> last = strings(users.path("lastNames"));
    if (first.isEmpty() || last.isEmpty()) {
      return;
    }
    Set<String> taken = new HashSet<>();
    for (JsonNode n : users.path("named")) {
      taken.add(n.path("login").asString(""));
    }
    for (JsonNode n : users.path("named")) {
      String login = n.path("login").asString("");
      if (!logins.contains(login) || !(n instanceof ObjectNode named)) {
        continue;
      }
      String domain = login.substring(login.indexOf('@') + 1);
      for (int tries = 0; tries < 50; tries++) {
        String f = first.get(random.nextInt(first.size()));
        String l = last.get(random.nextInt(last.size()));
        String candidate = (f + "." + l + "@" + domain).toLowerCase(Locale.ROOT);
        if (taken.add(candidate)) {
          named.put("firstName", f);
          named.put("lastName", l);
          replace.put(login, candidate);
          break;
        }
      }
    }
  }

  /** Hosting networks are the attacker's: their addresses move, their ASN and place stay. */
  private static void moveAttackers(ObjectNode tree, SplittableRandom random, Map<String, String> replace) {
    for (JsonNode net : tree.path("networks")) {
      if (!"hosting".equals(net.path("kind").asString(""))) {
        continue;
      }
      for (JsonNode ip : net.path("ips")) {
        String[] octets = ip.asString("").split("\\.");
        if (octets.length == 4) {
          replace.put(ip.asString(), octets[0] + "." + octets[1] + "." + (1 + random.nextInt(254)) + "." + (1 + random.nextInt(254)));
        }
      }
    }
  }

  private static JsonNode substitute(JsonNode node, Map<String, String> replace) {
    if (node.isString()) {
      String text = node.asString();
      String exact = replace.get(text);
      if (exact != null) {
        return StringNode.valueOf(exact);
      }
      for (Map.Entry<String, String> e : replace.entrySet()) {
        if (e.getKey().contains("@") && text.contains(e.getKey())) {
          text = text.replace(e.getKey(), e.getValue());
        }
      }
      return StringNode.valueOf(text);
    }
    if (node instanceof ObjectNode o) {
      List<String> names = new ArrayList<>(o.propertyNames());
      for (String name : names) {
        o.set(name, substitute(o.get(name), replace));
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        a.set(i, substitute(a.get(i), replace));
      }
    }
    return node;
  }

  /**
   * Paces the attack by a factor in [0.8, 1.2], moves its start by up to a fifth (never so late
   * that a step would fall after the anchor), and lets steps of one {@code shuffle} group trade
   * times.
   */
  private static void retime(ObjectNode tree, SplittableRandom random) {
    JsonNode attack = tree.path("attack");
    if (!(attack instanceof ObjectNode a) || !(attack.path("steps") instanceof ArrayNode steps)) {
      return;
    }
    double pace = 0.8 + 0.4 * random.nextDouble();
    long last = 0;
    Map<String, List<ObjectNode>> groups = new LinkedHashMap<>();
    for (JsonNode s : steps) {
      ObjectNode step = (ObjectNode) s;
      long at = Math.round(Durations.parse(step.path("at").asString("0s")).toSeconds() * pace);
      step.put("at", at + "s");
      last = Math.max(last, at);
      if (step.has("shuffle")) {
        groups.computeIfAbsent(step.get("shuffle").asString(), k -> new ArrayList<>()).add(step);
      }
    }
    for (List<ObjectNode> group : groups.values()) {
      List<String> times = new ArrayList<>();
      group.forEach(s -> times.add(s.get("at").asString()));
      for (int i = times.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        String t = times.get(i);
        times.set(i, times.get(j));
        times.set(j, t);
      }
      for (int i = 0; i < group.size(); i++) {
        group.get(i).put("at", times.get(i));
      }
    }
    long start = -Durations.parse(a.path("start").asString("0m")).toSeconds();
    long moved = Math.round(start * (0.8 + 0.4 * random.nextDouble()));
    long earliest = last + Duration.ofHours(2).toSeconds();
    a.put("start", "-" + Math.max(moved, earliest) + "s");
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }
}
