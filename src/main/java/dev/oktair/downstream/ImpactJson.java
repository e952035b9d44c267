package dev.oktair.downstream;

import dev.oktair.events.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** One impact as {@code downstream --json} prints it and plan.json stores it, and back. */
final class ImpactJson {
  private ImpactJson() {}

  static ObjectNode write(Impact i) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.putObject("app").put("id", i.app().appId()).put("label", i.app().label()).put("name", i.app().name())
        .put("signOnMode", i.app().signOnMode());
    o.put("sp", i.sp());
    if (i.spIdentity() == null) {
      o.putNull("spIdentity");
    } else {
      ObjectNode who = o.putObject("spIdentity").put("userName", i.spIdentity().userName());
      i.spIdentity().roles().forEach(who.putArray("roles")::add);
    }
    o.put("lastAccess", i.lastAccess() == null ? null : i.lastAccess().toString());
    ArrayNode actions = o.putArray("actions");
    for (PlannedAction a : i.actions()) {
      actions.addObject().put("action", a.action()).put("step", a.step() == null ? null : a.step().name())
          .put("kills", a.kills()).put("survives", a.survives()).put("manual", a.manual()).put("optIn", a.optIn());
    }
    return o;
  }

  static Impact read(JsonNode o) {
    JsonNode app = o.path("app");
    JsonNode who = o.path("spIdentity");
    SpIdentity identity = who.isObject() ? new SpIdentity(who.path("userName").asString(), strings(who.path("roles"))) : null;
    Instant last = o.path("lastAccess").isString() ? Instant.parse(o.path("lastAccess").asString()) : null;
    List<PlannedAction> actions = new ArrayList<>();
    for (JsonNode a : o.path("actions")) {
      actions.add(new PlannedAction(a.path("action").asString(), a.path("step").isString() ? Step.valueOf(a.path("step").asString()) : null,
          a.path("kills").asString(), a.path("survives").asString(), a.path("manual").asBoolean(), a.path("optIn").asBoolean()));
    }
    AppAccess access = new AppAccess(app.path("id").asString(), app.path("label").asString(app.path("id").asString()),
        text(app.path("name")), text(app.path("signOnMode")), identity == null ? null : identity.userName(),
        identity == null ? List.of() : identity.roles(), last);
    return new Impact(access, text(o.path("sp")), identity, last, actions);
  }

  private static String text(JsonNode n) {
    return n.isString() ? n.asString() : null;
  }

  private static List<String> strings(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.forEach(n -> out.add(n.asString()));
    return out;
  }
}
