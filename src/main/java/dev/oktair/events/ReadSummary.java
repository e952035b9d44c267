package dev.oktair.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one {@link EventReader#read} saw.
 *
 * @param format how the input was laid out
 * @param gzip true when the input was gzip-compressed (detected by its magic bytes)
 * @param bytes bytes of (decompressed) input consumed, BOM included
 * @param lines lines of (decompressed) input seen
 * @param events JSON objects handed to the handler as events
 * @param rejected lines or array elements handed to the handler as rejects
 * @param blank empty or whitespace-only lines (neither events nor rejects), among those the
 *     prefilter did not pass over
 * @param skipped lines the {@link LinePredicate} ruled out without parsing (JSONL read with a
 *     prefilter passes over runs of lines unsplit: blank lines among them count here)
 * @param compacted pretty-printed array elements whose insignificant whitespace was removed
 * @param stopped true when the handler stopped the read early
 * @param encoding null for UTF-8 input; else the encoding it was transcoded from to UTF-8
 *     ({@code UTF-16LE} or {@code UTF-16BE}, announced by a byte order mark)
 * @param wrappers how many events were taken out of each SIEM or streaming wrapper ({@link
 *     Envelope} label and path, e.g. {@code splunk result._raw}); empty when none
 */
public record ReadSummary(
    Format format, boolean gzip, long bytes, long lines, long events, long rejected, long blank,
    long skipped, long compacted, boolean stopped, String encoding, Map<String, Long> wrappers) {
  public ReadSummary {
    wrappers = Collections.unmodifiableMap(new LinkedHashMap<>(wrappers));
  }

  /** How an input is laid out. */
  public enum Format {
    /** One JSON object per line. */
    JSONL("jsonl"),
    /** A JSON array of objects (Admin Console and SIEM exports), possibly several in a row. */
    JSON_ARRAY("json-array"),
    /** A CSV export with a header row: a column of event JSON, or the Admin Console's field columns. */
    CSV("csv"),
    /** An Elasticsearch/OpenSearch search response: the hits of its {@code hits.hits} array. */
    SEARCH_RESPONSE("search-response");

    private final String label;

    Format(String label) {
      this.label = label;
    }

    /** Returns the name the manifest records, e.g. {@code json-array}. */
    public String label() {
      return label;
    }
  }

  /**
   * Returns true when some events were rebuilt from the Admin Console's CSV download: partial
   * evidence, holding only the fields the download carries.
   */
  public boolean partial() {
    return wrappers.keySet().stream().anyMatch(w -> w.startsWith(CsvInput.ADMIN_CSV));
  }
}
