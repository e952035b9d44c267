package dev.oktair.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * {@link SimEvent} writes its bytes itself (issue 16) and must write exactly what the project's
 * mapper writes for the same object: the oracle is the mapper's own serialisation of the tree the
 * bytes parse to, which agrees with the bytes only if every key, escape and number is the mapper's.
 */
class SimEventTest {
  private static final ObjectReader DOUBLES = Json.MAPPER.reader().without(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final List<String> HOSTILE = List.of("plain", "a \"quoted\" word", "back\\slash", "line\nbreak\ttab\r",
      "bell\u0007 and nul\u0000", "del\u007f", "caf\u00e9", "\u4e2d\u6587", "emoji \ud83d\ude00", "</script>", "");

  @Test
  void everyStringIsWrittenAsTheMapperWritesIt() {
    for (String s : HOSTILE) {
      JsonBytes b = new JsonBytes(4);
      assertThat(new String(b.string(s).toByteArray(), StandardCharsets.UTF_8)).as(s)
          .isEqualTo(Json.MAPPER.writeValueAsString(s));
    }
  }

  @Test
  void anEventWithHostileTextInEveryFieldIsTheMappersSerialisationOfItsTree() {
    for (String s : HOSTILE) {
      Map<String, String> detail = new LinkedHashMap<>();
      detail.put(s, s);
      detail.put("k", null);
      LogEvent e = SimEvent.of(s, Instant.parse("2024-02-29T23:59:59.999Z"), s).displayMessage(s).severity(s)
          .legacyEventType(s).actor(s, s, s, s)
          .client(s, s, s, s, s, new SimEvent.Place(s, s, s, null, -33.8688, 151.20929999999998)).clientId(s).zone(s)
          .device(s, s, s, s, true).result(s, s).target(s, s, s, s).target(s, s, null, s, detail).session(s, null)
          .credentialType(s).network(64496L, s, s, s, null).debug(s, s).debug("n", null).transaction(s, s)
          .transactionDetail(s, s).build();
      byte[] raw = e.raw();
      JsonNode tree = Json.EVENT_READER.readTree(raw);
      assertThat(new String(raw, StandardCharsets.UTF_8)).as(s)
          .isEqualTo(Json.MAPPER.writeValueAsString(DOUBLES.readTree(raw)));
      assertThat(tree.path("actor").path("displayName").asString()).isEqualTo(s);
      assertThat(tree.path("client").path("zone").asString()).isEqualTo(s);
      assertThat(tree.path("request").path("ipChain").path(0).path("ip").asString()).isEqualTo(s);
      assertThat(tree.path("target").path(1).path("detailEntry").path(s).asString()).isEqualTo(s);
      assertThat(tree.path("debugContext").path("debugData").path(s).asString()).isEqualTo(s);
    }
  }

  @Test
  void anEmptyEventHasEveryTopLevelKeyInOktasOrderWithNullsWhereEmpty() {
    String raw = SimEvent.of("u", Instant.parse("2024-06-01T10:00:00Z"), "user.session.start").build().rawText();
    assertThat(raw).isEqualTo("{\"actor\":null,\"client\":null,\"device\":null,\"authenticationContext\":"
        + "{\"authenticationProvider\":null,\"credentialProvider\":null,\"credentialType\":null,\"issuer\":null,"
        + "\"interface\":null,\"authenticationStep\":0,\"rootSessionId\":null,\"externalSessionId\":null},"
        + "\"displayMessage\":null,\"eventType\":\"user.session.start\",\"outcome\":{\"result\":\"SUCCESS\",\"reason\":null},"
        + "\"published\":\"2024-06-01T10:00:00.000Z\",\"securityContext\":{\"asNumber\":null,\"asOrg\":null,\"isp\":null,"
        + "\"domain\":null,\"isProxy\":null},\"severity\":\"INFO\",\"debugContext\":{\"debugData\":{}},"
        + "\"legacyEventType\":null,\"transaction\":{\"type\":\"WEB\",\"id\":null,\"detail\":{}},\"uuid\":\"u\","
        + "\"version\":\"0\",\"request\":{\"ipChain\":[]},\"target\":null}");
  }

  @Test
  void theTransactionIdLeadsDebugDataAndARequestIdEntryReplacesItInPlace() {
    LogEvent e = SimEvent.of("u", Instant.EPOCH, "t").debug("a", "1").debug("requestId", "other").transaction("WEB", "tx")
        .build();
    assertThat(e.json().path("debugContext").path("debugData").toString())
        .isEqualTo("{\"requestId\":\"other\",\"a\":\"1\"}");
    assertThat(e.json().path("transaction").path("id").asString()).isEqualTo("tx");
  }

  @Test
  void publishedHasThreeFractionDigitsAndTheFormattersTextOutsideFourDigitYears() {
    assertThat(Ids.time(Instant.parse("2024-02-29T23:59:59.999Z"))).isEqualTo("2024-02-29T23:59:59.999Z");
    assertThat(Ids.time(Instant.parse("0999-01-02T03:04:05Z"))).isEqualTo("0999-01-02T03:04:05.000Z");
    assertThat(Ids.time(Instant.parse("+10000-01-01T00:00:00Z"))).isEqualTo("+10000-01-01T00:00:00.000Z");
    assertThat(SimEvent.of("u", Instant.parse("2024-06-01T10:00:00.123456Z"), "t").build().publishedText())
        .isEqualTo("2024-06-01T10:00:00.123Z");
  }

  @Test
  void toJsonIsTheTreeOfTheBytesWithDecimalsAsWritten() {
    SimEvent e = SimEvent.of("u", Instant.EPOCH, "t")
        .client("2001:db8::1", "ua", "os", "b", "Computer", new SimEvent.Place("c", "s", "n", "1", 1.0E-4, 12.5))
        .network(7922L, "o", "i", "d", true);
    assertThat(Json.MAPPER.writeValueAsString(e.toJson())).isEqualTo(e.build().rawText());
    assertThat(e.toJson().path("request").path("ipChain").path(0).path("version").asString()).isEqualTo("V6");
  }
}
