/**
 * Containment: findings and the incident window become a reviewed {@link dev.oktair.contain.Plan}
 * of {@link dev.oktair.contain.Action}s ({@link dev.oktair.contain.Planner}), written to plan.json;
 * the {@link dev.oktair.contain.Applier} carries it out with an fsynced journal.jsonl, reading the
 * tenant back before every call so a re-run after a crash never sends an action twice. Front
 * doors: {@code Planner}, {@code Applier}, {@code Guards}, {@code PlanJson}, {@code Journal}
 * (the case owner, {@code cases.CasePaths}, names the files; {@code detect.FindingsFile} reads the
 * findings). Depends on {@code okta}, {@code downstream} and {@code detect}.
 */
package dev.oktair.contain;
