package dev.oktair.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where an evidence file came from: an imported file, or an Okta API query.
 *
 * @param kind {@code import} for a file the analyst gave, {@code okta} for a System Log query
 * @param location the imported file's path, or the org URL queried
 * @param query the query parameters exactly as sent (filter, q, since, until, sortOrder); empty
 *     for imports. Never holds credentials.
 * @param sha256 for imports, lowercase hex SHA-256 of the input file exactly as given (before
 *     decompression), so the evidence can be traced to it; null otherwise
 * @param format for imports, how the input was laid out: {@code jsonl} or {@code json-array},
 *     with {@code +gzip} when it was compressed; null otherwise
 * @param compacted for imports, how many pretty-printed array elements had their insignificant
 *     whitespace removed to fit on one line (every other byte is kept); 0 otherwise
 * @param encoding for imports of UTF-16 input, the transformation applied: e.g. {@code UTF-16LE,
 *     transcoded to UTF-8} (the evidence holds the same characters as UTF-8 bytes); null otherwise
 * @param wrappers for imports of SIEM or streaming exports, how many events were taken out of
 *     each wrapper and where (e.g. {@code splunk result._raw}); the evidence holds the inner events
 *     as the wrapper held them; empty otherwise
 * @param partial true when events were rebuilt from the columns of Okta's Admin Console CSV
 *     download: partial evidence, holding only the fields the download carries, not the bytes the
 *     System Log API returns
 */
public record Source(
    String kind,
    String location,
    Map<String, String> query,
    @JsonInclude(JsonInclude.Include.NON_NULL) String sha256,
    @JsonInclude(JsonInclude.Include.NON_NULL) String format,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) long compacted,
    @JsonInclude(JsonInclude.Include.NON_NULL) String encoding,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> wrappers,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean partial) {
  public Source {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    query = query == null ? Map.of() : Map.copyOf(query);
    wrappers = wrappers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(wrappers));
    if (compacted < 0) {
      throw new IllegalArgumentException("negative compacted count");
    }
  }

  /** Returns a source without import details. */
  public Source(String kind, String location, Map<String, String> query) {
    this(kind, location, query, null, null, 0, null, Map.of(), false);
  }

  /** Returns the source of a file imported from {@code path}. */
  public static Source imported(String path) {
    return new Source("import", path, Map.of());
  }

  /** Returns the source of a System Log query against {@code orgUrl}. */
  public static Source okta(String orgUrl, Map<String, String> query) {
    return new Source("okta", orgUrl, query);
  }

  /** Returns this source with what an import learnt about the input file. */
  public Source withImportDetails(String inputSha256, String inputFormat, long compactedElements) {
    return new Source(kind, location, query, inputSha256, inputFormat, compactedElements, encoding, wrappers, partial);
  }

  /** Returns this source with the transformations an import applied: transcoding, unwrapping. */
  public Source withTransformations(String transcodedFrom, Map<String, Long> unwrapped, boolean rebuilt) {
    String how = transcodedFrom == null ? null : transcodedFrom + ", transcoded to UTF-8";
    return new Source(kind, location, query, sha256, format, compacted, how, unwrapped, rebuilt);
  }
}
