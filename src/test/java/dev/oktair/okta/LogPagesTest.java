package dev.oktair.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktair.events.LogEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogPagesTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void keepsEachElementsExactBytes() {
    String a = "{\"uuid\":\"a\",  \"published\" : \"2024-06-14T09:00:00.000Z\",\"n\":1.50,\"s\":\"caf\\u00e9 \u00e9\"}";
    String b = "{ \"uuid\":\"b\",\"nested\":{\"x\":[1, 2 ,{}]},\"esc\":\"\\\"}\\\\\" }";
    String page = " [ " + a + " ,\t" + b + "]\n";
    List<LogEvent> events = LogPages.parse(utf8(page), "page");
    assertThat(events).extracting(LogEvent::rawText).containsExactly(a, b);
    assertThat(events.get(0).uuid()).isEqualTo("a");
    assertThat(events.get(1).json().path("nested").path("x")).hasSize(3);
  }

  @Test
  void keepsMultibyteCharactersByteExact() {
    String a = "{\"uuid\":\"\u00fc\u6f22\ud83d\ude00\",\"displayMessage\":\"\u00e9\"}";
    List<LogEvent> events = LogPages.parse(utf8("[" + a + "," + a + "]"), "page");
    assertThat(events.get(1).raw()).isEqualTo(utf8(a));
  }

  @Test
  void compactsAnElementSpanningLinesButNotItsStrings() {
    String pretty = "[\n  {\n    \"uuid\" : \"a\",\n    \"msg\" : \"two  spaces\\n kept\"\n  }\n]";
    List<LogEvent> events = LogPages.parse(utf8(pretty), "page");
    assertThat(events.get(0).rawText()).isEqualTo("{\"uuid\":\"a\",\"msg\":\"two  spaces\\n kept\"}");
  }

  @Test
  void emptyPage() {
    assertThat(LogPages.parse(utf8("[]"), "page")).isEmpty();
  }

  @Test
  void refusesWhatIsNotAnArrayOfObjects() {
    assertThatThrownBy(() -> LogPages.parse(utf8("{\"errorCode\":\"E0000001\"}"), "the page"))
        .isInstanceOf(OktaException.class).hasMessageContaining("not a JSON array");
    assertThatThrownBy(() -> LogPages.parse(utf8("[1]"), "the page"))
        .isInstanceOf(OktaException.class).hasMessageContaining("other than event objects");
    assertThatThrownBy(() -> LogPages.parse(utf8("[{\"a\":"), "the page"))
        .isInstanceOf(OktaException.class).hasMessageContaining("not valid JSON");
  }
}
