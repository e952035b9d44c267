/**
 * The evidence of a case: sealed, hashed, never rewritten JSONL files of raw events, the manifest
 * that lists them, quarantine for rejected input, and verification. Front door:
 * {@link dev.oktair.evidence.EvidenceStore}.
 */
package dev.oktair.evidence;
