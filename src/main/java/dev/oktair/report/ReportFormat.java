package dev.oktair.report;

import java.util.Locale;

/** The forms a report is written in, each with its file name in {@code reports/}. */
public enum ReportFormat {
  /** One self-contained page for people. */
  HTML("report.html"),
  /** GitHub-flavoured Markdown for tickets and wikis. */
  MD("report.md"),
  /** The report for machines, schema in docs/report-json.md. */
  JSON("report.json"),
  /** Every event as Timesketch JSONL, ready to import as a timeline. */
  TIMESKETCH("timesketch.jsonl");

  private final String fileName;

  ReportFormat(String fileName) {
    this.fileName = fileName;
  }

  /** Returns the file name the format is written to by default. */
  public String fileName() {
    return fileName;
  }

  /** Returns the lower-case name used on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
