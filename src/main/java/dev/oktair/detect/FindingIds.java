package dev.oktair.detect;

import java.util.Comparator;
import java.util.List;

/** Stable finding ids and the one order findings are listed in. */
public final class FindingIds {
  /** Most severe first, then by time, detection and id. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity).reversed()
          .thenComparing(Finding::first, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(Finding::detection)
          .thenComparing(Finding::id);

  private FindingIds() {}

  /**
   * Returns {@code F-} and 12 hex digits of the SHA-256 of the detection id, the subject and the
   * sorted citations: the same evidence gives the same id on every run.
   */
  public static String of(String detection, String subject, List<Citation> citations) {
    StringBuilder sb = new StringBuilder(detection).append('\n').append(subject == null ? "" : subject);
    citations.stream().map(FindingIds::key).sorted().forEach(k -> sb.append('\n').append(k));
    return "F-" + Seen.sha256(sb.toString()).substring(0, 12);
  }

  private static String key(Citation c) {
    if (c instanceof Citation.Event e) {
      return "event:" + e.uuid();
    }
    Citation.ApiObject o = (Citation.ApiObject) c;
    return "object:" + o.objectType() + "/" + o.objectId();
  }
}
