/**
 * Drills: a scenario played into a served simulator, its ground truth kept in this process's
 * memory only, and a scorecard comparing the tenant's current state with it, served on a
 * separate loopback endpoint that needs the drill's own secret. {@link dev.oktair.sim.drill.Drill}
 * is the front door.
 */
package dev.oktair.sim.drill;
