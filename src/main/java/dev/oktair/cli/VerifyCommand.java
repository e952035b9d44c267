package dev.oktair.cli;

import dev.oktair.events.Json;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.evidence.EvidenceStore.VerifyReport;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code okta-ir verify}: re-hashes a case's evidence against its manifest. */
@Command(
    name = "verify",
    description = {"Re-hash the case's evidence against its manifest.",
      "Every evidence file is hashed again and compared with the manifest, and so is the set of files:"
          + " changed, added and removed files are listed."},
    footer = {"", "Exit status: 0 when the evidence is intact, 7 when a file was changed, added or removed."})
final class VerifyCommand extends BaseCommand {
  @Mixin CaseOption caseDir;

  @Mixin JsonOption json;

  @Override
  protected ExitCode execute() {
    EvidenceStore store = EvidenceStore.existing(caseDir.dir(), ctx.clock());
    VerifyReport report = store.verify(); // an unreadable manifest fails as evidence (exit 7)
    if (json.json) {
      ctx.out().println(Json.MAPPER.writeValueAsString(toJson(report)));
    } else {
      print(report);
    }
    if (report.intact()) {
      return ExitCode.OK;
    }
    ctx.err().printf("okta-ir: evidence verification failed: %d changed, %d added, %d removed%n",
        report.changed().size(), report.added().size(), report.removed().size());
    return ExitCode.EVIDENCE_MISMATCH;
  }

  private static ObjectNode toJson(VerifyReport r) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("intact", r.intact());
    o.put("files", r.ok().size() + r.changed().size() + r.removed().size());
    array(o.putArray("ok"), r.ok());
    array(o.putArray("changed"), r.changed());
    array(o.putArray("added"), r.added());
    array(o.putArray("removed"), r.removed());
    return o;
  }

  private static void array(ArrayNode node, List<String> names) {
    names.forEach(node::add);
  }

  private void print(VerifyReport r) {
    r.changed().forEach(n -> ctx.out().println("CHANGED  " + TerminalText.neutralise(n) + "  (SHA-256 differs from the manifest)"));
    r.added().forEach(n -> ctx.out().println("ADDED    " + TerminalText.neutralise(n) + "  (not in the manifest)"));
    r.removed().forEach(n -> ctx.out().println("REMOVED  " + TerminalText.neutralise(n) + "  (listed in the manifest, missing)"));
    if (r.intact()) {
      ctx.out().printf("Evidence intact: %d file%s the manifest.%n", r.ok().size(),
          r.ok().size() == 1 ? " matches" : "s match");
    } else {
      ctx.out().printf("Evidence NOT intact: %d of %d listed files match the manifest.%n",
          r.ok().size(), r.ok().size() + r.changed().size() + r.removed().size());
    }
  }
}
