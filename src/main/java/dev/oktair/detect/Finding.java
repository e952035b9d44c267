package dev.oktair.detect;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One finding of a detection or of the live audit: what was seen, how bad it is, what to do, and
 * exactly what it rests on. Immutable; the unit findings.json holds one of per object.
 *
 * @param id stable across re-runs of the same detection over the same evidence (a hash of the
 *     detection id, subject and the sorted cited uuids/objects), e.g. {@code F-3f9a1c2b7d04}
 * @param detection the id of the detection or audit check that produced it, e.g. {@code proxy-auth}
 * @param severity how urgent
 * @param title one line for a table
 * @param summary plain language: what happened, to whom, from where
 * @param subject the login of the affected user; null for tenant-wide findings
 * @param first the earliest cited time (null when none is known)
 * @param last the latest cited time (null when none is known)
 * @param technique the MITRE ATT&amp;CK technique id, e.g. {@code T1556.006}; null where none fits
 * @param recommendation what the responder should do
 * @param evidence the events and API objects it rests on, never empty
 * @param facts machine-readable details the containment planner and the report act on, with
 *     documented keys: {@code ip}, {@code asn}, {@code userId}, {@code factorId}, {@code appId},
 *     {@code appUserId}, {@code clientId}, {@code grantId}, {@code tokenId}, {@code roleId},
 *     {@code idpId}, {@code zoneId}, {@code groupId}, {@code sessionId}, {@code actor},
 *     {@code attacker} ("true" when the finding attributes activity to the attacker)
 */
public record Finding(
    String id,
    String detection,
    Severity severity,
    String title,
    String summary,
    String subject,
    Instant first,
    Instant last,
    String technique,
    String recommendation,
    List<Citation> evidence,
    Map<String, String> facts) {
  public Finding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(detection, "detection");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(recommendation, "recommendation");
    evidence = List.copyOf(evidence);
    if (evidence.isEmpty()) {
      throw new IllegalArgumentException("a finding must cite at least one event or object: " + id);
    }
    facts = Map.copyOf(facts);
    if (first != null && last != null && last.isBefore(first)) {
      throw new IllegalArgumentException("finding " + id + " ends before it starts");
    }
  }
}
