package dev.oktair.events.filter;

import dev.oktair.events.FieldPath;
import dev.oktair.events.LogEvent;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One node of a compiled filter: a small immutable evaluator. Evaluators are thread-safe and may be
 * used concurrently.
 */
sealed interface Evaluator {
  /** Binding strength when rendering: {@code or} binds loosest, comparisons tightest. */
  int OR = 1;

  int AND = 2;
  int NOT = 3;
  int LEAF = 4;

  /** Returns true when the event (its parsed tree) matches. */
  boolean test(JsonNode event);

  /**
   * Returns false only when no event whose raw bytes are {@code buf[off, off + len)} can match: a
   * conservative prefilter that never needs the bytes parsed.
   */
  boolean mightMatch(byte[] buf, int off, int len);

  /**
   * Returns an offset within the first of the LF-ended lines of {@code buf[from, to)} that {@link
   * #mightMatch} might pass, or -1 when it passes none (see {@code LinePredicate.firstCandidate});
   * by default the first line.
   */
  default int firstCandidate(byte[] buf, int from, int to) {
    return from < to ? from : -1;
  }

  /**
   * Returns what {@link #test} would say of the event whose raw bytes {@code buf[off, off + len)}
   * the strict reading accepted (one JSON object, no repeated key), or null when only the tree can
   * tell; by default null. {@code noted}: the event whose bytes they are, when its strict check
   * noted where its top-level values start ({@link LogEvent#noted}) relative to {@code off}, else null.
   */
  default Boolean decide(byte[] buf, int off, int len, LogEvent noted) {
    return null;
  }

  /** Appends the normalised expression. */
  void render(StringBuilder out);

  /** Returns how tightly this node binds (see the constants). */
  int precedence();

  /** Appends {@code child}, in parentheses when it binds more loosely than {@code parent}. */
  static void renderChild(StringBuilder out, Evaluator child, int parent) {
    boolean wrap = child.precedence() < parent;
    if (wrap) {
      out.append('(');
    }
    child.render(out);
    if (wrap) {
      out.append(')');
    }
  }

  /** Every part matches. */
  record And(List<Evaluator> parts) implements Evaluator {
    public And {
      parts = List.copyOf(parts);
    }

    @Override
    public boolean test(JsonNode event) {
      for (Evaluator part : parts) {
        if (!part.test(event)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public boolean mightMatch(byte[] buf, int off, int len) {
      for (Evaluator part : parts) {
        if (!part.mightMatch(buf, off, len)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public Boolean decide(byte[] buf, int off, int len, LogEvent noted) {
      return decideAll(parts, Boolean.FALSE, buf, off, len, noted);
    }

    @Override
    public int firstCandidate(byte[] buf, int from, int to) {
      // a line every part passes lies at or after the first line each part might pass
      int at = from;
      for (Evaluator part : parts) {
        int c = part.firstCandidate(buf, from, to);
        if (c < 0) {
          return -1;
        }
        at = Math.max(at, c);
      }
      return at < to ? at : -1;
    }

    @Override
    public void render(StringBuilder out) {
      for (int i = 0; i < parts.size(); i++) {
        out.append(i == 0 ? "" : " and ");
        Evaluator.renderChild(out, parts.get(i), AND);
      }
    }

    @Override
    public int precedence() {
      return AND;
    }
  }

  /** At least one part matches. */
  record Or(List<Evaluator> parts) implements Evaluator {
    public Or {
      parts = List.copyOf(parts);
    }

    @Override
    public boolean test(JsonNode event) {
      for (Evaluator part : parts) {
        if (part.test(event)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public boolean mightMatch(byte[] buf, int off, int len) {
      for (Evaluator part : parts) {
        if (part.mightMatch(buf, off, len)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Boolean decide(byte[] buf, int off, int len, LogEvent noted) {
      return decideAll(parts, Boolean.TRUE, buf, off, len, noted);
    }

    @Override
    public int firstCandidate(byte[] buf, int from, int to) {
      // the first line some part might pass
      int at = -1;
      for (Evaluator part : parts) {
        int c = part.firstCandidate(buf, from, at < 0 ? to : at);
        if (c >= 0) {
          at = c;
        }
      }
      return at;
    }

    @Override
    public void render(StringBuilder out) {
      for (int i = 0; i < parts.size(); i++) {
        out.append(i == 0 ? "" : " or ");
        Evaluator.renderChild(out, parts.get(i), OR);
      }
    }

    @Override
    public int precedence() {
      return OR;
    }
  }

  /** The negation; a raw-bytes search can never rule it out. */
  record Not(Evaluator inner) implements Evaluator {
    public Not {
      Objects.requireNonNull(inner, "inner");
    }

    @Override
    public boolean test(JsonNode event) {
      return !inner.test(event);
    }

    @Override
    public boolean mightMatch(byte[] buf, int off, int len) {
      return true;
    }

    @Override
    public Boolean decide(byte[] buf, int off, int len, LogEvent noted) {
      Boolean v = inner.decide(buf, off, len, noted);
      return v == null ? null : !v;
    }

    @Override
    public void render(StringBuilder out) {
      out.append("not (");
      inner.render(out);
      out.append(')');
    }

    @Override
    public int precedence() {
      return NOT;
    }
  }

  /**
   * {@code path op literal}: true when any value at the path (arrays flattened) satisfies the
   * operator; for {@code ne}, when none equals the literal (so an absent attribute matches).
   *
   * @param needle the literal to look for in raw bytes, or null when the bytes cannot rule it out
   * @param raw the comparison decided on raw bytes, or null when only the tree can decide it
   */
  record Compare(FieldPath path, Op op, Literal literal, RawNeedle needle, RawCompare raw) implements Evaluator {
    public Compare {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(literal, "literal");
      if (op == Op.PR) {
        throw new IllegalArgumentException("pr is a Present evaluator");
      }
    }

    /** Returns the comparison, with a raw-bytes needle when one is safe. */
    static Compare of(FieldPath path, Op op, Literal literal) {
      boolean numeric = literal.kind() == Literal.Kind.NUMBER || literal.number() != null;
      RawNeedle needle = op.containsLiteral() && !numeric ? RawNeedle.of(literal.text()) : null;
      return new Compare(path, op, literal, needle, RawCompare.of(path, op, literal));
    }

    @Override
    public boolean test(JsonNode event) {
      Op perValue = op == Op.NE ? Op.EQ : op;
      boolean any = false;
      for (JsonNode value : path.values(event)) {
        if (value.isValueNode() && perValue.matches(value, literal)) {
          any = true;
          break;
        }
      }
      return op == Op.NE ? !any : any;
    }

    @Override
    public boolean mightMatch(byte[] buf, int off, int len) {
      return needle == null || needle.mayOccur(buf, off, len);
    }

    @Override
    public int firstCandidate(byte[] buf, int from, int to) {
      return needle == null ? (from < to ? from : -1) : needle.firstCandidate(buf, from, to);
    }

    @Override
    public Boolean decide(byte[] buf, int off, int len, LogEvent noted) {
      return raw == null ? null : raw.decide(buf, off, len, noted);
    }

    @Override
    public void render(StringBuilder out) {
      out.append(path.text()).append(' ').append(op.symbol()).append(' ');
      literal.render(out);
    }

    @Override
    public int precedence() {
      return LEAF;
    }
  }

  /**
   * {@code path pr}: some value at the path is present and non-empty — not JSON null, not the
   * string {@code "null"}, not {@code ""}, not an empty object or array.
   */
  record Present(FieldPath path) implements Evaluator {
    public Present {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public boolean test(JsonNode event) {
      for (JsonNode value : path.values(event)) {
        boolean empty =
            value.isString() ? value.asString().isEmpty() : value.isContainer() && value.isEmpty();
        if (!empty) {
          return true;
        }
      }
      return false;
    }

    @Override
    public boolean mightMatch(byte[] buf, int off, int len) {
      return true;
    }

    @Override
    public void render(StringBuilder out) {
      out.append(path.text()).append(" pr");
    }

    @Override
    public int precedence() {
      return LEAF;
    }
  }

  /**
   * Decides a conjunction ({@code decisive} false) or disjunction ({@code decisive} true) on the raw
   * bytes: the first part that decides {@code decisive} settles it; else any undecided part leaves
   * it undecided (null) and all decided parts give the other verdict.
   */
  private static Boolean decideAll(List<Evaluator> parts, Boolean decisive, byte[] buf, int off, int len,
      LogEvent noted) {
    Boolean rest = !decisive;
    for (Evaluator part : parts) {
      Boolean v = part.decide(buf, off, len, noted);
      if (decisive.equals(v)) {
        return v;
      }
      rest = v == null ? null : rest;
    }
    return rest;
  }
}
