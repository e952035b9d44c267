package dev.oktair.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** What a pivot groups events by: each key names one column (or expression) of {@code events}. */
public enum PivotKey {
  /** {@code client.ipAddress}. */
  IP("ip", "client_ip"),
  /** {@code securityContext.asNumber}. */
  ASN("asn", "asn"),
  /** {@code securityContext.isp}. */
  ISP("isp", "isp"),
  /** {@code securityContext.isProxy}. */
  PROXY("proxy", "is_proxy"),
  /** {@code client.geographicalContext.country}. */
  COUNTRY("country", "country"),
  /** {@code client.geographicalContext.city}. */
  CITY("city", "city"),
  /** {@code client.device} (Computer, Mobile, ...). */
  DEVICE("device", "device"),
  /** {@code client.userAgent.rawUserAgent}. */
  UA("ua", "user_agent"),
  /** {@code client.userAgent.browser}. */
  BROWSER("browser", "browser"),
  /** {@code client.userAgent.os}. */
  OS("os", "os"),
  /** The root session id, else the external session id. */
  SESSION("session", "coalesce(root_session_id, external_session_id)"),
  /** The display name of the first {@code AppInstance} target. */
  APP("app", "target_app"),
  /** {@code eventType}. */
  EVENT_TYPE("eventType", "event_type"),
  /** {@code outcome.result}. */
  OUTCOME("outcome", "outcome_result"),
  /** {@code actor.alternateId}. */
  ACTOR("actor", "actor_alternate_id"),
  /** The alternateId of the first {@code User} target. */
  TARGET("target", "target_user");

  private final String key;
  private final String expression;

  PivotKey(String key, String expression) {
    this.key = key;
    this.expression = expression;
  }

  /** Returns the key's name as the command line and JSON output spell it. */
  public String key() {
    return key;
  }

  String expression() {
    return expression;
  }

  /**
   * Returns the key named {@code name} (case-insensitive).
   *
   * @throws IllegalArgumentException listing the known keys
   */
  public static PivotKey of(String name) {
    for (PivotKey k : values()) {
      if (k.key.equalsIgnoreCase(name.trim())) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown pivot key '" + name + "'; use one of " + names());
  }

  /** Returns the keys of a comma-separated list such as {@code ip,ua}, rejecting repeats. */
  public static List<PivotKey> list(String commaSeparated) {
    List<PivotKey> out = new ArrayList<>();
    for (String part : commaSeparated.split(",", -1)) {
      PivotKey k = of(part);
      if (out.contains(k)) {
        throw new IllegalArgumentException("pivot key '" + k.key + "' is given twice");
      }
      out.add(k);
    }
    return out;
  }

  /** Returns every key's name, comma-separated. */
  public static String names() {
    return Arrays.stream(values()).map(PivotKey::key).collect(Collectors.joining(", "));
  }
}
