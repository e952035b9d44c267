package dev.oktair.events.filter;

import dev.oktair.events.FieldPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser from a filter expression to a tree of {@link Evaluator}s; the grammar is
 * in {@link EventFilter}'s documentation. Not thread-safe: one parser per expression.
 */
final class Parser {
  private static final Pattern ATTR_PATH =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(?:\\.[A-Za-z_][A-Za-z0-9_-]*)*");

  /** Okta refuses {@code co} on these (E0000031). */
  private static final Set<String> NO_CONTAINS =
      Set.of("debugContext.debugData.url", "debugContext.debugData.requestUri");

  /** Parentheses and {@code not}s nest at most this deep, which bounds the recursion. */
  private static final int MAX_DEPTH = 100;

  private final String expr;
  private final List<Token> tokens;
  private int index;
  private int depth;

  private Parser(String expr) {
    this.expr = expr;
    this.tokens = Lexer.tokens(expr);
  }

  /** Returns the evaluator tree of {@code expr}. @throws FilterParseException when it is invalid */
  static Evaluator parse(String expr) {
    Parser parser = new Parser(expr);
    if (parser.peek().type() == Token.Type.END) {
      throw FilterParseException.syntax(expr, 0, 0, "empty filter expression");
    }
    Evaluator root = parser.or();
    Token rest = parser.peek();
    if (rest.type() == Token.Type.CLOSE) {
      throw parser.error(rest, "unbalanced ')': no '(' to close");
    }
    if (rest.type() != Token.Type.END) {
      throw parser.error(
          rest, "expected 'and' or 'or' after a complete expression, found " + rest.describe());
    }
    return root;
  }

  private Evaluator or() {
    List<Evaluator> parts = new ArrayList<>();
    parts.add(and());
    while (peek().isWord("or")) {
      index++;
      parts.add(and());
    }
    return parts.size() == 1 ? parts.get(0) : new Evaluator.Or(flatten(parts, Evaluator.Or.class));
  }

  private Evaluator and() {
    List<Evaluator> parts = new ArrayList<>();
    parts.add(not());
    while (peek().isWord("and")) {
      index++;
      parts.add(not());
    }
    return parts.size() == 1
        ? parts.get(0)
        : new Evaluator.And(flatten(parts, Evaluator.And.class));
  }

  /** Merges parenthesised groups of the same connective: {@code a and (b and c)} is one And. */
  private static List<Evaluator> flatten(List<Evaluator> parts, Class<? extends Evaluator> kind) {
    List<Evaluator> out = new ArrayList<>();
    for (Evaluator part : parts) {
      if (part instanceof Evaluator.And and && kind == Evaluator.And.class) {
        out.addAll(and.parts());
      } else if (part instanceof Evaluator.Or or && kind == Evaluator.Or.class) {
        out.addAll(or.parts());
      } else {
        out.add(part);
      }
    }
    return out;
  }

  private Evaluator not() {
    Token t = peek();
    if (!t.isWord("not")) {
      return primary();
    }
    index++;
    enter(t);
    Evaluator inner = not();
    depth--;
    return new Evaluator.Not(inner);
  }

  private Evaluator primary() {
    Token open = peek();
    if (open.type() != Token.Type.OPEN) {
      return comparison();
    }
    index++;
    enter(open);
    Evaluator inner = or();
    depth--;
    Token close = peek();
    if (close.type() != Token.Type.CLOSE) {
      throw error(
          close,
          "expected ')' to close the '(' at position "
              + open.start()
              + ", found "
              + close.describe());
    }
    index++;
    return inner;
  }

  private void enter(Token t) {
    if (++depth > MAX_DEPTH) {
      throw error(t, "expression nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private Evaluator comparison() {
    Token attr = next();
    if (attr.type() != Token.Type.WORD || isConnective(attr)) {
      throw error(attr, "expected an attribute path, found " + attr.describe());
    }
    if (!ATTR_PATH.matcher(attr.text()).matches()) {
      throw error(
          attr,
          "invalid attribute path '" + attr.text() + "' (dotted names such as actor.alternateId)");
    }
    if (attr.text().equals("published")) {
      throw reject(
          FilterParseException.Kind.INVALID_FILTER,
          attr,
          "filtering on 'published' is not supported (use the since and until parameters)",
          "Invalid filter '"
              + expr
              + "': SCIM filter expressions can't use the published"
              + " attribute; use the since and until parameters");
    }
    FieldPath path = FieldPath.parse(attr.text());
    Token opToken = next();
    Op op = opToken.type() == Token.Type.WORD ? Op.byName(opToken.text()) : null;
    if (op == null) {
      throw unknownOperator(attr, opToken);
    }
    if (op == Op.PR) {
      return new Evaluator.Present(path);
    }
    Literal literal = literal(next());
    if (op == Op.CO && NO_CONTAINS.contains(path.text())) {
      throw reject(
          FilterParseException.Kind.UNSUPPORTED_OPERATOR,
          opToken,
          "operator 'co' is not supported on " + path.text() + " (Okta refuses it; use eq or sw)",
          "The supplied combination of operator and field is not currently supported."
              + " Operator: co, Field: "
              + path.text());
    }
    return Evaluator.Compare.of(path, op, literal);
  }

  private FilterParseException unknownOperator(Token attr, Token opToken) {
    if (opToken.type() != Token.Type.WORD) {
      return error(
          opToken,
          "expected an operator after '"
              + attr.text()
              + "' ("
              + Op.EXPECTED
              + "), found "
              + opToken.describe());
    }
    return reject(
        FilterParseException.Kind.INVALID_FILTER,
        opToken,
        "unknown operator '" + opToken.text() + "' (expected " + Op.EXPECTED + ")",
        "Invalid filter '"
            + expr
            + "': Unrecognized attribute operator '"
            + opToken.text()
            + "' at position "
            + opToken.start()
            + ". Expected: eq,ne,gt,ge,lt,le,pr,sw,co,ew");
  }

  private Literal literal(Token t) {
    if (t.type() == Token.Type.STRING) {
      return Literal.string(t.text());
    }
    if (t.type() == Token.Type.WORD) {
      if (t.isWord("true") || t.isWord("false")) {
        return Literal.bool(t.isWord("true"));
      }
      if (t.isWord("null")) {
        throw error(
            t, "null is not a supported value (use 'not (attribute pr)' for absent attributes)");
      }
      Literal number = Literal.number(t.text());
      if (number != null) {
        return number;
      }
    }
    throw error(
        t,
        "expected a value (a double-quoted string, a number, true or false), found "
            + t.describe());
  }

  private static boolean isConnective(Token t) {
    return t.isWord("and") || t.isWord("or");
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token next() {
    Token t = tokens.get(index);
    if (t.type() != Token.Type.END) {
      index++;
    }
    return t;
  }

  private FilterParseException error(Token t, String detail) {
    return FilterParseException.syntax(expr, t.start(), t.end(), detail);
  }

  private FilterParseException reject(
      FilterParseException.Kind kind, Token t, String detail, String errorSummary) {
    return FilterParseException.at(kind, expr, t.start(), t.end(), detail, errorSummary);
  }
}
