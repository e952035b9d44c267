package dev.oktair.cli;

import dev.oktair.report.ReportFormat;
import dev.oktair.report.Reports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code okta-ir report}: the incident written up as HTML, Markdown, JSON and a Timesketch timeline. */
@Command(
    name = "report",
    description = {
      "Write the incident report: HTML, Markdown, JSON, Timesketch.",
      "HTML and Markdown for people, JSON and a Timesketch timeline for machines. Renders whatever the case holds so far: evidence alone gives a timeline and manifest; findings, the"
          + " containment journal and the downstream map add their sections when they exist. Without --format,"
          + " all four go to reports/ in the case; files are readable by their owner only."
    },
    footer = {"", "Exit status: 0; 2 on a bad option, no case, or an unreadable case file; 7 when evidence changed."})
final class ReportCommand extends BaseCommand {
  @Mixin CaseOption caseDir;

  @Option(names = "--format", split = ",", paramLabel = "FORMAT",
      description = "html, md, json or timesketch; several separated by commas (default: all four).")
  List<ReportFormat> formats = new ArrayList<>();

  @Option(names = "--out", paramLabel = "FILE", description = "Write the one --format given to FILE instead of reports/.")
  Path out;

  @Mixin JsonOption json;

  @Override
  protected ExitCode execute() {
    CrashHook.exhaustHeap(ctx, CrashHook.OUT_OF_MEMORY);
    List<Reports.Written> written = Reports.write(caseDir.dir(), formats, out, ctx.clock());
    for (Reports.Written w : written) {
      if (json.json) {
        ctx.out().println(dev.oktair.events.Json.MAPPER.createObjectNode()
            .put("format", w.format().label()).put("path", w.path().toString()));
      } else {
        ctx.out().printf("%-10s %s%n", w.format().label(), TerminalText.cell(w.path().toString(), 400));
      }
    }
    return ExitCode.OK;
  }
}
