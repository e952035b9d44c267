package dev.oktair.sim.scenario;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.util.TokenBuffer;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks what binding cannot see, on the token stream so every problem keeps its line: durations
 * and times of day parse, and every step has {@code at} and {@code do}. Whether a step's action
 * exists is the engine's to say (one list, its own); playing the file names that line too.
 * Thread-safe (stateless).
 */
final class ScenarioChecker {
  private static final Set<String> DURATIONS = Set.of("at", "start", "every", "age");
  private static final Set<String> TIMES_OF_DAY = Set.of("workStart", "workEnd");

  private ScenarioChecker() {}

  /**
   * Throws naming file, line and field for the first problem in {@code text}; returns its tokens,
   * from which the spec and the tree are read without scanning the YAML again (issue 16: each
   * scan of a scenario cost the simulator's start tens of ms).
   */
  static TokenBuffer check(YAMLMapper yaml, String text, String file) {
    try (JsonParser p = yaml.createParser(text)) {
      TokenBuffer tokens = TokenBuffer.forBuffering(p, ObjectReadContext.empty());
      Deque<Obj> objects = new ArrayDeque<>();
      for (JsonToken t = next(p, tokens); t != null; t = next(p, tokens)) {
        if (t == JsonToken.START_OBJECT) {
          objects.push(new Obj(isStep(p.streamReadContext()), p.currentTokenLocation(), pointer(p)));
        } else if (t == JsonToken.END_OBJECT) {
          Obj o = objects.pop();
          if (o.step) {
            for (String required : new String[] {"at", "do"}) {
              if (!o.fields.contains(required)) {
                throw at(file, o.start, o.path + "/" + required, "missing field '" + required + "' (every step needs at and do)");
              }
            }
          }
        } else if (t == JsonToken.PROPERTY_NAME) {
          String name = p.currentName();
          if (!objects.isEmpty()) {
            objects.peek().fields.add(name);
          }
          JsonToken v = next(p, tokens);
          if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
            // nested: handled by the loop; re-dispatch this token
            if (v == JsonToken.START_OBJECT) {
              objects.push(new Obj(false, p.currentTokenLocation(), pointer(p)));
            }
            continue;
          }
          checkValue(p, name, objects.isEmpty() ? null : objects.peek(), file);
        }
      }
      return tokens;
    }
  }

  private static JsonToken next(JsonParser p, TokenBuffer tokens) {
    JsonToken t = p.nextToken();
    if (t != null) {
      tokens.copyCurrentEvent(p);
    }
    return t;
  }

  private static void checkValue(JsonParser p, String name, Obj owner, String file) {
    String value = p.getValueAsString();
    boolean inStep = owner != null && owner.step;
    try {
      if (DURATIONS.contains(name) && value != null) {
        Durations.parse(value);
      } else if (((inStep && name.equals("time")) || TIMES_OF_DAY.contains(name)) && value != null) {
        LocalTime.parse(value);
      }
    } catch (DateTimeParseException e) {
      throw at(file, p.currentTokenLocation(), pointer(p), "not a time of day (HH:MM): '" + value + "'");
    } catch (IllegalArgumentException e) {
      throw at(file, p.currentTokenLocation(), pointer(p), e.getMessage());
    }
  }

  /** A step is an object inside the {@code steps} or {@code changes} list. */
  private static boolean isStep(TokenStreamContext object) {
    TokenStreamContext list = object.getParent();
    if (list == null || !list.inArray()) {
      return false;
    }
    TokenStreamContext owner = list.getParent();
    String name = owner == null ? null : owner.currentName();
    return "steps".equals(name) || "changes".equals(name);
  }

  private static String pointer(JsonParser p) {
    return p.streamReadContext().pathAsPointer().toString();
  }

  /** Returns where the field at {@code pointer} is in {@code text}, or null. */
  static TokenStreamLocation locate(YAMLMapper yaml, String text, String pointer) {
    try (JsonParser p = yaml.createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.PROPERTY_NAME && pointer.equals(pointer(p))) {
          return p.currentTokenLocation();
        }
      }
    } catch (RuntimeException e) {
      return null;
    }
    return null;
  }

  static ScenarioFileException at(String file, TokenStreamLocation loc, String field, String problem) {
    return new ScenarioFileException(file, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(), field, problem);
  }

  private static final class Obj {
    final boolean step;
    final TokenStreamLocation start;
    final String path;
    final Set<String> fields = new HashSet<>();

    Obj(boolean step, TokenStreamLocation start, String path) {
      this.step = step;
      this.start = start;
      this.path = path;
    }
  }
}
