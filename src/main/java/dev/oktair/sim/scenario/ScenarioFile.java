package dev.oktair.sim.scenario;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.util.TokenBuffer;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A scenario file read and checked: its spec, its {@code drill} section (the alert and how seeded
 * variants differ) and its tree, from which {@link Variants} draws a variant. Reading refuses a
 * bad file naming file, line and field.
 *
 * @param source the file or resource name, for messages
 * @param text the file's text (where refusals find their line)
 * @param tree the file as a tree (the source of variants)
 * @param spec the spec the file reads as, unvaried
 * @param drill the drill section; a generic alert when the file has none
 */
record ScenarioFile(String source, String text, ObjectNode tree, ScenarioSpec spec, Drill drill) {
  /** The keys only drills read: {@code drill} at the top, {@code shuffle} on a step. */
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .addHandler(new DeserializationProblemHandler() {
        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, ValueDeserializer<?> deser,
            Object beanOrClass, String name) {
          boolean drillKey = ("drill".equals(name) && isType(beanOrClass, ScenarioSpec.class))
              || ("shuffle".equals(name) && isType(beanOrClass, ScenarioSpec.Step.class));
          if (drillKey) {
            p.skipChildren();
          }
          return drillKey;
        }
      })
      .build();

  ScenarioFile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(tree, "tree");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(drill, "drill");
  }

  /**
   * The drill section of a scenario file.
   *
   * @param alert the symptom the responder is told (the alert names the first victim)
   * @param rename logins of named users whose names each seed redraws
   * @param pick placeholder values (e.g. {@code $EXFIL_APP}) and the values a seed picks among
   */
  record Drill(String alert, List<String> rename, Map<String, List<String>> pick) {
    Drill {
      alert = alert == null ? "Suspicious sign-in activity reported for this user." : alert;
      rename = ScenarioSpec.list(rename);
      pick = ScenarioSpec.map(pick);
    }
  }

  /** Reads and checks {@code text}; throws {@link ScenarioFileException} naming file, line and field. */
  static ScenarioFile read(String text, String source) {
    TokenBuffer tokens = ScenarioChecker.check(YAML, text, source);
    ScenarioSpec spec = bind(tokens, text, source);
    ObjectNode tree;
    try (JsonParser p = tokens.asParser()) {
      tree = (ObjectNode) YAML.readTree(p);
    }
    Drill drill;
    try {
      drill = tree.has("drill") ? YAML.treeToValue(tree.get("drill"), Drill.class) : new Drill(null, null, null);
    } catch (JacksonException e) {
      throw refusal(source, e, "/drill", text);
    }
    ScenarioFile file = new ScenarioFile(source, text, tree, spec, drill);
    // Outside a drill a placeholder reads as its first value, so the story plays unvaried.
    return drill.pick().isEmpty() ? file : new ScenarioFile(source, text, tree, file.bind(Variants.firstPicks(file)), drill);
  }

  /** Returns the refusal of a step that could not be played, at the line of its {@code do}. */
  ScenarioFileException refusal(StepFailure failure) {
    String field = failure.pointer() + "/do";
    return ScenarioChecker.at(source, ScenarioChecker.locate(YAML, text, field), failure.pointer(), failure.getMessage());
  }

  /** Returns a refusal of the field at {@code pointer}, at its line. */
  ScenarioFileException refusal(String pointer, String problem) {
    return ScenarioChecker.at(source, ScenarioChecker.locate(YAML, text, pointer), pointer, problem);
  }

  /** Binds a (varied) tree to a spec. */
  ScenarioSpec bind(ObjectNode varied) {
    try {
      return YAML.treeToValue(varied, ScenarioSpec.class);
    } catch (JacksonException e) {
      throw refusal(source, e, "", null);
    }
  }

  /** Binds the checked tokens; a refusal reads the text again, where it names the line. */
  private static ScenarioSpec bind(TokenBuffer tokens, String text, String source) {
    try (JsonParser p = tokens.asParser()) {
      return YAML.readValue(p, ScenarioSpec.class);
    } catch (JacksonException e) {
      return bind(text, source);
    }
  }

  /** Binds the text itself (a test compares what the tokens bind to with it). */
  static ScenarioSpec bind(String text, String source) {
    try {
      return YAML.readValue(text, ScenarioSpec.class);
    } catch (JacksonException e) {
      throw refusal(source, e, "", text);
    }
  }

  /** Names file, line and field; a record's missing field (its constructor's check) is named after the field. */
  private static ScenarioFileException refusal(String source, JacksonException e, String prefix, String text) {
    StringBuilder path = new StringBuilder(prefix);
    for (JacksonException.Reference r : e.getPath()) {
      path.append('/').append(r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()));
    }
    Throwable cause = e.getCause();
    if (cause instanceof NullPointerException && cause.getMessage() != null && !cause.getMessage().contains(" ")) {
      path.append('/').append(cause.getMessage());
    }
    String problem = cause != null && cause.getMessage() != null && !(cause instanceof JacksonException)
        ? "missing or invalid field: " + cause.getMessage() : e.getOriginalMessage();
    TokenStreamLocation loc = e.getLocation();
    if ((loc == null || loc.getLineNr() < 1) && text != null) {
      loc = ScenarioChecker.locate(YAML, text, path.toString());
    }
    return ScenarioChecker.at(source, loc, path.toString(), problem.lines().findFirst().orElse(problem));
  }

  private static boolean isType(Object beanOrClass, Class<?> type) {
    return beanOrClass == type || type.isInstance(beanOrClass);
  }
}
