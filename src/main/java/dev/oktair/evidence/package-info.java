/**
 * The evidence of a case: sealed, hashed, never rewritten JSONL files of raw events, the manifest
 * that lists them, quarantine for rejected input, and verification. Front doors:
 * {@link dev.oktair.evidence.EvidenceStore} (write, list, verify) and
 * {@link dev.oktair.evidence.EvidenceImport} (import exported files, quarantining what is not an
 * event).
 */
package dev.oktair.evidence;
