package dev.oktair.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads case.json ({@code {id, orgUrl, subjects, window, created, updated, version, history}})
 * for the summary and the command history. The adapter the lead rewires to the {@code cases}
 * package when merging.
 *
 * @param id the case's id, null when unknown
 * @param orgUrl the org, null when unknown
 * @param subjects the users under investigation
 * @param window the investigation window, null when unknown
 * @param created when the case was opened, null when unknown
 * @param history the commands run on it, or why there are none
 */
record CaseFileInput(String id, String orgUrl, List<String> subjects, FindingsInput.Window window, Instant created,
    Section<List<Report.Command>> history) {

  /** Returns what case.json says, or an empty record with "not yet" sections when there is none. */
  static CaseFileInput read(CaseInputs inputs) {
    JsonNode root = CaseInputs.readJson(inputs.caseFile());
    if (root == null) {
      return new CaseFileInput(null, null, List.of(), null, null,
          Section.notRun("no command history (case.json not found)"));
    }
    JsonNode w = root.get("window");
    FindingsInput.Window window = w == null || !w.isObject() ? null
        : new FindingsInput.Window(CaseInputs.instant(w, "start"), CaseInputs.instant(w, "end"),
            CaseInputs.text(w, "source"));
    List<Report.Command> history = new ArrayList<>();
    for (JsonNode h : CaseInputs.array(root, "history")) {
      JsonNode exit = h.get("exit");
      history.add(new Report.Command(CaseInputs.strings(h, "argv"), CaseInputs.instant(h, "start"),
          CaseInputs.instant(h, "end"), exit != null && exit.isNumber() ? exit.asInt() : null));
    }
    return new CaseFileInput(CaseInputs.text(root, "id"), CaseInputs.text(root, "orgUrl"),
        CaseInputs.strings(root, "subjects"), window, CaseInputs.instant(root, "created"), Section.of(history));
  }
}
