package dev.oktair.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogEventTest {
  // Spacing, key order and the unicode escape are deliberate: raw bytes must survive untouched.
  private static final String RAW =
      "{ \"uuid\":\"u-1\",\"published\":\"2024-08-13T15:58:20.353Z\",\"eventType\":\"user.session.start\","
          + "\"actor\":{\"id\":\"00u1\",\"type\":\"User\",\"alternateId\":\"alex@contoso.com\",\"displayName\":\"Alex \\u00c9\"},"
          + "\"client\":{\"zone\":\"null\",\"ipAddress\":\"203.0.113.9\",\"device\":\"Computer\","
          + "\"userAgent\":{\"rawUserAgent\":\"curl/8\",\"os\":\"Linux\",\"browser\":\"UNKNOWN\"},"
          + "\"geographicalContext\":{\"city\":\"Oslo\",\"country\":\"Norway\"}},"
          + "\"outcome\":{\"result\":\"SUCCESS\",\"reason\":null},"
          + "\"securityContext\":{\"asNumber\":16509,\"asOrg\":\"amazon\",\"isProxy\":true},"
          + "\"authenticationContext\":{\"externalSessionId\":\"idxA\",\"rootSessionId\":\"idxR\"},"
          + "\"debugContext\":{\"debugData\":{\"threatSuspected\":\"true\",\"requestUri\":\"/idp/idx/identify\"}},"
          + "\"request\":{\"ipChain\":[{\"ip\":\"203.0.113.9\"},{\"ip\":\"10.0.0.1\"}]},"
          + "\"transaction\":{\"type\":\"WEB\",\"id\":\"tx1\"},"
          + "\"target\":[{\"id\":\"0oa1\",\"type\":\"AppInstance\",\"alternateId\":\"Office 365\",\"displayName\":\"Microsoft Office 365\"},"
          + "{\"id\":\"00u2\",\"type\":\"User\",\"alternateId\":\"bo@contoso.com\",\"displayName\":\"Bo\"}]}";

  @Test
  void keepsRawBytesExactly() throws Exception {
    LogEvent event = LogEvent.parse(RAW);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    event.writeRaw(out);
    assertThat(out.toByteArray()).isEqualTo(RAW.getBytes(StandardCharsets.UTF_8));
    assertThat(event.rawText()).isEqualTo(RAW);
  }

  @Test
  void readsTheFieldsRespondersUse() {
    LogEvent e = LogEvent.parse(RAW);
    assertThat(e.uuid()).isEqualTo("u-1");
    assertThat(e.published()).isEqualTo(Instant.parse("2024-08-13T15:58:20.353Z"));
    assertThat(e.eventType()).isEqualTo("user.session.start");
    assertThat(e.actor().alternateId()).isEqualTo("alex@contoso.com");
    assertThat(e.actor().displayName()).isEqualTo("Alex \u00c9");
    assertThat(e.client().ipAddress()).isEqualTo("203.0.113.9");
    assertThat(e.client().zone()).as("the string \"null\" reads as null").isNull();
    assertThat(e.client().rawUserAgent()).isEqualTo("curl/8");
    assertThat(e.client().geo().city()).isEqualTo("Oslo");
    assertThat(e.outcome().result()).isEqualTo("SUCCESS");
    assertThat(e.outcome().reason()).isNull();
    assertThat(e.security().asNumber()).isEqualTo(16509L);
    assertThat(e.security().isProxy()).isTrue();
    assertThat(e.externalSessionId()).isEqualTo("idxA");
    assertThat(e.rootSessionId()).isEqualTo("idxR");
    assertThat(e.debugData("threatSuspected")).isEqualTo("true");
    assertThat(e.ipChain()).containsExactly("203.0.113.9", "10.0.0.1");
    assertThat(e.transactionId()).isEqualTo("tx1");
    assertThat(e.targets()).extracting(LogEvent.Target::type).containsExactly("AppInstance", "User");
  }

  @Test
  void dottedPathsFlattenArrays() {
    LogEvent e = LogEvent.parse(RAW);
    assertThat(e.values("target.alternateId")).extracting(n -> n.asString())
        .containsExactly("Office 365", "bo@contoso.com");
    assertThat(e.values("target.nope")).isEmpty();
    assertThat(e.values("Target.id")).as("names are case-sensitive").isEmpty();
    assertThat(e.text("debugContext.debugData.requestUri")).isEqualTo("/idp/idx/identify");
  }

  @Test
  void toleratesMissingSections() {
    LogEvent e = LogEvent.parse("{\"eventType\":\"x\"}");
    assertThat(e.uuid()).isNull();
    assertThat(e.published()).isNull();
    assertThat(e.actor().id()).isNull();
    assertThat(e.client().geo().country()).isNull();
    assertThat(e.targets()).isEmpty();
    assertThat(e.security().isProxy()).isNull();
    assertThat(e.ipChain()).isEmpty();
  }

  @Test
  void rejectsNonObjects() {
    assertThatThrownBy(() -> LogEvent.parse("[1,2]")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aWrittenEventKeepsItsBytesAndReadsTheRestFromThemWhenAsked() {
    String raw = "{\"uuid\":\"u-1\",\"published\":\"2024-06-14T12:00:00.000Z\",\"eventType\":\"user.session.start\","
        + "\"actor\":{\"id\":\"00u1\",\"alternateId\":\"alex@contoso.com\"},\"outcome\":{\"result\":\"SUCCESS\"}}";
    Instant at = Instant.parse("2024-06-14T12:00:00Z");
    LogEvent e = LogEvent.written(raw.getBytes(StandardCharsets.UTF_8), "u-1", "2024-06-14T12:00:00.000Z", at, "user.session.start");
    assertThat(new String(e.raw(), StandardCharsets.UTF_8)).isEqualTo(raw);
    assertThat(e.uuid()).isEqualTo("u-1");
    assertThat(e.published()).isEqualTo(at);
    assertThat(e.publishedText()).isEqualTo("2024-06-14T12:00:00.000Z");
    assertThat(e.eventType()).isEqualTo("user.session.start");
    assertThat(e.actor().alternateId()).isEqualTo("alex@contoso.com");
    assertThat(e.outcome().result()).isEqualTo("SUCCESS");
    assertThat(e.json()).isEqualTo(LogEvent.parse(raw).json());
    assertThatThrownBy(() -> LogEvent.written(raw.getBytes(StandardCharsets.UTF_8), null, "x", at, "t"))
        .isInstanceOf(NullPointerException.class);
  }
}
