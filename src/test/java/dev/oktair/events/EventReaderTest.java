package dev.oktair.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventReaderTest {
  static final String A = "{\"uuid\":\"a\",\"published\":\"2024-06-14T09:00:00.000Z\",\"eventType\":\"user.session.start\"}";
  static final String B = "{ \"uuid\": \"b\", \"published\": \"2024-06-14 09:01:00.250\", \"eventType\": \"x\\\"y\" }";
  static final String C = "{\"uuid\":\"c\",\"eventType\":\"c.e\",\"displayMessage\":\"caf\u00e9 \\u00e9 \\\\ [ ] { }\"}";

  /** Everything a read handed on. */
  static final class Seen implements EventHandler {
    final List<String> events = new ArrayList<>();
    final List<Long> lines = new ArrayList<>();
    final List<RejectedLine> rejects = new ArrayList<>();
    final List<LogEvent> parsed = new ArrayList<>();
    int stopAfter = Integer.MAX_VALUE;

    @Override
    public boolean event(LogEvent event, long line) {
      events.add(event.rawText());
      parsed.add(event);
      lines.add(line);
      return events.size() < stopAfter;
    }

    @Override
    public void rejected(RejectedLine rejected) {
      rejects.add(rejected);
    }
  }

  static Seen read(byte[] input) {
    Seen seen = new Seen();
    summaryOf(input, EventReader.create(), seen);
    return seen;
  }

  static ReadSummary summaryOf(byte[] input, EventReader reader, Seen seen) {
    try {
      return reader.read(new ByteArrayInputStream(input), "in.jsonl", seen);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  @Test
  void readsJsonlByteExact() {
    Seen seen = read((A + "\n" + B + "\n" + C).getBytes(UTF_8));
    assertThat(seen.events).containsExactly(A, B, C);
    assertThat(seen.lines).containsExactly(1L, 2L, 3L);
    assertThat(seen.rejects).isEmpty();
  }

  @Test
  void stripsCrlfAndBomButNothingElse() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = (A + "\r\n" + B + "\r\n\r\n" + C + "\r\n").getBytes(UTF_8);
    byte[] input = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, input, 0, 3);
    System.arraycopy(body, 0, input, 3, body.length);
    Seen seen = new Seen();
    ReadSummary s = summaryOf(input, EventReader.create(), seen);
    assertThat(seen.events).containsExactly(A, B, C);
    assertThat(seen.lines).containsExactly(1L, 2L, 4L);
    assertThat(s.blank()).isEqualTo(1);
    assertThat(s.lines()).isEqualTo(4);
    assertThat(s.bytes()).isEqualTo(input.length);
  }

  @Test
  void readsBothPublishedForms() {
    Seen seen = read((A + "\n" + B + "\n").getBytes(UTF_8));
    assertThat(seen.parsed).extracting(LogEvent::published)
        .containsExactly(Instant.parse("2024-06-14T09:00:00Z"), Instant.parse("2024-06-14T09:01:00.250Z"));
  }

  @Test
  void readsASingleLineArrayByteExact() {
    Seen seen = new Seen();
    ReadSummary s = summaryOf(("[" + A + "," + B + ",\n" + C + "]").getBytes(UTF_8), EventReader.create(), seen);
    assertThat(s.format()).isEqualTo(ReadSummary.Format.JSON_ARRAY);
    assertThat(seen.events).containsExactly(A, B, C);
    assertThat(seen.lines).containsExactly(1L, 1L, 2L);
    assertThat(s.compacted()).isZero();
  }

  @Test
  void compactsPrettyPrintedElementsOnlyOutsideStrings() {
    String pretty = "[\r\n  {\r\n    \"uuid\" : \"p\", \"eventType\":\"e\",\r\n    \"msg\": \"two  spaces \\\" and \\\\\",\n"
        + "    \"n\": 1.50E+2, \"list\": [ 1, {\"k\" : null} ]\n  },\n  " + A + "\n]\n";
    Seen seen = new Seen();
    ReadSummary s = summaryOf(pretty.getBytes(UTF_8), EventReader.create(), seen);
    assertThat(seen.events).containsExactly(
        "{\"uuid\":\"p\",\"eventType\":\"e\",\"msg\":\"two  spaces \\\" and \\\\\",\"n\":1.50E+2,\"list\":[1,{\"k\":null}]}", A);
    assertThat(seen.lines).containsExactly(2L, 7L);
    assertThat(s.compacted()).isEqualTo(1);
    assertThat(seen.rejects).isEmpty();
  }

  @Test
  void readsGzipOfJsonlAndOfArrayByMagicBytes() throws IOException {
    Seen jsonl = new Seen();
    ReadSummary s = summaryOf(gzip((A + "\n" + B + "\n").getBytes(UTF_8)), EventReader.create(), jsonl);
    assertThat(jsonl.events).containsExactly(A, B);
    assertThat(s.gzip()).isTrue();
    Seen array = read(gzip(("[\n" + A + ",\n" + B + "\n]").getBytes(UTF_8)));
    assertThat(array.events).containsExactly(A, B);
  }

  /** gzip as the gzip tool writes it: the original file name in the header (FNAME), two members. */
  @Test
  void readsGzipHeadersWithAFileNameAndSeveralMembers() throws IOException {
    byte[] plain = gzip((A + "\n").getBytes(UTF_8));
    byte[] name = "a.json\0".getBytes(UTF_8);
    byte[] named = new byte[plain.length + name.length];
    System.arraycopy(plain, 0, named, 0, 10);
    named[3] |= 8; // FNAME: a zero-terminated name follows the fixed header
    System.arraycopy(name, 0, named, 10, name.length);
    System.arraycopy(plain, 10, named, 10 + name.length, plain.length - 10);
    byte[] second = gzip((B + "\n").getBytes(UTF_8));
    byte[] both = new byte[named.length + second.length];
    System.arraycopy(named, 0, both, 0, named.length);
    System.arraycopy(second, 0, both, named.length, second.length);
    assertThat(read(both).events).containsExactly(A, B);
  }

  @Test
  void bytesAfterTheGzipDataFailTheReadAsRefused() throws IOException {
    byte[] gz = gzip((A + "\n").getBytes(UTF_8));
    byte[] padded = java.util.Arrays.copyOf(gz, gz.length + 3);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> EventReader.create().read(new ByteArrayInputStream(padded), "p", new Seen()))
        .isInstanceOf(EventReader.RefusedInput.class).hasMessageContaining("bytes after the end of the gzip data");
  }

  @Test
  void utf16WithAnUnpairedSurrogateFailsTheReadInsteadOfReplacingIt() {
    byte[] text = {(byte) 0xFF, (byte) 0xFE, '{', 0, '"', 0, 0x00, (byte) 0xD8, '"', 0, '}', 0};
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> EventReader.create().read(new ByteArrayInputStream(text), "u", new Seen()))
        .isInstanceOf(IOException.class).hasMessageContaining("UTF-16LE input holds an unpaired surrogate");
  }

  @Test
  void concatenatedArraysAndBadElementsDoNotStopTheRest() {
    String input = "[" + A + ", 1, {\"bad\": tru}]\n[\"s\", " + B + "]\n";
    Seen seen = read(input.getBytes(UTF_8));
    assertThat(seen.events).containsExactly(A, B);
    assertThat(seen.rejects).extracting(RejectedLine::reason).containsExactly(
        RejectedLine.Reason.NOT_AN_OBJECT, RejectedLine.Reason.MALFORMED_JSON, RejectedLine.Reason.NOT_AN_OBJECT);
    assertThat(seen.rejects).extracting(RejectedLine::text).containsExactly("1", "{\"bad\": tru}", "\"s\"");
    assertThat(seen.rejects).extracting(RejectedLine::line).containsExactly(1L, 1L, 2L);
  }

  @Test
  void truncatedArrayKeepsWhatCameBefore() {
    Seen seen = read(("[\n" + A + ",\n{\"uuid\":\"half").getBytes(UTF_8));
    assertThat(seen.events).containsExactly(A);
    assertThat(seen.rejects).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(3);
      assertThat(r.reason()).isEqualTo(RejectedLine.Reason.MALFORMED_JSON);
    });
  }

  @Test
  void keepsEventsThatLackFieldsButNotObjectsThatAreNoEvents() {
    Seen seen = read("{}\n{\"eventType\":\"x\"}\n{\"eventType\":\"x\",\"severity\":\"INFO\"}\n{\"a\":1}\n".getBytes(UTF_8));
    assertThat(seen.events).containsExactly("{\"eventType\":\"x\",\"severity\":\"INFO\"}");
    assertThat(seen.rejects).extracting(RejectedLine::reason).containsOnly(RejectedLine.Reason.NOT_AN_EVENT);
    assertThat(seen.rejects).extracting(RejectedLine::line).containsExactly(1L, 2L, 4L);
  }

  @Test
  void rejectsTrailingGarbageAfterAnObject() {
    Seen seen = read((A + " x\n").getBytes(UTF_8));
    assertThat(seen.events).isEmpty();
    assertThat(seen.rejects).singleElement().extracting(RejectedLine::reason).isEqualTo(RejectedLine.Reason.MALFORMED_JSON);
  }

  @Test
  void prefilterSkipsLinesWithoutParsingThem() {
    Seen seen = new Seen();
    LinePredicate hasA = (buf, off, len) -> new String(buf, off, len, UTF_8).contains("\"a\"");
    ReadSummary s = summaryOf((A + "\n" + B + "\nnot json\n").getBytes(UTF_8), EventReader.create().withPrefilter(hasA), seen);
    assertThat(seen.events).containsExactly(A);
    assertThat(s.skipped()).isEqualTo(2);
    assertThat(seen.rejects).isEmpty();
  }

  @Test
  void handlerCanStopTheRead() {
    Seen seen = new Seen();
    seen.stopAfter = 1;
    ReadSummary s = summaryOf((A + "\n" + B + "\n").getBytes(UTF_8), EventReader.create(), seen);
    assertThat(seen.events).containsExactly(A);
    assertThat(s.stopped()).isTrue();
  }

  @Test
  void linesLongerThanTheReadBufferAreReassembled() {
    String big = "{\"uuid\":\"big\",\"eventType\":\"e\",\"pad\":\"" + "x".repeat(3 * EventReader.CHUNK) + "\"}";
    Seen seen = read((A + "\n" + big + "\n" + B).getBytes(UTF_8));
    assertThat(seen.events).containsExactly(A, big, B);
  }

  @Test
  void overLongLineIsStreamedPastAndHashed() throws Exception {
    int size = EventReader.MAX_LINE + 5;
    byte[] line = new byte[size];
    java.util.Arrays.fill(line, (byte) 'x');
    line[0] = '{';
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.write((A + "\n").getBytes(UTF_8));
    all.write(line);
    all.write("\r\n".getBytes(UTF_8));
    all.write(B.getBytes(UTF_8));
    Seen seen = read(all.toByteArray());
    assertThat(seen.events).containsExactly(A, B);
    RejectedLine r = seen.rejects.get(0);
    assertThat(r.reason()).isEqualTo(RejectedLine.Reason.TOO_LONG);
    assertThat(r.line()).isEqualTo(2);
    assertThat(r.bytes()).isEqualTo(size);
    assertThat(r.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(line)));
    assertThat(r.prefix()).hasSize(RejectedLine.MAX_PREFIX);
    assertThat(r.truncated()).isTrue();
  }

  @Test
  void overLongArrayElementIsStreamedPastAndTheNextStillLoads() throws Exception {
    String pad = "y".repeat(EventReader.MAX_LINE + 10);
    String big = "{\"uuid\":\"big\",\"eventType\":\"e\",\"pad\":\"" + pad + "\", \"tricky\": \"]}\\\"\"}";
    Seen seen = read(("[" + A + ",\n" + big + ",\n" + B + "]").getBytes(UTF_8));
    assertThat(seen.events).containsExactly(A, B);
    RejectedLine r = seen.rejects.get(0);
    assertThat(r.reason()).isEqualTo(RejectedLine.Reason.TOO_LONG);
    assertThat(r.line()).isEqualTo(2);
    assertThat(r.bytes()).isEqualTo(big.length());
    assertThat(r.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(big.getBytes(UTF_8))));
  }

  @Test
  void invalidUtf8IsRejectedWithItsBytes() {
    byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(bad);
    all.writeBytes(("\n" + A).getBytes(UTF_8));
    Seen seen = read(all.toByteArray());
    assertThat(seen.events).containsExactly(A);
    RejectedLine r = seen.rejects.get(0);
    assertThat(r.reason()).isEqualTo(RejectedLine.Reason.INVALID_UTF8);
    assertThat(r.text()).isNull();
    assertThat(r.prefix()).isEqualTo(bad);
    assertThat(r.truncated()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"jsonl", "array"})
  void readsFromAStreamThatReturnsFewBytesAtATime(String layout) {
    String text = layout.equals("jsonl") ? A + "\n" + B + "\n" + C + "\n" : "  \n\n  [" + A + ",\n" + B + ",\n" + C + "]";
    byte[] data = text.getBytes(UTF_8);
    InputStream trickle = new ByteArrayInputStream(data) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 3));
      }
    };
    Seen seen = new Seen();
    try {
      EventReader.create().read(trickle, "t", seen);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(seen.events).containsExactly(A, B, C);
  }
}
