package dev.oktair.contain;

import dev.oktair.downstream.Downstream;
import dev.oktair.downstream.Impact;
import dev.oktair.events.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** plan.json: a {@link Plan} written for review and read back to apply exactly what was reviewed. */
public final class PlanJson {
  private static final int VERSION = 1;

  private PlanJson() {}

  /** Returns the plan as JSON. */
  public static ObjectNode toJson(Plan p) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("version", VERSION);
    o.put("created", p.created().toString());
    o.put("org", p.org());
    ObjectNode w = o.putObject("window");
    w.put("start", p.windowStart().toString());
    w.put("end", p.windowEnd() == null ? null : p.windowEnd().toString());
    o.putObject("options").put("resetFactors", p.options().resetFactors()).put("blockIps", p.options().blockIps())
        .put("keepAssignments", p.options().keepAssignments());
    ArrayNode subjects = o.putArray("subjects");
    for (Plan.Subject s : p.subjects()) {
      ObjectNode n = subjects.addObject().put("userId", s.userId()).put("login", s.login()).put("superAdmin", s.superAdmin());
      reasons(n, s.reasons(), s.reasonsTotal());
    }
    ArrayNode actions = o.putArray("actions");
    for (Plan.Entry e : p.actions()) {
      actions.add(action(e));
    }
    ArrayNode listed = o.putArray("listed");
    for (Plan.Listed l : p.listed()) {
      ObjectNode n = listed.addObject();
      n.set("target", target(l.target()));
      n.put("why", l.why());
      reasons(n, l.reasons(), l.reasonsTotal());
    }
    ArrayNode downstream = o.putArray("downstream");
    for (Plan.Downstream d : p.downstream()) {
      for (Impact i : d.impacts()) {
        downstream.add(Json.MAPPER.createObjectNode().put("userId", d.userId()).setAll(Downstream.toJson(i)));
      }
    }
    return o;
  }

  /** Returns one action as {@code --json} prints it and plan.json stores it. */
  public static ObjectNode action(Plan.Entry e) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("id", e.id());
    n.put("action", e.action().kind().label());
    n.set("target", target(e.action().target()));
    reasons(n, e.reasons(), e.reasonsTotal());
    strings(n.putArray("dependsOn"), e.dependsOn());
    if (e.note() != null) {
      n.put("note", e.note());
    }
    ObjectNode params = n.putObject("params");
    e.action().params().forEach(params::put);
    return n;
  }

  /**
   * Reads a plan back.
   *
   * @throws IllegalArgumentException when it is not a plan okta-ir wrote
   */
  public static Plan fromJson(JsonNode o) {
    if (o.path("version").asInt() != VERSION) {
      throw new IllegalArgumentException("not a version " + VERSION + " plan");
    }
    JsonNode opt = o.path("options");
    List<Plan.Subject> subjects = new ArrayList<>();
    for (JsonNode s : o.path("subjects")) {
      subjects.add(new Plan.Subject(s.path("userId").asString(), s.path("login").asString(),
          s.path("superAdmin").asBoolean(), strings(s.path("reasons")), total(s)));
    }
    List<Plan.Entry> actions = new ArrayList<>();
    for (JsonNode a : o.path("actions")) {
      Map<String, String> params = new LinkedHashMap<>();
      a.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asString()));
      Action action = ActionKind.of(a.path("action").asString()).create(params);
      actions.add(new Plan.Entry(a.path("id").asString(), action, strings(a.path("reasons")),
          strings(a.path("dependsOn")), a.path("note").isString() ? a.path("note").asString() : null, total(a)));
    }
    List<Plan.Listed> listed = new ArrayList<>();
    for (JsonNode l : o.path("listed")) {
      JsonNode t = l.path("target");
      listed.add(new Plan.Listed(new Target(t.path("type").asString(), t.path("id").asString(),
          t.path("display").asString()), l.path("why").asString(), strings(l.path("reasons")), total(l)));
    }
    Map<String, List<Impact>> impacts = new LinkedHashMap<>();
    for (JsonNode d : o.path("downstream")) {
      impacts.computeIfAbsent(d.path("userId").asString(), k -> new ArrayList<>()).add(Downstream.fromJson(d));
    }
    List<Plan.Downstream> downstream = new ArrayList<>();
    impacts.forEach((user, list) -> downstream.add(new Plan.Downstream(user, list)));
    JsonNode end = o.path("window").path("end");
    return new Plan(Instant.parse(o.path("created").asString()), o.path("org").asString(),
        Instant.parse(o.path("window").path("start").asString()), end.isString() ? Instant.parse(end.asString()) : null,
        new Plan.Options(opt.path("resetFactors").asBoolean(), opt.path("blockIps").asBoolean(),
            keepAssignments(opt)),
        subjects, actions, listed, downstream);
  }

  /** A plan.json of before the default changed says removeAssignments: an opt-in not taken kept them. */
  private static boolean keepAssignments(JsonNode opt) {
    JsonNode keep = opt.path("keepAssignments");
    return keep.isBoolean() ? keep.asBoolean() : !opt.path("removeAssignments").asBoolean();
  }

  private static ObjectNode target(Target t) {
    return Json.MAPPER.createObjectNode().put("type", t.type()).put("id", t.id()).put("display", t.display());
  }

  /**
   * Writes {@code reasons}, and {@code reasonsTotal} when it cites only some of the findings (a
   * plan citing all of them reads as it always did).
   */
  private static void reasons(ObjectNode n, List<String> reasons, int total) {
    strings(n.putArray("reasons"), reasons);
    if (total > reasons.size()) {
      n.put("reasonsTotal", total);
    }
  }

  /** Returns how many findings {@code o} stands on: {@code reasonsTotal}, else as many as it cites. */
  private static int total(JsonNode o) {
    return o.path("reasonsTotal").asInt(o.path("reasons").size());
  }

  private static void strings(ArrayNode into, List<String> values) {
    values.forEach(into::add);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }
}
