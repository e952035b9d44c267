package dev.oktair.cli;

import dev.oktair.events.RejectedLine;
import dev.oktair.evidence.EvidenceFile;
import dev.oktair.evidence.EvidenceImport;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.evidence.ImportListener;
import dev.oktair.evidence.ImportReport;
import dev.oktair.events.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code okta-ir import}: copies exported System Log files into a case's evidence. */
@Command(
    name = "import",
    description = {
      "Import exported System Log files into a case's evidence.",
      "Byte-exact, one sealed JSONL file per input. Reads JSONL or a JSON array, either optionally"
          + " gzip-compressed, UTF-8 or UTF-16 with a byte order mark (detected from the bytes). Takes the Okta"
          + " event out of Splunk export results (result._raw), Okta Log Streaming EventBridge deliveries (detail),"
          + " Elasticsearch hits and ECS documents (event.original, _source) and Sentinel rows (the column holding"
          + " the event), recording the wrapper in the manifest. Lines that are not System Log events are reported"
          + " as FILE:LINE on stderr and quarantined; the rest still load. A file imported before is skipped."
    },
    footer = {"", "Exit status: 0 when every line was taken, 6 when some input was rejected or unreadable."})
final class ImportCommand extends BaseCommand {
  private static final int LISTED = 20;

  @Mixin CaseOption caseDir;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Exported System Log files; - reads the standard input.")
  List<Path> files;

  @Option(names = "--follow-symlinks", description = "Import what symbolic links point to (by default a link is refused).")
  boolean followSymlinks;

  @Mixin JsonOption json;

  @Override
  protected ExitCode execute() {
    EvidenceStore store = EvidenceStore.open(caseDir.create(ctx).paths(), ctx.clock());
    Listing listing = new Listing(ctx.err());
    ImportReport report = EvidenceImport.into(store).followingSymlinks(followSymlinks).withStdin(System.in)
        .run(files, listing);
    String quarantine = quarantineOf(report, store);
    listing.finish(quarantine);
    if (json.json) {
      ctx.out().println(Json.MAPPER.writeValueAsString(toJson(report, quarantine)));
    } else {
      printSummary(report, store, quarantine);
    }
    return report.clean() ? ExitCode.OK : ExitCode.INPUT_REJECTED;
  }

  /** Returns the one quarantine file written, the quarantine directory when several were, or null. */
  private static String quarantineOf(ImportReport report, EvidenceStore store) {
    List<Path> q = report.quarantineFiles();
    if (q.isEmpty()) {
      return null;
    }
    return (q.size() == 1 ? q.get(0) : store.quarantineDir()).toString();
  }

  private static ObjectNode toJson(ImportReport r, String quarantine) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("files", r.sealed().size());
    o.put("events", r.events());
    o.put("duplicates", r.duplicates());
    o.put("rejected", r.rejected());
    o.put("quarantine", quarantine);
    o.put("blank", r.blank());
    o.put("uuidCollisions", r.uuidCollisions());
    o.put("missingUuid", r.missingUuid());
    o.put("missingPublished", r.missingPublished());
    o.put("compacted", r.compacted());
    o.put("unreadable", r.unreadable());
    ArrayNode already = o.putArray("alreadyImported");
    r.alreadyImported().forEach(already::add);
    ArrayNode evidence = o.putArray("evidence");
    r.sealed().forEach(f -> evidence.add(f.name()));
    ArrayNode quarantined = o.putArray("quarantineFiles");
    r.quarantineFiles().forEach(p -> quarantined.add(p.toString()));
    return o;
  }

  private void printSummary(ImportReport r, EvidenceStore store, String quarantine) {
    PrintWriter out = ctx.out();
    out.printf("Imported %d events from %d file%s into %s (duplicates skipped: %d, blank lines: %d).%n",
        r.events(), r.sealed().size(), r.sealed().size() == 1 ? "" : "s", store.evidenceDir(),
        r.duplicates(), r.blank());
    for (EvidenceFile f : r.sealed()) {
      out.printf("  %s  %d events  %s .. %s  sha256 %s%n", f.name(), f.events(),
          TerminalText.cell(f.firstPublished(), 40), TerminalText.cell(f.lastPublished(), 40), f.sha256());
      f.source().wrappers().forEach((wrapper, n) -> out.printf("    %d taken out of %s%n", n, wrapper));
      if (f.source().encoding() != null) {
        out.printf("    %s%n", f.source().encoding());
      }
      if (f.source().partial()) {
        out.println("    PARTIAL evidence: rebuilt from the Admin Console CSV's columns, not the events Okta's API returns");
      }
    }
    for (String name : r.alreadyImported()) {
      out.printf("  already imported as %s (same SHA-256): not sealed again%n", name);
    }
    if (r.rejected() > 0) {
      out.printf("Rejected %d lines; quarantined in %s%n", r.rejected(), quarantine);
    }
    if (r.unreadable() > 0) {
      out.printf("%d input file%s could not be read (see above).%n", r.unreadable(), r.unreadable() == 1 ? "" : "s");
    }
    if (r.missingUuid() > 0 || r.missingPublished() > 0) {
      out.printf("Kept %d events without a uuid and %d without a usable published time.%n",
          r.missingUuid(), r.missingPublished());
    }
    if (r.uuidCollisions() > 0) {
      out.printf("%d uuid collisions: same uuid as an earlier event, different content; both kept.%n",
          r.uuidCollisions());
    }
    if (r.compacted() > 0) {
      out.printf("%d pretty-printed array elements were compacted onto one line (recorded in the manifest).%n",
          r.compacted());
    }
  }

  /** Reports problems on stderr as they happen, listing at most {@link #LISTED} of each kind. */
  private static final class Listing implements ImportListener {
    private final PrintWriter err;
    private long rejects;
    private long collisions;

    Listing(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void started(String file, long bytes) {
      err.println(TerminalText.neutralise(String.format(Locale.ROOT, "[okta-ir] importing %s (%,d bytes)", file, bytes)));
      err.flush();
    }

    @Override
    public void progress(String file, long events) {
      err.println(TerminalText.neutralise(String.format(Locale.ROOT, "[okta-ir] %s: %,d events so far", file, events)));
      err.flush();
    }

    @Override
    public void rejected(RejectedLine line) {
      if (++rejects <= LISTED) {
        err.println(TerminalText.neutralise(line.source() + ":" + line.line() + ": " + line.message()));
      }
    }

    @Override
    public void unreadable(String file, String message) {
      err.println(TerminalText.neutralise(file + ": " + message));
    }

    @Override
    public void alreadyImported(String file, String evidence) {
      err.println(TerminalText.neutralise(file + ": already imported as " + evidence + " (same SHA-256); skipped"));
    }

    @Override
    public void uuidCollision(String file, long line, String uuid) {
      if (++collisions <= LISTED) {
        err.println(TerminalText.neutralise(file + ":" + line + ": uuid " + uuid
            + " was seen before with different content (both kept)"));
      }
    }

    void finish(String quarantine) {
      if (rejects > LISTED) {
        err.println("... and " + (rejects - LISTED) + " more, see " + quarantine);
      }
      if (collisions > LISTED) {
        err.println("... and " + (collisions - LISTED) + " more uuid collisions");
      }
      err.flush();
    }
  }
}
