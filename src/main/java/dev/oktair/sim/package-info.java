/**
 * The simulated Okta tenant: the Management and System Log APIs served over real HTTP on
 * loopback, seeded from a scenario, with fault injection and a request journal. The embedded
 * default for {@code okta-ir demo}, drills and every test. Depends on nothing but {@code events}.
 */
package dev.oktair.sim;
