package dev.oktair.events.filter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.EventHandler;
import dev.oktair.events.EventReader;
import dev.oktair.events.LogEvent;
import dev.oktair.events.ReadSummary;
import dev.oktair.events.RejectedLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A filtered read (the prefilter on raw lines, on the reader's worker threads, then the filter on
 * parsed events) finds exactly the events a parse-everything read does, also when the literal, or
 * its line, is cut in two by the reads from the input, and when lines are longer than a read.
 */
class FilteredReadTest {
  private static final String NEEDLE = "user.session.start";

  @Test
  void findsEveryMatchWhateverTheReadBoundaries() throws IOException {
    Random random = new Random(42);
    byte[] input = corpus(random);
    EventFilter filter = EventFilter.parse("eventType eq \"" + NEEDLE + "\"");

    List<String> expected = new ArrayList<>();
    ReadSummary all = EventReader.create().read(new Cutting(input, List.of()), "in", collect(filter::test, expected));
    List<Integer> cuts = cutsInsideLiterals(input, random);
    List<String> found = new ArrayList<>();
    ReadSummary filtered = EventReader.create().withPrefilter(filter::mightMatch)
        .read(new Cutting(input, cuts), "in", collect(filter::test, found));

    assertThat(cuts).hasSizeGreaterThan(20);
    assertThat(found).hasSizeGreaterThan(100).isEqualTo(expected);
    assertThat(filtered.lines()).isEqualTo(all.lines());
    assertThat(filtered.skipped()).isGreaterThan(all.lines() / 2);
  }

  /** Returns offsets inside every tenth occurrence of the literal (any case): where reads are to end. */
  private static List<Integer> cutsInsideLiterals(byte[] input, Random random) {
    String text = new String(input, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    List<Integer> cuts = new ArrayList<>();
    int n = 0;
    for (int at = text.indexOf(NEEDLE); at >= 0; at = text.indexOf(NEEDLE, at + 1)) {
      if (n++ % 10 == 0) {
        cuts.add(at + 1 + random.nextInt(NEEDLE.length() - 1));
      }
    }
    return cuts;
  }

  /** About 4 MiB of events: 1 in 4 a session start (in any case), some with the type escaped, two over 1 MiB long. */
  private static byte[] corpus(Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; out.size() < 4 << 20; i++) {
      String type = switch (random.nextInt(8)) {
        case 0 -> NEEDLE;
        case 1 -> "USER.Session.START";
        case 2 -> "user.session.\\u0073tart";
        default -> "user.session.end";
      };
      int pad = i % 1000 == 500 ? (1 << 20) + random.nextInt(1000) : random.nextInt(3000);
      String line = "{\"uuid\":\"" + i + "\",\"eventType\":\"" + type + "\",\"pad\":\"" + "x".repeat(pad) + "\"}\n";
      out.writeBytes(line.getBytes(UTF_8));
    }
    return out.toByteArray();
  }

  private static EventHandler collect(java.util.function.Predicate<LogEvent> test, List<String> into) {
    return new EventHandler() {
      @Override
      public boolean event(LogEvent event, long line) {
        if (test.test(event)) {
          into.add(line + " " + event.json().path("uuid").asString());
        }
        return true;
      }

      @Override
      public void rejected(RejectedLine rejected) {
        throw new AssertionError(rejected.message());
      }
    };
  }

  /** Hands out the input in reads that end at the given offsets (or sooner, when asked for less). */
  private static final class Cutting extends InputStream {
    private final byte[] data;
    private final List<Integer> cuts;
    private int next;
    private int pos;

    Cutting(byte[] data, List<Integer> cuts) {
      this.data = data;
      this.cuts = cuts;
    }

    @Override
    public int read() {
      return pos < data.length ? data[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos == data.length) {
        return -1;
      }
      while (next < cuts.size() && cuts.get(next) <= pos) {
        next++;
      }
      int end = next < cuts.size() ? cuts.get(next) : data.length;
      int n = Math.min(len, end - pos);
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }
  }
}
