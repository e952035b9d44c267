/**
 * Forwarding a followed System Log to a SIEM as events arrive: Splunk HEC, Elastic {@code _bulk} or
 * a generic JSON sink, sent through {@code http} (retries, masking, origin pinning), with a
 * checkpoint of what was forwarded so that a restart, even after kill -9, neither loses nor
 * repeats an event. The one unavoidable repeat (a crash between a send and its checkpoint) carries
 * each event's uuid as an idempotency key the sink deduplicates on. Front door:
 * {@link dev.oktair.forward.Forwarder}. Depends on {@code events}, {@code http} and {@code cases}.
 */
package dev.oktair.forward;
