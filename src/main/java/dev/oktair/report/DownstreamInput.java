package dev.oktair.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads the downstream impact map ({@code {app:{id,label,name}, sp, spIdentity, lastAccess,
 * actions:[{action,kills,survives,manual,status}]}} objects) from plan.json's {@code downstream}
 * array and from journal lines that carry an {@code app}; the journal's later word on an action
 * wins. The adapter the lead rewires to downstream's own reader when merging.
 */
final class DownstreamInput {
  private DownstreamInput() {}

  /** Returns one row per application and action, or why there are none. */
  static Section<List<Report.Impact>> read(CaseInputs inputs) {
    JsonNode plan = CaseInputs.readJson(inputs.plan());
    List<JsonNode> journal = CaseInputs.readJsonLines(inputs.journal());
    Map<String, Report.Impact> rows = new LinkedHashMap<>();
    CaseInputs.array(plan, "downstream").forEach(o -> add(rows, o));
    for (JsonNode line : journal == null ? List.<JsonNode>of() : journal) {
      if (line.has("app")) {
        add(rows, line);
      }
    }
    if (rows.isEmpty()) {
      return Section.notRun("no downstream impact map yet: plan containment to map the service providers");
    }
    return Section.of(List.copyOf(new ArrayList<>(rows.values())));
  }

  private static void add(Map<String, Report.Impact> rows, JsonNode o) {
    JsonNode app = o.get("app");
    String appId = CaseInputs.text(app, "id");
    String label = CaseInputs.text(app, "label");
    String sp = CaseInputs.text(o, "sp");
    for (JsonNode a : CaseInputs.array(o, "actions")) {
      Report.Impact row = new Report.Impact(label != null ? label : CaseInputs.text(app, "name"), appId, sp,
          CaseInputs.instant(o, "lastAccess"), CaseInputs.text(a, "action"), CaseInputs.text(a, "kills"),
          CaseInputs.text(a, "survives"), CaseInputs.text(a, "manual"), CaseInputs.text(a, "status"));
      rows.put(appId + "\u0000" + row.action(), row);
    }
  }
}
