/**
 * The case directory's one owner: its layout ({@link dev.oktair.cases.CasePaths}, so no other
 * package spells a case file name), owner-only permissions, the lock against a second writer, and
 * {@code case.json} (subject, window, org, history of commands). Front door:
 * {@link dev.oktair.cases.Case}.
 */
package dev.oktair.cases;
