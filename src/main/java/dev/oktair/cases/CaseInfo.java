package dev.oktair.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What {@code case.json} says about a case. Never holds a secret: the org URL is an origin and
 * recorded arguments are masked.
 *
 * @param version format version of case.json, 1
 * @param id the case's id, fixed at creation
 * @param orgUrl the Okta org the evidence came from, or null before a collection
 * @param subjects the users under investigation (logins or ids), in the order they were added
 * @param window the compromise window, or null before one is inferred or set
 * @param created when the case was created
 * @param updated when case.json last changed
 * @param oktaIrVersion the okta-ir version that last wrote it
 * @param history every command run that wrote to the case, oldest first
 * @param collection the window of the latest bounded collection, as typed and as resolved once,
 *     or null before one
 */
public record CaseInfo(
    int version, String id, String orgUrl, List<String> subjects, CompromiseWindow window, Instant created,
    Instant updated, String oktaIrVersion, List<CommandRun> history, CollectWindow collection) {
  /** The format version this code writes. */
  public static final int VERSION = 1;

  public CaseInfo {
    Objects.requireNonNull(id, "id");
    subjects = subjects == null ? List.of() : List.copyOf(subjects);
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(updated, "updated");
    history = history == null ? List.of() : List.copyOf(history);
  }

  /** Returns a new case's record. */
  static CaseInfo fresh(String id, Instant now, String oktaIrVersion) {
    return new CaseInfo(VERSION, id, null, List.of(), null, now, now, oktaIrVersion, List.of(), null);
  }

  CaseInfo withOrgUrl(String url) {
    return new CaseInfo(version, id, url, subjects, window, created, updated, oktaIrVersion, history, collection);
  }

  CaseInfo withSubjects(List<String> more) {
    LinkedHashSet<String> all = new LinkedHashSet<>(subjects);
    all.addAll(more);
    return new CaseInfo(version, id, orgUrl, List.copyOf(all), window, created, updated, oktaIrVersion, history, collection);
  }

  CaseInfo withWindow(CompromiseWindow w) {
    return new CaseInfo(version, id, orgUrl, subjects, w, created, updated, oktaIrVersion, history, collection);
  }

  CaseInfo withCollection(CollectWindow w) {
    return new CaseInfo(version, id, orgUrl, subjects, window, created, updated, oktaIrVersion, history, w);
  }

  CaseInfo plus(CommandRun run) {
    List<CommandRun> runs = new ArrayList<>(history);
    runs.add(run);
    return new CaseInfo(version, id, orgUrl, subjects, window, created, updated, oktaIrVersion, runs, collection);
  }

  CaseInfo touched(Instant now, String by) {
    return new CaseInfo(VERSION, id, orgUrl, subjects, window, created, now, by, history, collection);
  }
}
