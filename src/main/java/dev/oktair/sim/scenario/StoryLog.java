package dev.oktair.sim.scenario;

import dev.oktair.sim.scenario.Model.Origin;
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
}
