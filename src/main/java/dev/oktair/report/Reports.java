package dev.oktair.report;

import dev.oktair.events.Json;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.store.CaseDatabase;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;

/**
 * The front door of {@code report}: builds a case's {@link Report} and writes it in each {@link
 * ReportFormat}. Works on any case with evidence; later steps of the runbook that have not run
 * show as "not yet run". Thread-safe (holds no state).
 */
public final class Reports {
  /** Keys of maps (a finding's facts) sorted, so the same case gives the same bytes; the target left open. */
  private static final ObjectWriter JSON = Json.MAPPER.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .withDefaultPrettyPrinter().without(StreamWriteFeature.AUTO_CLOSE_TARGET);

  private Reports() {}

  /**
   * Returns the report of the case at {@code caseDir}, loading any new evidence into its database.
   *
   * @throws dev.oktair.evidence.EvidenceException when there is no case at {@code caseDir}
   */
  public static Report build(Path caseDir, Clock clock) {
    EvidenceStore evidence = EvidenceStore.existing(caseDir, clock);
    return ReportBuilder.build(new CaseInputs(caseDir), evidence, CaseDatabase.open(caseDir, clock), clock);
  }

  /** Returns the report as HTML, Markdown or JSON text (Timesketch needs the case: use {@link #write}). */
  public static String render(Report report, ReportFormat format) {
    StringWriter out = new StringWriter();
    render(report, format, out);
    return out.toString();
  }

  /**
   * Writes the report as HTML, Markdown or JSON to {@code out} as it is rendered: the text of a
   * case with 317k findings is hundreds of MB, which held as one string (and copied) did not fit
   * the heap (issue 14). Leaves {@code out} open.
   */
  static void render(Report report, ReportFormat format, Writer out) {
    render(report, format, out, ReportView.LIMIT);
  }

  /**
   * As {@link #render(Report, ReportFormat, Writer)}, the HTML and Markdown showing at most {@code
   * limit} rows of a table in full (tests cut a small case with a small limit); JSON is always whole.
   */
  static void render(Report report, ReportFormat format, Writer out, int limit) {
    switch (format) {
      case HTML:
        HtmlRenderer.render(new ReportView(report, limit), out);
        return;
      case MD:
        MarkdownRenderer.render(new ReportView(report, limit), out);
        return;
      case JSON:
        try {
          JSON.writeValue(out, report);
          out.write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return;
      default:
        throw new IllegalArgumentException(format.label() + " is written from the case: use write");
    }
  }

  /** Returns the directory reports are written to by default: {@code reports/} in the case. */
  public static Path defaultDir(Path caseDir) {
    return new CaseInputs(caseDir).reportsDir();
  }

  /**
   * Writes the case's report in each of {@code formats}, owner-only. With {@code out} (only for a
   * single format) the report goes to that file, else to {@link #defaultDir}.
   *
   * @return the files written, in the order of {@code formats}
   */
  public static List<Written> write(Path caseDir, Collection<ReportFormat> formats, Path out, Clock clock) {
    Objects.requireNonNull(formats, "formats");
    Set<ReportFormat> set = formats.isEmpty() ? EnumSet.allOf(ReportFormat.class) : EnumSet.copyOf(formats);
    if (out != null && set.size() != 1) {
      throw new ReportException("an output file takes exactly one format; without one every format goes to "
          + defaultDir(caseDir));
    }
    Report report = build(caseDir, clock);
    if (out == null) {
      OwnerOnlyFiles.directory(defaultDir(caseDir));
    }
    List<Written> written = new ArrayList<>();
    for (ReportFormat format : set) {
      Path file = out != null ? out : defaultDir(caseDir).resolve(format.fileName());
      long[] lines = {0};
      OwnerOnlyFiles.write(file, w -> {
        if (format == ReportFormat.TIMESKETCH) {
          lines[0] = TimesketchWriter.write(report, CaseDatabase.open(caseDir, clock), w);
        } else {
          render(report, format, w);
        }
      });
      written.add(new Written(format, file, lines[0]));
    }
    return written;
  }

  /**
   * One report file written.
   *
   * @param format its format
   * @param path where it is
   * @param events for Timesketch, how many events it holds; 0 otherwise
   */
  public record Written(ReportFormat format, Path path, long events) {}
}
