package dev.oktair.sim.scenario;

/**
 * A scenario file that cannot be used, naming the file, the line and column, and the field (a
 * JSON-pointer-like path such as {@code /attack/steps/3/at}) so its author can fix it.
 */
public final class ScenarioFileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String field;

  ScenarioFileException(String file, int line, int column, String field, String problem) {
    super(file + ":" + line + ":" + column + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
    this.file = file;
    this.line = line;
    this.field = field;
  }

  /** Returns the file (or resource) the problem is in. */
  public String file() {
    return file;
  }

  /** Returns the 1-based line of the problem (0 when unknown). */
  public int line() {
    return line;
  }

  /** Returns the path of the offending field, e.g. {@code /attack/steps/3/do}. */
  public String field() {
    return field;
  }
}
