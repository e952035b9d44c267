package dev.oktair.detect;

/**
 * One built-in detection: what it is called, how bad what it finds is, and a fresh scan for each
 * pass over a case's events. Implementations are immutable and thread-safe; their scans are not.
 */
public interface Detection {
  /** Returns the stable id used in findings.json, e.g. {@code proxy-auth}. */
  String id();

  /** Returns one line for a table. */
  String title();

  /** Returns the severity of a finding attributed to the attacker or inside the compromise window. */
  Severity severity();

  /** Returns the MITRE ATT&amp;CK technique id, or null when none fits. */
  String technique();

  /** Returns what the responder should do about a finding of this detection. */
  String recommendation();

  /**
   * Returns true when this detection's scans need events of {@code eventType}; a pass hands them
   * no others (most events concern no detection, and a pass sees every event of a case).
   */
  default boolean wants(String eventType) {
    return true;
  }

  /** Returns a new scan holding the state of one pass; bounded, never one entry per event. */
  Scan start();

  /** The state of one pass: sees events in published order, then proposes findings. */
  interface Scan {
    /** Sees one event. */
    void see(Seen e, Infra infra);

    /** Called once after the last event; proposes findings to {@code out}. */
    void finish(Infra infra, Drafts out);
  }
}
