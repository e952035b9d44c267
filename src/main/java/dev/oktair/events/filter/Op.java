package dev.oktair.events.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The attribute operators, each knowing how it compares one event value with a literal.
 *
 * <p>Only scalars (strings, numbers, booleans) compare; objects never match. Text comparison folds
 * case ({@link Fold}) and allocates nothing. Numbers compare as numbers when at least one side is a
 * JSON number (a bare literal, or a number in the event) and the other side reads as one; ordering
 * compares date-times chronologically when both sides are ISO-8601 date-times.
 */
enum Op {
  EQ {
    @Override
    boolean matches(JsonNode value, Literal literal) {
      Integer numeric = compareNumbers(value, literal);
      if (numeric != null) {
        return numeric == 0;
      }
      String text = value.asString();
      return text.length() == literal.folded().length()
          && Fold.regionEquals(text, 0, literal.folded());
    }
  },
  /** Exactly {@code not eq}; evaluated by {@link Evaluator.Compare}, never per value. */
  NE {
    @Override
    boolean matches(JsonNode value, Literal literal) {
      throw new UnsupportedOperationException("ne is evaluated as not eq");
    }
  },
  GT {
    @Override
    boolean matches(JsonNode value, Literal literal) {
      return order(value, literal) > 0;
    }
  },
  GE {
    @Override
    boolean matches(JsonNode value, Literal literal) {
      return order(value, literal) >= 0;
    }
  },
  LT {
    @Override
    boolean matches(JsonNode value, Literal literal) {
      return order(value, literal) < 0;
    }
  },
  LE {
    @Override
    boolean matches(JsonNode value, Literal literal) {
      return order(value, literal) <= 0;
    }
  },
  SW {
    @Override
    boolean matches(JsonNode value, Literal literal) {
      return Fold.regionEquals(value.asString(), 0, literal.folded());
    }
  },
  CO {
    @Override
    boolean matches(JsonNode value, Literal literal) {
      String text = value.asString();
      String folded = literal.folded();
      for (int i = 0; i + folded.length() <= text.length(); i++) {
        if (Fold.regionEquals(text, i, folded)) {
          return true;
        }
      }
      return false;
    }
  },
  EW {
    @Override
    boolean matches(JsonNode value, Literal literal) {
      String text = value.asString();
      return Fold.regionEquals(text, text.length() - literal.folded().length(), literal.folded());
    }
  },
  /** Present and non-empty; evaluated by {@link Evaluator.Present}, never per value. */
  PR {
    @Override
    boolean matches(JsonNode value, Literal literal) {
      throw new UnsupportedOperationException("pr takes no value");
    }
  };

  /** The operators in the order error messages list them. */
  static final String EXPECTED = "eq, ne, gt, ge, lt, le, pr, sw, co, ew";

  /** Returns true when the scalar {@code value} satisfies this operator against {@code literal}. */
  abstract boolean matches(JsonNode value, Literal literal);

  /** Returns the operator as written in a filter. */
  String symbol() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns true for the operators a raw-bytes search can rule out: the value holds the text. */
  boolean containsLiteral() {
    return this == EQ || this == SW || this == CO || this == EW;
  }

  /** Returns the operator named {@code word} in any case, or null. */
  static Op byName(String word) {
    for (Op op : values()) {
      if (op.symbol().equalsIgnoreCase(word)) {
        return op;
      }
    }
    return null;
  }

  private static int order(JsonNode value, Literal literal) {
    Integer numeric = compareNumbers(value, literal);
    if (numeric != null) {
      return numeric;
    }
    if (literal.time() != null && value.isString()) {
      Instant time = Literal.parseTime(value.asString());
      if (time != null) {
        return time.compareTo(literal.time());
      }
    }
    return compareFolded(value.asString(), literal.folded());
  }

  /** Returns the numeric comparison of value and literal, or null when it does not apply. */
  private static Integer compareNumbers(JsonNode value, Literal literal) {
    if (value.isNumber() && literal.number() != null) {
      return value.decimalValue().compareTo(literal.number());
    }
    if (value.isString() && literal.kind() == Literal.Kind.NUMBER) {
      BigDecimal n = Literal.parseNumber(value.asString());
      return n == null ? null : n.compareTo(literal.number());
    }
    return null;
  }

  private static int compareFolded(String text, String folded) {
    int n = Math.min(text.length(), folded.length());
    for (int i = 0; i < n; i++) {
      int d = Fold.fold(text.charAt(i)) - folded.charAt(i);
      if (d != 0) {
        return d;
      }
    }
    return text.length() - folded.length();
  }
}
