/**
 * The Okta System Log event: {@link dev.oktair.events.LogEvent} (raw bytes plus a read-only view),
 * dotted {@link dev.oktair.events.FieldPath}s, and the time forms okta-ir accepts. Readers of
 * JSONL, JSON arrays and gzip live here too; filter expressions in the {@code filter} subpackage.
 * Depends on nothing else in okta-ir.
 */
package dev.oktair.events;
