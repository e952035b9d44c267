/**
 * The Okta System Log event: {@link dev.oktair.events.LogEvent} (raw bytes plus a read-only view),
 * dotted {@link dev.oktair.events.FieldPath}s, and the time forms okta-ir accepts. Reading is
 * {@link dev.oktair.events.EventReader}: JSONL, JSON arrays, CSV exports and search responses,
 * gzip and UTF-16 of any, streamed, with one strict reading of a record everywhere, SIEM and
 * streaming wrappers unwrapped to their inner event ({@link dev.oktair.events.Envelope}), every
 * non-event record handed on as a {@link dev.oktair.events.RejectedLine}, and a raw-bytes
 * {@link dev.oktair.events.LinePredicate} to skip lines before parsing. Filter expressions live
 * in the {@code filter} subpackage. Depends on nothing else in okta-ir.
 */
package dev.oktair.events;
