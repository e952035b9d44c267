/**
 * Scenarios for the simulated tenant: stories kept as YAML data under
 * {@code dev/oktair/sim/scenarios/} (org, people and their habits, apps, policies, background
 * changes, attack steps with relative offsets), materialised by one generic engine into a
 * {@link dev.oktair.sim.TenantSeed}, and a fast generator of benchmark-sized event streams with
 * the same shape. {@link dev.oktair.sim.scenario.Scenarios} is the front door.
 */
package dev.oktair.sim.scenario;
