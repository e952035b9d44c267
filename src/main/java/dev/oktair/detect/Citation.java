package dev.oktair.detect;

import java.time.Instant;
import java.util.Objects;

/**
 * What a finding rests on: a System Log event of the case, or an object of the tenant's API.
 * Serialised in findings.json as {@code {uuid, published, eventType}} or
 * {@code {objectType, objectId}}.
 */
public sealed interface Citation {

  /**
   * One event of the case's evidence.
   *
   * @param uuid the event's uuid; for an event without one, the stable stand-in
   *     {@code "sha256:<hex of its raw bytes>"} so the citation is still unambiguous
   * @param published when Okta says it happened (null when the event has no time)
   * @param eventType its eventType
   */
  record Event(String uuid, Instant published, String eventType) implements Citation {
    public Event {
      Objects.requireNonNull(uuid, "uuid");
      Objects.requireNonNull(eventType, "eventType");
    }
  }

  /**
   * One object of the tenant, as its API names it.
   *
   * @param objectType e.g. {@code user}, {@code factor}, {@code appUser}, {@code grant},
   *     {@code refreshToken}, {@code apiToken}, {@code role}, {@code idp}, {@code zone},
   *     {@code policyRule}, {@code threatInsight}
   * @param objectId the object's id (for nested objects, {@code parentId/childId})
   */
  record ApiObject(String objectType, String objectId) implements Citation {
    public ApiObject {
      Objects.requireNonNull(objectType, "objectType");
      Objects.requireNonNull(objectId, "objectId");
    }
  }
}
