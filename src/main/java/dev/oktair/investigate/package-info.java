/**
 * Investigation of a case: the detections over its evidence, the compromise window, and a
 * read-only audit of the live tenant (factors, assignments, grants, tokens, roles, ThreatInsight
 * and policy), all as cited findings. {@link dev.oktair.investigate.Investigation} is the front door.
 */
package dev.oktair.investigate;
