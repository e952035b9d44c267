/**
 * The simulator's scenarios, kept as data files and materialised into a
 * {@link dev.oktair.sim.TenantSeed}; and the benchmark event generator. Front door:
 * {@link dev.oktair.sim.scenario.Scenarios}.
 */
package dev.oktair.sim.scenario;
