/**
 * Collecting the System Log of a live org into a case's evidence: the subject's events (as actor
 * or target) and pivots on the attacker's IPs, sessions and ASNs, over a window split into time
 * slices fetched concurrently within one rate-limit budget, checkpointed after every page so an
 * interrupted run resumes, merged by {@code published} and uuid, and sealed byte-exact; or tailed
 * live with {@code follow}. Front door: {@link dev.oktair.collect.Collector}. Depends on
 * {@code okta}, {@code evidence} and {@code events}.
 */
package dev.oktair.collect;
