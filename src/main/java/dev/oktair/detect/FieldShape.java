package dev.oktair.detect;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where the fields a pass reads ({@link EventFields}) are in an event: per object, the keys of
 * interest, what each key's value is (a text field, a flag, a coordinate, an AS number, an inner
 * object, the targets) and the field it gives or the object it leads into. One description, which
 * both the bytes ({@link RawFields}) and the tree ({@link EventFields#of(tools.jackson.databind.JsonNode)})
 * read by, so the two name the same fields.
 *
 * @param keys each key
 * @param names each key as bytes (all ASCII), which the bytes are compared with
 * @param kinds what each key's value is
 * @param fields the field a text value gives ({@link EventFields}' constants, or a target's 0-3)
 * @param inner the object an {@link #OBJECT} key leads into
 */
record FieldShape(String[] keys, byte[][] names, int[] kinds, int[] fields, FieldShape[] inner) {
  /** A text field: a string ("null" is none) or JSON null. */
  static final int LEAF = 0;
  /** A text field that may be a JSON boolean, read as "true" or "false". */
  static final int FLAG = 1;
  static final int LAT = 2;
  static final int LON = 3;
  static final int ASN = 4;
  /** An object holding fields; any other plain value holds none. */
  static final int OBJECT = 5;
  /** The list of targets, each of {@link #TARGET}'s shape. */
  static final int TARGETS = 6;

  static final FieldShape TARGET = of("id", LEAF, 0, "type", LEAF, 1, "alternateId", LEAF, 2,
      "displayName", LEAF, 3);
  static final FieldShape EVENT = of(
      "eventType", LEAF, EventFields.EVENT_TYPE,
      "published", LEAF, EventFields.PUBLISHED,
      "actor", OBJECT, of("id", LEAF, EventFields.ACTOR_ID, "type", LEAF, EventFields.ACTOR_TYPE,
          "alternateId", LEAF, EventFields.ACTOR_LOGIN, "displayName", LEAF, EventFields.ACTOR_NAME),
      "outcome", OBJECT, of("result", LEAF, EventFields.RESULT, "reason", LEAF, EventFields.REASON),
      "client", OBJECT, of("ipAddress", LEAF, EventFields.IP, "id", LEAF, EventFields.CLIENT_ID,
          "userAgent", OBJECT, of("rawUserAgent", LEAF, EventFields.USER_AGENT),
          "geographicalContext", OBJECT, of("city", LEAF, EventFields.CITY, "country", LEAF, EventFields.COUNTRY,
              "geolocation", OBJECT, of("lat", LAT, 0, "lon", LON, 0))),
      "device", OBJECT, of("id", LEAF, EventFields.DEVICE_ID),
      "securityContext", OBJECT, of("asNumber", ASN, 0, "isProxy", FLAG, EventFields.PROXY,
          "asOrg", LEAF, EventFields.AS_ORG),
      "authenticationContext", OBJECT, of("externalSessionId", LEAF, EventFields.EXTERNAL_SESSION,
          "rootSessionId", LEAF, EventFields.ROOT_SESSION),
      "debugContext", OBJECT, of("debugData", OBJECT, of("threatSuspected", LEAF, EventFields.THREAT,
          "risk", LEAF, EventFields.RISK, "factor", LEAF, EventFields.FACTOR, "pushOnlyResponseType", LEAF,
          EventFields.PUSH, "clientId", LEAF, EventFields.DEBUG_CLIENT, "consentGrantId", LEAF, EventFields.GRANT,
          "privilegeGranted", LEAF, EventFields.PRIVILEGE, "scope", LEAF, EventFields.SCOPE, "grantedScopes", LEAF,
          EventFields.GRANTED_SCOPES)),
      "transaction", OBJECT, of("detail", OBJECT, of("requestApiTokenId", LEAF, EventFields.API_TOKEN)),
      "target", TARGETS, 0);

  /** Returns the number of the key {@code b[start, end)}, or -1 when it is none of interest. */
  int find(byte[] b, int start, int end) {
    int n = end - start;
    for (int k = 0; k < names.length; k++) {
      byte[] name = names[k];
      if (name.length == n && Arrays.equals(b, start, end, name, 0, n)) {
        return k;
      }
    }
    return -1;
  }

  /** A shape of (key, kind, field or inner shape) triples. */
  private static FieldShape of(Object... triples) {
    int n = triples.length / 3;
    FieldShape s = new FieldShape(new String[n], new byte[n][], new int[n], new int[n], new FieldShape[n]);
    for (int k = 0; k < n; k++) {
      s.keys[k] = (String) triples[3 * k];
      s.names[k] = s.keys[k].getBytes(StandardCharsets.US_ASCII);
      s.kinds[k] = (Integer) triples[3 * k + 1];
      if (triples[3 * k + 2] instanceof FieldShape inner) {
        s.inner[k] = inner;
      } else {
        s.fields[k] = (Integer) triples[3 * k + 2];
      }
    }
    return s;
  }
}
