package dev.oktair.sim.sp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One user at one fake SP: the SP-side name from the Okta app user, and what the SP issued
 * (sessions from SSO, OAuth tokens, app passwords, credential authorisations). Mutable; guarded
 * by the owning fake's lock.
 */
final class SpUser {
  final String id;
  final String userName;
  final List<String> roles;
  final List<String> sessions = new ArrayList<>();
  /** OAuth grants or credential authorisations: id to a label. */
  final Map<String, String> tokens = new LinkedHashMap<>();
  /** Google app-specific passwords: code id to name. */
  final Map<String, String> asps = new LinkedHashMap<>();
  boolean disabled;
  String sessionsValidFrom;

  SpUser(String id, String userName, List<String> roles) {
    this.id = id;
    this.userName = userName;
    this.roles = List.copyOf(roles);
  }
}
