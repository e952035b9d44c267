package dev.oktair.events.filter;

import dev.oktair.events.LinePredicate;
import dev.oktair.events.LogEvent;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A compiled Okta System Log {@code filter} expression, evaluated locally over {@link LogEvent}s
 * with the answers Okta's {@code /api/v1/logs?filter=} gives.
 *
 * <h2>Grammar</h2>
 *
 * <pre>
 * Filter     ::= Or
 * Or         ::= And ( "or" And )*
 * And        ::= Not ( "and" Not )*
 * Not        ::= "not" Not | Primary              -- "not (expr)", or "not expr"
 * Primary    ::= "(" Or ")" | Comparison
 * Comparison ::= AttrPath "pr" | AttrPath CompareOp Value
 * CompareOp  ::= "eq" | "ne" | "gt" | "ge" | "lt" | "le" | "sw" | "co" | "ew"
 * AttrPath   ::= Name ( "." Name )*                -- Name ::= [A-Za-z_][A-Za-z0-9_-]*
 * Value      ::= String | Number | "true" | "false"
 * String     ::= '"' JSON string characters, escapes \" \\ \/ \b \f \n \r \t &#92;uXXXX '"'
 * Number     ::= a JSON number, e.g. 16509, -1.5, 2e3
 * </pre>
 *
 * Precedence: comparison binds tightest, then {@code not}, {@code and}, {@code or}. Operators and
 * the words {@code and or not true false} are case-insensitive; attribute names are case-sensitive
 * ({@code eventType}, never {@code eventtype}: a misspelt name is simply absent).
 *
 * <h2>Semantics</h2>
 *
 * <ul>
 *   <li><b>Paths</b> follow {@link dev.oktair.events.FieldPath}: arrays are flattened, and a
 *       comparison holds when <em>any</em> value at the path satisfies it. So {@code target.id eq
 *       "A" and target.id eq "B"} means both A and B are among the targets. JSON null and the
 *       string {@code "null"} count as absent.
 *   <li><b>Strings</b> compare case-insensitively ({@code eq ne sw co ew}, and the lexicographic
 *       order), the SCIM default. Only scalars compare; an object never equals anything.
 *   <li><b>Booleans</b> compare by their text, so {@code isProxy eq true} and {@code isProxy eq
 *       "true"} both match a JSON {@code true} and the string {@code "true"} that Okta's debugData
 *       holds.
 *   <li><b>Numbers</b> compare numerically when at least one side is a JSON number (a bare literal,
 *       or a number in the event) and the other reads as one: {@code asNumber eq 16509} and {@code
 *       asNumber eq "16509"} match the number 16509; {@code threshold gt 50} compares the string
 *       {@code "100"} as 100. Two quoted strings compare as text.
 *   <li><b>{@code gt ge lt le}</b> compare numbers numerically (above); a quoted ISO-8601 date-time
 *       against a date-time value chronologically; anything else lexicographically, ignoring case.
 *   <li><b>{@code ne}</b> is exactly {@code not eq}: it matches when no value equals the literal,
 *       so an absent attribute matches {@code ne}.
 *   <li><b>{@code pr}</b> holds when some value is present and non-empty: not missing, null, {@code
 *       "null"}, {@code ""}, an empty array or an empty object.
 * </ul>
 *
 * <h2>What Okta rejects, rejected here too</h2>
 *
 * Filtering on {@code published} (use {@code since}/{@code until}) and any syntax error, unknown
 * operator, unbalanced parenthesis, unterminated string, trailing text or empty expression raise
 * {@link FilterParseException} with code {@code E0000053}; {@code co} on {@code
 * debugContext.debugData.url} or {@code debugContext.debugData.requestUri} raises code {@code
 * E0000031}. The exception quotes the expression and points at the offending token.
 *
 * <p>Instances are immutable and thread-safe; parse once and share. {@link #toString()} is the
 * normalised expression (lower-case operators, {@code not (...)}, minimal parentheses), which
 * parses back to an equal filter.
 */
public final class EventFilter implements Predicate<LogEvent>, LinePredicate {
  private final Evaluator root;
  private final LogEvent.RawDecider onRaw;
  private final String normalised;

  private EventFilter(Evaluator root) {
    this.root = root;
    this.onRaw = root::decide;
    StringBuilder out = new StringBuilder();
    root.render(out);
    this.normalised = out.toString();
  }

  /**
   * Returns {@code value} as a filter string literal, quoted and with backslash and quote escaped,
   * as Okta's filter grammar and {@link #parse} read it; safe for attacker-controlled values.
   */
  public static String literal(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * Parses {@code expression} once into a tree of thread-safe evaluators.
   *
   * @throws FilterParseException quoting the expression and pointing at the bad token
   */
  public static EventFilter parse(String expression) {
    Objects.requireNonNull(expression, "expression");
    return new EventFilter(Parser.parse(expression));
  }

  /**
   * Returns true when {@code event} matches: decided on its raw bytes when they passed the strict
   * check and the bytes alone are certain to tell ({@link #decide}), else on its tree.
   */
  @Override
  public boolean test(LogEvent event) {
    Boolean raw = event.decideOnRaw(onRaw);
    return raw != null ? raw : root.test(event.json());
  }

  /**
   * Returns what {@link #test} says of the event whose bytes {@code buf[off, off + len)} the
   * strict reading accepted (one JSON object, no repeated key), or null when only its tree can
   * tell: simple comparisons of top-level fields with quoted text (e.g. {@code eventType eq
   * "user.session.start"}) and their combinations, when the value there is an unescaped string.
   */
  public Boolean decide(byte[] buf, int off, int len) {
    Objects.checkFromIndexSize(off, len, buf.length);
    return root.decide(buf, off, len, null);
  }

  /**
   * Returns false only when the event whose raw JSON bytes are {@code buf[off, off + len)}
   * certainly does not match, so a reader can skip parsing it; true means "parse and {@link
   * #test}". It looks for the literals of {@code eq sw co ew} comparisons (ASCII, ignoring case)
   * combined through {@code and}/{@code or}; {@code not}, {@code ne}, numbers, non-ASCII literals
   * and lines with escapes that could hide a literal are never ruled out. Allocates nothing.
   */
  @Override
  public boolean mightMatch(byte[] buf, int off, int len) {
    Objects.checkFromIndexSize(off, len, buf.length);
    return root.mightMatch(buf, off, len);
  }

  /** Returns where the first line of {@code buf[from, to)} that {@link #mightMatch} might pass lies (see {@link LinePredicate}). */
  @Override
  public int firstCandidate(byte[] buf, int from, int to) {
    Objects.checkFromToIndex(from, to, buf.length);
    return root.firstCandidate(buf, from, to);
  }

  /**
   * Returns how far a reader may pass over the lines of {@code buf[from, to)} unsplit (see {@link
   * LinePredicate#passOver}): a lone comparison with a needle counts the lines in its search's one
   * pass over the bytes; any other filter searches, then counts.
   */
  @Override
  public PassedOver passOver(byte[] buf, int from, int to) {
    Objects.checkFromToIndex(from, to, buf.length);
    return root instanceof Evaluator.Compare c && c.needle() != null
        ? c.needle().passOver(buf, from, to)
        : LinePredicate.super.passOver(buf, from, to);
  }

  /** Returns the normalised expression. */
  @Override
  public String toString() {
    return normalised;
  }

  /** Filters are equal when their normalised expressions are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof EventFilter other && other.normalised.equals(normalised);
  }

  @Override
  public int hashCode() {
    return normalised.hashCode();
  }
}
