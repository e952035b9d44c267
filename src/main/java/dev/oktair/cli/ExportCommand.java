package dev.oktair.cli;

import dev.oktair.cases.CasePaths;
import dev.oktair.store.CaseDatabase;
import dev.oktair.store.ExportFormat;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code okta-ir export}: writes the case database out for other tools. */
@Command(
    name = "export",
    description = {
      "Export the case's events as Parquet, CSV or JSONL.",
      "parquet: partitioned by day (day=YYYY-MM-DD/), every column including raw, so the same SQL runs on Spark,"
          + " Trino or Athena. csv: every column but raw, formula cells neutralised. jsonl: the raw events exactly"
          + " as stored, in evidence order."
    },
    footer = {"", "Exit status: 0; 2 on a bad option, a non-empty --out or one inside evidence/, or no case; 7 when evidence"
        + " changed or the case database is damaged."})
final class ExportCommand extends BaseCommand {
  @Mixin CaseOption caseDir;

  @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "parquet, csv or jsonl.")
  ExportFormat format;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Directory to write (must not exist or be empty; default CASE/export/FORMAT).")
  Path out;

  @Mixin JsonOption json;

  @Override
  protected ExitCode execute() {
    Path target = out != null ? out : CasePaths.of(caseDir.dir()).exports().resolve(format.name().toLowerCase(Locale.ROOT));
    if (insideEvidence(target)) {
      throw ExitException.usage("--out " + out + " is inside the case's evidence directory, which holds only sealed"
          + " evidence; export elsewhere (default: " + CasePaths.of(caseDir.dir()).exports() + ")");
    }
    CaseDatabase db = CaseDatabase.open(caseDir.dir(), ctx.clock());
    if (out == null) {
      CasePaths.directory(CasePaths.of(caseDir.dir()).exports());
    }
    LoadCommand.noteLoadedOnOpen(this, db);
    Path written = db.export(format, target);
    if (json.json) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("format", format.name().toLowerCase(Locale.ROOT));
      o.put("path", written.toString());
      ctx.out().println(o);
    } else {
      ctx.out().println(written);
    }
    return ExitCode.OK;
  }

  /** Returns true when {@code target} is, or is under, the evidence directory (links resolved). */
  private boolean insideEvidence(Path target) {
    Path evidence = real(CasePaths.of(caseDir.dir()).evidence());
    return real(target).startsWith(evidence);
  }

  /** Returns the real path of the deepest existing ancestor of {@code p}, with the rest appended. */
  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !java.nio.file.Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(abs));
    } catch (java.io.IOException e) {
      return abs;
    }
  }
}
