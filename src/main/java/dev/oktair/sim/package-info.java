/**
 * The simulated Okta tenant: the System Log and the Management API endpoints incident response
 * uses, served over real HTTP on loopback with Okta's status codes, headers, error bodies,
 * paging, rate limits and authentication (SSWS, OAuth private_key_jwt, DPoP); seeded from a
 * scenario, with fault injection and a request journal. The embedded default for {@code okta-ir
 * demo}, drills and every test. Depends on nothing but {@code events}.
 *
 * <p>Front door: {@link dev.oktair.sim.OktaSimulator#start(SimulatorOptions)}, configured by
 * {@link dev.oktair.sim.SimulatorOptions} ({@link dev.oktair.sim.FaultSpec}, {@link
 * dev.oktair.sim.RateLimits}, a {@link java.time.Clock} such as {@link dev.oktair.sim.SimClock});
 * tests read {@link dev.oktair.sim.Tenant} and {@link dev.oktair.sim.RequestJournal} (which {@code
 * okta-ir simulate --journal} also writes as JSONL). Every org gets Okta's system network zones and
 * its default policies marked {@code system}; every served {@code _links} href is on the
 * simulator's own origin. {@code OktaSdkConformanceTest} proves the API against Okta's Java SDK. Scenarios
 * hand over a {@link dev.oktair.sim.TenantSeed} built with {@link dev.oktair.sim.SimEvent}.
 * Everything else (one route class per API area, the dispatcher, the log index) is
 * package-private.
 */
package dev.oktair.sim;
