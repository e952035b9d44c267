package dev.oktair.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@link FieldPath#first} walks objects without a list and answers as the first of {@link FieldPath#values}. */
class FieldPathTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void firstIsTheFirstOfValuesWhateverTheShape() {
    List<String> docs = List.of("{}", "null", "[]", "\"x\"", "{\"a\":null}", "{\"a\":\"null\"}", "{\"a\":1}",
        "{\"a\":{\"b\":{\"c\":2.5}}}", "{\"a\":{\"b\":{\"c\":null}}}", "{\"a\":{\"b\":{\"c\":\"null\"}}}",
        "{\"a\":{\"b\":\"flat\"}}", "{\"a\":[{\"b\":{\"c\":\"null\"}},{\"b\":{\"c\":7}}]}", "{\"a\":{\"b\":[{},{\"c\":[null,\"null\",3]}]}}",
        "{\"a\":{\"b\":{\"c\":[]}}}", "{\"a\":{\"b\":{\"c\":{\"d\":1}}}}", "[{\"a\":{\"b\":{\"c\":\"first\"}}},{\"a\":{\"b\":{\"c\":\"second\"}}}]");
    for (String path : List.of("a", "a.b", "a.b.c")) {
      FieldPath p = FieldPath.parse(path);
      for (String doc : docs) {
        JsonNode root = JSON.readTree(doc);
        List<JsonNode> all = p.values(root);
        assertThat(p.first(root)).as(path + " in " + doc).isSameAs(all.isEmpty() ? null : all.get(0));
      }
    }
  }
}
