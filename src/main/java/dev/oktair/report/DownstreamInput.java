package dev.oktair.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads the downstream impact map contain stored in plan.json ({@code downstream[]}: per subject
 * and app {@code {userId, app:{id,label,name}, sp, spIdentity:{userName}, lastAccess,
 * actions:[{action, step, kills, survives, manual, optIn}]}}) and what the journal says of each
 * automatic step (the {@code revoke-downstream} outcome for {@code sp/STEP/userName}: done with
 * {@code verification} verified, requested or already-done; failed with its detail; not-run).
 */
final class DownstreamInput {
  private static final String KIND = "revoke-downstream";

  private DownstreamInput() {}

  /** Returns one row per application and action, or why there are none. */
  static Section<List<Report.Impact>> read(CaseInputs inputs) {
    JsonNode plan = CaseInputs.readJson(inputs.plan());
    List<Report.Impact> rows = new ArrayList<>();
    Map<String, JsonNode> outcomes = outcomes(CaseInputs.readJsonLines(inputs.journal()));
    for (JsonNode o : CaseInputs.array(plan, "downstream")) {
      JsonNode app = o.get("app");
      String label = CaseInputs.text(app, "label");
      String sp = CaseInputs.text(o, "sp");
      String who = CaseInputs.text(o.get("spIdentity"), "userName");
      for (JsonNode a : CaseInputs.array(o, "actions")) {
        boolean manual = a.path("manual").asBoolean(false);
        String action = CaseInputs.text(a, "action");
        String status = manual ? "manual" : a.path("optIn").asBoolean(false) ? "opt-in, not planned"
            : status(outcomes.get(KIND + ":" + sp + "/" + CaseInputs.text(a, "step") + "/" + who));
        rows.add(new Report.Impact(label != null ? label : CaseInputs.text(app, "name"), CaseInputs.text(app, "id"), sp,
            CaseInputs.instant(o, "lastAccess"), action, CaseInputs.text(a, "kills"), CaseInputs.text(a, "survives"),
            manual ? action : null, status));
      }
    }
    if (rows.isEmpty()) {
      return Section.notRun("no downstream impact map yet: plan containment to map the service providers");
    }
    return Section.of(List.copyOf(rows));
  }

  /** Returns the last outcome line of each downstream step, by its journal key. */
  private static Map<String, JsonNode> outcomes(List<JsonNode> journal) {
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode line : journal == null ? List.<JsonNode>of() : journal) {
      if (KIND.equals(CaseInputs.text(line, "action")) && "outcome".equals(CaseInputs.text(line, "phase"))) {
        out.put(CaseInputs.text(line, "key"), line);
      }
    }
    return out;
  }

  /** Returns verified, requested, already-done, failed: why, not run, or planned. */
  private static String status(JsonNode outcome) {
    if (outcome == null) {
      return "planned";
    }
    String status = CaseInputs.text(outcome, "status");
    String verification = CaseInputs.text(outcome, "verification");
    if ("done".equals(status)) {
      return verification != null ? verification : "requested";
    }
    if ("failed".equals(status) || "error".equals(status)) {
      return "failed: " + CaseInputs.text(outcome, "detail");
    }
    return status == null ? "planned" : status;
  }
}
