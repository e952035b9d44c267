package dev.oktair.events.filter;

import dev.oktair.events.LinePredicate;
import dev.oktair.events.LogEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Okta's {@code q} keyword search, evaluated locally over {@link LogEvent}s.
 *
 * <p>{@code q} is split on whitespace into at most 10 keywords of at most 40 characters each (more,
 * or longer, is refused as Okta refuses it: code {@code E0000001}). There is no quoting; an empty
 * {@code q} matches every event. An event matches when <em>every</em> keyword matches some
 * attribute value of it, ignoring case ({@link Fold}).
 *
 * <p>Okta says keywords "must be matched exactly" and that hyphenated values also match their
 * parts. Locally, a keyword matches a value (a string, number or boolean anywhere in the event;
 * attribute names are not searched, nor JSON null or the string {@code "null"}) when it equals:
 *
 * <ul>
 *   <li>the whole value, e.g. {@code /api/v1/authn} or {@code homer.simpson@springfield.com};
 *   <li>a whitespace-separated piece of it, as is or without leading and trailing punctuation:
 *       {@code Mozilla/5.0}, {@code level=HIGH} in {@code {reasons=..., level=HIGH}};
 *   <li>a word: a maximal run of letters, digits, {@code _ . -} without leading or trailing {@code
 *       . -}: {@code Francisco} in {@code San Francisco}, {@code interestingURI.com} in {@code
 *       https://interestingURI.com/x}, {@code Okta} in {@code to Okta.};
 *   <li>a hyphen-separated part of such a word: {@code XOxBw} and {@code 2JIRnCFd0gG0GjHAAABjY} in
 *       {@code XOxBw-2JIRnCFd0gG0GjHAAABjY}.
 * </ul>
 *
 * A keyword never matches inside a word: {@code Fran} does not match {@code San Francisco}, nor
 * {@code homer} {@code homer.simpson@springfield.com}; {@code @} does separate words, so {@code
 * alice} matches {@code alice@example.com}. Numbers match by their value's text as read ({@code
 * 16509} matches {@code 1.6509E4}). Immutable and thread-safe.
 */
public final class KeywordQuery implements Predicate<LogEvent>, LinePredicate {
  /** Okta's limit on the number of keywords. */
  static final int MAX_KEYWORDS = 10;

  private static final String TOO_LONG =
      "Api validation failed: 'q': Freeform search cannot contain items longer than 40 characters."
          + " Please shorten the items in your search or use an advanced filter to query by"
          + " specific fields.";
  private static final String TOO_MANY =
      "Api validation failed: 'q': Freeform search cannot contain more than 10 items. Please"
          + " shorten your search or use an advanced filter to query by specific fields.";

  private final List<String> keywords;
  private final String[] folded;
  private final RawNeedle[] needles;

  private KeywordQuery(List<String> keywords) {
    this.keywords = List.copyOf(keywords);
    this.folded = new String[keywords.size()];
    List<RawNeedle> prunable = new ArrayList<>();
    for (int i = 0; i < folded.length; i++) {
      folded[i] = Fold.fold(keywords.get(i));
      RawNeedle needle = RawNeedle.of(keywords.get(i));
      if (needle != null) {
        prunable.add(needle);
      }
    }
    this.needles = prunable.toArray(new RawNeedle[0]);
  }

  /**
   * Parses a {@code q} value (already URL-decoded).
   *
   * @throws FilterParseException code E0000001, pointing at the first keyword over 40 characters or
   *     at the eleventh keyword
   */
  public static KeywordQuery parse(String q) {
    Objects.requireNonNull(q, "q");
    List<String> keywords = new ArrayList<>();
    int i = 0;
    while (i < q.length()) {
      while (i < q.length() && Character.isWhitespace(q.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < q.length() && !Character.isWhitespace(q.charAt(i))) {
        i++;
      }
      if (i == start) {
        break;
      }
      String keyword = q.substring(start, i);
      int length = keyword.codePointCount(0, keyword.length());
      if (length > Keywords.MAX_LENGTH) {
        throw FilterParseException.at(
            FilterParseException.Kind.INVALID_Q,
            q,
            start,
            i,
            "Freeform search cannot contain items longer than 40 characters (this one has "
                + length
                + ")",
            TOO_LONG);
      }
      if (keywords.size() == MAX_KEYWORDS) {
        throw FilterParseException.at(
            FilterParseException.Kind.INVALID_Q,
            q,
            start,
            i,
            "Freeform search cannot contain more than 10 items",
            TOO_MANY);
      }
      keywords.add(keyword);
    }
    return new KeywordQuery(keywords);
  }

  /** Returns the keywords, in the order given. */
  public List<String> keywords() {
    return keywords;
  }

  /** Returns true when every keyword matches some value of {@code event}. */
  @Override
  public boolean test(LogEvent event) {
    int all = (1 << folded.length) - 1;
    return folded.length == 0 || match(event.json(), 0, all) == all;
  }

  /**
   * Returns false only when the event whose raw JSON bytes are {@code buf[off, off + len)}
   * certainly does not match: some keyword does not occur in the bytes (ASCII, ignoring case).
   * Keywords that are non-ASCII or made only of number characters, and lines whose escapes could
   * hide a keyword, are never ruled out. Allocates nothing.
   */
  @Override
  public boolean mightMatch(byte[] buf, int off, int len) {
    Objects.checkFromIndexSize(off, len, buf.length);
    for (RawNeedle needle : needles) {
      if (!needle.mayOccur(buf, off, len)) {
        return false;
      }
    }
    return true;
  }

  /** Returns where the first line of {@code buf[from, to)} holding every keyword might lie (see {@link LinePredicate}). */
  @Override
  public int firstCandidate(byte[] buf, int from, int to) {
    Objects.checkFromToIndex(from, to, buf.length);
    int at = from;
    for (RawNeedle needle : needles) {
      int c = needle.firstCandidate(buf, from, to);
      if (c < 0) {
        return -1;
      }
      at = Math.max(at, c);
    }
    return at < to ? at : -1;
  }

  private int match(JsonNode node, int matched, int all) {
    if (node.isContainer()) {
      for (JsonNode child : node) {
        matched = match(child, matched, all);
        if (matched == all) {
          return matched;
        }
      }
      return matched;
    }
    if (node.isNull() || !node.isValueNode()) {
      return matched;
    }
    String text = node.asString();
    if (node.isString() && "null".equals(text)) {
      return matched;
    }
    return Keywords.match(text, folded, matched);
  }

  /** Returns the keywords separated by single spaces. */
  @Override
  public String toString() {
    return String.join(" ", keywords);
  }

  /** Queries are equal when they hold the same keywords in the same order. */
  @Override
  public boolean equals(Object o) {
    return o instanceof KeywordQuery other && other.keywords.equals(keywords);
  }

  @Override
  public int hashCode() {
    return keywords.hashCode();
  }
}
