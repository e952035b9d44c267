package dev.oktair.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads contain's plan.json (version 1: {@code actions[]} of {@code {id, action, target:{type,id,display},
 * reasons, dependsOn, note, params}}) and journal.jsonl (per call an {@code intent} line and an
 * {@code outcome} line with {@code id}, {@code status} one of done, already-done, error, failed,
 * not-run, undone, and {@code requestId}) into the actions taken; the last line of a phase wins.
 */
final class ContainmentInput {
  private ContainmentInput() {}

  /** Returns the plan's actions with their journalled outcomes, or why there are none. */
  static Section<List<Report.Action>> read(CaseInputs inputs) {
    JsonNode plan = CaseInputs.readJson(inputs.plan());
    List<JsonNode> journal = CaseInputs.readJsonLines(inputs.journal());
    if (plan == null && journal == null) {
      return Section.notRun("no containment yet (plan.json and journal.jsonl not found): plan and apply containment");
    }
    Map<String, JsonNode> intents = new LinkedHashMap<>();
    Map<String, JsonNode> outcomes = new LinkedHashMap<>();
    for (JsonNode line : journal == null ? List.<JsonNode>of() : journal) {
      String id = CaseInputs.text(line, "id");
      if (id == null) {
        continue;
      }
      // The last line of a phase wins: a re-applied action's latest outcome is what holds.
      if ("intent".equals(CaseInputs.text(line, "phase"))) {
        intents.put(id, line);
      } else if ("outcome".equals(CaseInputs.text(line, "phase"))) {
        outcomes.put(id, line);
      }
    }
    Map<String, JsonNode> actions = new LinkedHashMap<>();
    CaseInputs.array(plan, "actions").forEach(a -> actions.put(CaseInputs.text(a, "id"), a));
    intents.forEach((id, line) -> actions.putIfAbsent(id, line)); // journalled without a plan at hand
    List<Report.Action> out = new ArrayList<>();
    actions.forEach((id, a) -> {
      if (id != null) {
        out.add(action(id, a, intents.get(id), outcomes.get(id)));
      }
    });
    return Section.of(List.copyOf(out));
  }

  /** Returns when the last action finished when every action finished successfully, else null. */
  static Instant completedAt(List<Report.Action> actions) {
    Instant last = null;
    for (Report.Action a : actions) {
      if (a.completed() == null || !succeeded(a.status())) {
        return null;
      }
      last = last == null || a.completed().isAfter(last) ? a.completed() : last;
    }
    return last;
  }

  /** Returns true for the journal's statuses of an action that needs nothing more. */
  static boolean succeeded(String status) {
    return "done".equals(status) || "already-done".equals(status);
  }

  private static Report.Action action(String id, JsonNode a, JsonNode intent, JsonNode outcome) {
    JsonNode target = a.get("target");
    String status = outcome != null ? CaseInputs.text(outcome, "status") : intent != null ? "sent, no outcome" : "planned";
    return new Report.Action(id, CaseInputs.text(a, "action"), CaseInputs.text(target, "type"),
        CaseInputs.text(target, "id"), CaseInputs.text(target, "display"), CaseInputs.strings(a, "reasons"),
        intent == null ? null : CaseInputs.instant(intent, "time"),
        outcome == null ? null : CaseInputs.instant(outcome, "time"), status,
        outcome == null ? null : CaseInputs.text(outcome, "requestId"));
  }
}
