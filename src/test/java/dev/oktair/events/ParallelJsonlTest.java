package dev.oktair.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading JSONL on worker threads changes nothing a handler can see: the same events and rejects,
 * in the same order, on the same lines, with the same summary, also when the handler stops early,
 * when lines are longer than a block or than the limit, and when the input comes a few bytes at a
 * time. Small blocks make the workers take part even in these small inputs.
 */
class ParallelJsonlTest {
  private static final LinePredicate KEEP = (b, off, len) -> indexOf(b, off, len, "keep") >= 0 || b[off] != '{';

  /** Every handler call of one read, as text, and the summary. */
  static final class Log implements EventHandler {
    final List<String> calls = new ArrayList<>();
    int stopAfter = Integer.MAX_VALUE;
    int events;

    @Override
    public boolean event(LogEvent event, long line) {
      calls.add(line + " event " + event.rawText());
      return ++events < stopAfter;
    }

    @Override
    public void rejected(RejectedLine r) {
      calls.add(r.line() + " reject " + r.reason() + " " + r.bytes() + " " + r.sha256() + " " + r.message());
    }
  }

  @Test
  void workersDeliverWhatTheReadingThreadWould() throws IOException {
    byte[] input = corpus(new Random(3), 3000);
    for (LinePredicate prefilter : List.of(LinePredicate.ALL, KEEP)) {
      Log sequential = new Log();
      ReadSummary expected = read(input, EventReader.create().withPrefilter(prefilter).withWorkers(0, 1), sequential);
      assertThat(sequential.events).isGreaterThan(500);
      for (int workers : new int[] {1, 3}) {
        for (int blockBytes : new int[] {1, 700, 5000}) {
          Log threaded = new Log();
          ReadSummary actual =
              read(input, EventReader.create().withPrefilter(prefilter).withWorkers(workers, blockBytes), threaded);
          assertThat(threaded.calls).isEqualTo(sequential.calls);
          assertThat(actual).isEqualTo(expected);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5})
  void inputThatComesAFewBytesAtATime(int bytesPerRead) throws IOException {
    byte[] input = corpus(new Random(bytesPerRead), 400);
    Log sequential = new Log();
    ReadSummary expected = read(input, EventReader.create().withWorkers(0, 1), sequential);
    Log threaded = new Log();
    ReadSummary actual = EventReader.create().withWorkers(2, 300).read(new ByteArrayInputStream(input) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, bytesPerRead));
      }
    }, "in", threaded);

    assertThat(threaded.calls).isEqualTo(sequential.calls);
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void aStopCountsAsItStoodAtTheStoppingEvent() throws IOException {
    byte[] input = corpus(new Random(5), 2000);
    for (int stopAfter : new int[] {1, 17, 400}) {
      Log sequential = new Log();
      sequential.stopAfter = stopAfter;
      ReadSummary expected = read(input, EventReader.create().withPrefilter(KEEP).withWorkers(0, 1), sequential);
      Log threaded = new Log();
      threaded.stopAfter = stopAfter;
      ReadSummary actual = read(input, EventReader.create().withPrefilter(KEEP).withWorkers(1, 500), threaded);

      assertThat(threaded.events).isEqualTo(stopAfter);
      assertThat(threaded.calls).isEqualTo(sequential.calls);
      assertThat(actual).isEqualTo(expected);
      assertThat(actual.stopped()).isTrue();
    }
  }

  @Test
  void aFailingHandlerFailsTheRead() {
    byte[] input = corpus(new Random(9), 2000);
    EventHandler failing = new EventHandler() {
      @Override
      public boolean event(LogEvent event, long line) {
        if (line > 1000) {
          throw new IllegalStateException("handler failed at " + line);
        }
        return true;
      }

      @Override
      public void rejected(RejectedLine rejected) {}
    };
    assertThatThrownBy(() -> read(input, EventReader.create().withWorkers(1, 500), failing))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("handler failed at ");
  }

  /** A read that fails midway has handed on every line before the failure, as the sequential reader does. */
  @Test
  void linesReadBeforeAFailureAreDelivered() {
    byte[] input = corpus(new Random(6), 3000);
    for (int failAt : new int[] {1000, 200_000, input.length - 5}) {
      Log sequential = new Log();
      assertThatThrownBy(() -> EventReader.create().withWorkers(0, 1).read(failingAfter(input, failAt), "in", sequential))
          .hasMessage("disk gone");
      Log threaded = new Log();
      assertThatThrownBy(() -> EventReader.create().withWorkers(1, 700).read(failingAfter(input, failAt), "in", threaded))
          .hasMessage("disk gone");

      assertThat(threaded.calls).isNotEmpty().isEqualTo(sequential.calls);
    }
  }

  /** The input's first {@code failAt} bytes, a few KiB per read, then an I/O error. */
  /** Each event of plain input says where its bytes lie in it, however read; of compressed input, nowhere. */
  @Test
  void eventsSayWhereTheirBytesLie() throws IOException {
    byte[] body = corpus(new Random(9), 2000);
    byte[] input = new byte[body.length + 3];
    input[0] = (byte) 0xEF; // a UTF-8 BOM first: offsets count it, as the file does
    input[1] = (byte) 0xBB;
    input[2] = (byte) 0xBF;
    System.arraycopy(body, 0, input, 3, body.length);
    for (int workers : new int[] {0, 1, 3}) {
      for (LinePredicate prefilter : List.of(LinePredicate.ALL, KEEP)) {
        List<LogEvent> events = new ArrayList<>();
        read(input, EventReader.create().withPrefilter(prefilter).withWorkers(workers, 700), collecting(events));
        assertThat(events).hasSizeGreaterThan(300);
        for (LogEvent e : events) {
          assertThat(java.util.Arrays.copyOfRange(input, (int) e.offset(), (int) e.offset() + e.rawLength()))
              .isEqualTo(e.raw());
        }
      }
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(body);
    }
    List<LogEvent> events = new ArrayList<>();
    read(gz.toByteArray(), EventReader.create(), collecting(events));
    assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.offset()).isEqualTo(-1));
  }

  private static EventHandler collecting(List<LogEvent> events) {
    return new EventHandler() {
      @Override
      public boolean event(LogEvent event, long line) {
        events.add(event);
        return true;
      }

      @Override
      public void rejected(RejectedLine rejected) {
        // only the events' places are looked at
      }
    };
  }

  private static InputStream failingAfter(byte[] input, int failAt) {
    ByteArrayInputStream bytes = new ByteArrayInputStream(input, 0, failAt);
    return new InputStream() {
      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = bytes.read(b, off, Math.min(len, 4096));
        if (n < 0) {
          throw new IOException("disk gone");
        }
        return n;
      }
    };
  }

  @Test
  void overLongLinesAndLinesLongerThanTheBufferKeepTheirPlace() throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(corpus(new Random(1), 300));
    all.writeBytes(("{\"keep\":\"" + "x".repeat(EventReader.CHUNK * 2) + "\"}\n").getBytes(UTF_8));
    all.writeBytes(corpus(new Random(2), 300));
    byte[] tooLong = new byte[EventReader.MAX_LINE + 3];
    for (int i = 0; i < tooLong.length; i++) {
      tooLong[i] = (byte) "keep".charAt(i % 4);
    }
    tooLong[0] = '{';
    all.writeBytes(tooLong);
    all.writeBytes("\n".getBytes(UTF_8));
    all.writeBytes(corpus(new Random(4), 300));
    byte[] input = all.toByteArray();

    Log sequential = new Log();
    ReadSummary expected = read(input, EventReader.create().withPrefilter(KEEP).withWorkers(0, 1), sequential);
    Log threaded = new Log();
    ReadSummary actual = read(input, EventReader.create().withPrefilter(KEEP).withWorkers(1, 900), threaded);

    assertThat(threaded.calls).isEqualTo(sequential.calls);
    assertThat(actual).isEqualTo(expected);
    assertThat(threaded.calls).anyMatch(c -> c.contains(" reject TOO_LONG "));
  }

  private static ReadSummary read(byte[] input, EventReader reader, EventHandler handler) throws IOException {
    return reader.read(new ByteArrayInputStream(input), "in", handler);
  }

  /** Events (some marked "keep"), blank and CRLF lines, malformed JSON, non-objects and invalid UTF-8, at random. */
  static byte[] corpus(Random random, int records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < records; i++) {
      int kind = random.nextInt(20);
      String uuid = "u" + i + (random.nextInt(3) == 0 ? "keep" : "");
      String text = switch (kind) {
        case 0 -> "";
        case 1 -> "{\"uuid\":\"" + uuid + "\" \"broken\"}";
        case 2 -> "[1,2]";
        case 3 -> "   ";
        default -> "{\"uuid\":\"" + uuid + "\",\"eventType\":\"e\",\"pad\":\"" + "p".repeat(random.nextInt(300)) + "\"}";
      };
      if (kind == 4) {
        out.writeBytes("{\"uuid\":\"".getBytes(UTF_8));
        out.write(0xC3);
        out.writeBytes("keep\"}".getBytes(UTF_8));
      } else {
        out.writeBytes(text.getBytes(UTF_8));
      }
      out.writeBytes((random.nextInt(5) == 0 ? "\r\n" : "\n").getBytes(UTF_8));
    }
    // The last line without its LF.
    out.writeBytes("{\"uuid\":\"lastkeep\",\"eventType\":\"e\"}".getBytes(UTF_8));
    return out.toByteArray();
  }

  private static int indexOf(byte[] b, int off, int len, String what) {
    return new String(b, off, len, UTF_8).indexOf(what);
  }
}
