package dev.oktair.sim.scenario;

import dev.oktair.sim.scenario.Model.Origin;
import dev.oktair.sim.scenario.Model.Person;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the attack steps established: the ground truth a scenario's story reports. */
final class StoryLog {
  Instant attackStart;
  final Map<String, Origin> attackerOrigins = new LinkedHashMap<>();
  final List<String> rogueFactors = new ArrayList<>();
  final List<String> rogueTokens = new ArrayList<>();
  final List<String> rogueGrants = new ArrayList<>();
  /** Every foothold the attack steps created, by kind and id (a step may meet the same one twice). */
  final Map<String, Foothold> footholds = new LinkedHashMap<>();
  /** Identity providers the steps created, shaped as the IdP API returns them. */
  final List<tools.jackson.databind.JsonNode> identityProviders = new ArrayList<>();

  void attackAt(Instant at) {
    if (attackStart == null || at.isBefore(attackStart)) {
      attackStart = at;
    }
  }

  void attacker(Origin o) {
    if ("hosting".equals(o.net().kind())) {
      attackerOrigins.putIfAbsent(o.ip(), o);
    }
  }

  void rogueFactor(String id) {
    rogueFactors.add(id);
  }

  void rogueToken(String id) {
    rogueTokens.add(id);
  }

  void rogueGrant(String id) {
    rogueGrants.add(id);
  }

  void foothold(Foothold.Kind kind, String id, Person owner, String label) {
    footholds.putIfAbsent(kind + ":" + id, new Foothold(kind, id, owner.id, owner.login + " " + label));
  }
}
