package dev.oktair.sim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The expression languages of {@code GET /api/v1/users}: {@code search} (SCIM-like, any user
 * property) and the narrower {@code filter}. Parsed once into a predicate over Okta {@code User}
 * objects. Grammar:
 *
 * <pre>
 * expr   ::= and ('or' and)*
 * and    ::= factor ('and' factor)*
 * factor ::= '(' expr ')' | attr 'pr' | attr op value
 * op     ::= eq | ne | sw | co | gt | ge | lt | le
 * value  ::= "string" | number | true | false | null
 * attr   ::= a dotted path into the user: status, id, lastUpdated, profile.login, ...
 * </pre>
 *
 * String comparisons ignore case, as Okta's do; {@code co} only on the profile's firstName,
 * lastName, email and login (Okta's limit); times compare as instants. {@code filter} allows only
 * status, id, lastUpdated and profile login/email/firstName/lastName, and only {@code eq} (plus
 * gt/ge/lt/le on lastUpdated); the zones' {@code filter} only id, usage and system with {@code eq}.
 * The result is thread-safe.
 */
final class UserSearch {
  private static final Set<String> CONTAINS_FIELDS =
      Set.of("profile.firstName", "profile.lastName", "profile.email", "profile.login");
  private static final Set<String> FILTER_FIELDS = Set.of(
      "status", "id", "lastUpdated", "profile.login", "profile.email", "profile.firstName", "profile.lastName");
  private static final Set<String> OPS = Set.of("eq", "ne", "sw", "co", "gt", "ge", "lt", "le", "pr");

  private static final Set<String> ZONE_FILTER_FIELDS = Set.of("id", "usage", "system");

  private final List<String> tokens;
  private final boolean filterMode;
  private final Set<String> filterFields;
  private final String text;
  private int at;

  private UserSearch(String text, boolean filterMode, Set<String> filterFields) {
    this.text = text;
    this.filterMode = filterMode;
    this.filterFields = filterFields;
    this.tokens = tokenize(text);
  }

  /** Parses a {@code search} expression; 400 E0000031 when it is not one. */
  static Predicate<JsonNode> search(String text) {
    return new UserSearch(text, false, Set.of()).parse();
  }

  /** Parses a {@code filter} expression; 400 E0000053 when it is not one Okta accepts. */
  static Predicate<JsonNode> filter(String text) {
    return new UserSearch(text, true, FILTER_FIELDS).parse();
  }

  /** Parses the {@code filter} of {@code GET /api/v1/zones} ({@code id}, {@code usage}, {@code system} with eq). */
  static Predicate<JsonNode> zoneFilter(String text) {
    return new UserSearch(text, true, ZONE_FILTER_FIELDS).parse();
  }

  private Predicate<JsonNode> parse() {
    Predicate<JsonNode> p = or();
    if (at != tokens.size()) {
      throw bad();
    }
    return p;
  }

  private Predicate<JsonNode> or() {
    Predicate<JsonNode> p = and();
    while (peekWord("or")) {
      at++;
      p = p.or(and());
    }
    return p;
  }

  private Predicate<JsonNode> and() {
    Predicate<JsonNode> p = factor();
    while (peekWord("and")) {
      at++;
      p = p.and(factor());
    }
    return p;
  }

  private Predicate<JsonNode> factor() {
    String t = next();
    if (t.equals("(")) {
      Predicate<JsonNode> inner = or();
      if (!next().equals(")")) {
        throw bad();
      }
      return inner;
    }
    String attr = t;
    String op = next().toLowerCase(Locale.ROOT);
    if (!attr.matches("[A-Za-z_][A-Za-z0-9_.]*") || !OPS.contains(op)) {
      throw bad();
    }
    if (filterMode && (!filterFields.contains(attr)
        || !(op.equals("eq") || (attr.equals("lastUpdated") && Set.of("gt", "ge", "lt", "le").contains(op))))) {
      throw bad();
    }
    if (op.equals("co") && !CONTAINS_FIELDS.contains(attr)) {
      throw bad();
    }
    if (op.equals("pr")) {
      return u -> !value(u, attr).isMissingNode() && !value(u, attr).isNull();
    }
    String literal = next();
    String wanted = literal.startsWith("\"") ? literal.substring(1, literal.length() - 1) : literal;
    if (!literal.startsWith("\"") && !literal.matches("true|false|null|-?[0-9]+(\\.[0-9]+)?")) {
      throw bad();
    }
    return u -> compare(value(u, attr), op, wanted);
  }

  private static boolean compare(JsonNode actual, String op, String wanted) {
    if (actual.isMissingNode() || actual.isNull()) {
      return op.equals("ne") ? !"null".equals(wanted) : "null".equals(wanted) && op.equals("eq");
    }
    String a = actual.isString() ? actual.asString() : actual.toString();
    switch (op) {
      case "eq": return a.equalsIgnoreCase(wanted);
      case "ne": return !a.equalsIgnoreCase(wanted);
      case "sw": return a.toLowerCase(Locale.ROOT).startsWith(wanted.toLowerCase(Locale.ROOT));
      case "co": return a.toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT));
      default:
        int c = order(a, wanted);
        return switch (op) {
          case "gt" -> c > 0;
          case "ge" -> c >= 0;
          case "lt" -> c < 0;
          default -> c <= 0;
        };
    }
  }

  /** Orders two values as instants, else as numbers, else as case-folded strings. */
  private static int order(String a, String b) {
    try {
      return Instant.parse(a).compareTo(Instant.parse(b));
    } catch (DateTimeParseException notTimes) {
      try {
        return new BigDecimal(a).compareTo(new BigDecimal(b));
      } catch (NumberFormatException notNumbers) {
        return a.compareToIgnoreCase(b);
      }
    }
  }

  private static JsonNode value(JsonNode user, String attr) {
    JsonNode n = user;
    for (String part : attr.split("\\.")) {
      n = n.path(part);
    }
    return n;
  }

  private boolean peekWord(String word) {
    return at < tokens.size() && tokens.get(at).equalsIgnoreCase(word);
  }

  private String next() {
    if (at >= tokens.size()) {
      throw bad();
    }
    return tokens.get(at++);
  }

  private ApiException bad() {
    return filterMode
        ? ApiException.invalidParameter("filter: '" + text + "' is not a supported filter")
        : new ApiException(400, "E0000031", "Invalid search criteria.", List.of("search: '" + text + "'"));
  }

  private List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '"') {
        int end = i + 1;
        StringBuilder sb = new StringBuilder("\"");
        while (end < s.length() && s.charAt(end) != '"') {
          if (s.charAt(end) == '\\' && end + 1 < s.length()) {
            end++;
          }
          sb.append(s.charAt(end++));
        }
        if (end >= s.length()) {
          throw bad();
        }
        out.add(sb.append('"').toString());
        i = end + 1;
      } else {
        int end = i;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && "()\"".indexOf(s.charAt(end)) < 0) {
          end++;
        }
        out.add(s.substring(i, end));
        i = end;
      }
    }
    if (out.isEmpty()) {
      throw bad();
    }
    return out;
  }
}
