package dev.oktair.events;

/**
 * What one {@link EventReader#read} saw.
 *
 * @param format how the input was laid out
 * @param gzip true when the input was gzip-compressed (detected by its magic bytes)
 * @param bytes bytes of (decompressed) input consumed, BOM included
 * @param lines lines of (decompressed) input seen
 * @param events JSON objects handed to the handler as events
 * @param rejected lines or array elements handed to the handler as rejects
 * @param blank empty or whitespace-only lines (neither events nor rejects)
 * @param skipped lines the {@link LinePredicate} ruled out without parsing
 * @param compacted pretty-printed array elements whose insignificant whitespace was removed
 * @param stopped true when the handler stopped the read early
 */
public record ReadSummary(
    Format format, boolean gzip, long bytes, long lines, long events, long rejected, long blank,
    long skipped, long compacted, boolean stopped) {

  /** How an input is laid out. */
  public enum Format {
    /** One JSON object per line. */
    JSONL,
    /** A JSON array of objects (Admin Console and SIEM exports), possibly several in a row. */
    JSON_ARRAY
  }
}
