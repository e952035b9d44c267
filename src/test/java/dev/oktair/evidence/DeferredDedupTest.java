package dev.oktair.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.LogEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Import's dedupe: the verdicts of {@link DedupIndex}, with events hashed and read back only when their uuid repeats. */
class DeferredDedupTest {
  /** The evidence as written: each event at its file and offset. */
  private final Map<String, byte[]> evidence = new HashMap<>();
  private final List<String> reads = new ArrayList<>();
  private final DeferredDedup dedup = new DeferredDedup((file, offset, length) -> {
    reads.add(file + "@" + offset);
    byte[] raw = evidence.get(file + "@" + offset);
    assertThat(raw).hasSize(length);
    return raw;
  });
  private final long[] offsets = new long[4];

  private DedupIndex.Verdict add(int file, String uuid, String more) {
    LogEvent e = LogEvent.parse("{\"uuid\":\"" + uuid + "\",\"eventType\":\"user.session.start\"" + more + "}");
    DedupIndex.Verdict v = dedup.add(e, file, offsets[file]);
    if (v != DedupIndex.Verdict.DUPLICATE) {
      evidence.put(file + "@" + offsets[file], e.raw());
      offsets[file] += e.rawLength() + 1;
    }
    return v;
  }

  /** The event as a filtered read has it: checked without a tree, its uuid's bits read in the check. */
  private static LogEvent checked(String json) {
    List<LogEvent> got = new ArrayList<>();
    try {
      dev.oktair.events.EventReader.create().treeless().read(
          new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t", new dev.oktair.events.EventHandler() {
            @Override
            public boolean event(LogEvent event, long line) {
              return got.add(event);
            }

            @Override
            public void rejected(dev.oktair.events.RejectedLine line) {
              throw new AssertionError(line);
            }
          });
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return got.get(0);
  }

  @Test
  void aCheckedEventsUuidBitsGiveTheVerdictsItsTextGives() {
    String upper = A.toUpperCase(java.util.Locale.ROOT);
    String[][] steps = {{A, ""}, {B, ""}, {A, ""}, {A, ",\"x\":1"}, {upper, ""}, {upper, ""}, {"u-1", ""}, {B, ""}};
    DeferredDedup parsed = new DeferredDedup((file, offset, length) -> evidence.get(file + "@" + offset));
    long offset = 0;
    for (String[] step : steps) {
      String json = "{\"uuid\":\"" + step[0] + "\",\"eventType\":\"user.session.start\"" + step[1] + "}";
      LogEvent c = checked(json);
      assertThat(c.hasUuidBits()).as(step[0]).isEqualTo(step[0].length() == 36 && step[0].equals(step[0].toLowerCase(java.util.Locale.ROOT)));
      DedupIndex.Verdict v = dedup.add(c, 0, offset);
      assertThat(v).as(json).isEqualTo(parsed.add(LogEvent.parse(json), 0, offset));
      if (v != DedupIndex.Verdict.DUPLICATE) {
        evidence.put("0@" + offset, c.raw());
        offset += c.rawLength() + 1;
      }
    }
    assertThat(reads).isNotEmpty();
  }

  private static final String A = "bae5ff1e-8592-4578-ef9c-690e9e06c902";
  private static final String B = "4cb5f62a-12d6-7136-0fec-bff3409bbe13";

  @Test
  void aFirstSightingIsNewAndNothingIsReadBack() {
    assertThat(add(0, A, "")).isEqualTo(DedupIndex.Verdict.NEW);
    assertThat(add(0, B, "")).isEqualTo(DedupIndex.Verdict.NEW);
    assertThat(reads).isEmpty();
  }

  @Test
  void aRepeatedUuidReadsTheFirstEventBackOnceAndTheIndexDecides() {
    add(0, A, "");
    assertThat(add(1, A, "")).isEqualTo(DedupIndex.Verdict.DUPLICATE);
    assertThat(reads).containsExactly("0@0");
    assertThat(add(1, A, ",\"x\":1")).isEqualTo(DedupIndex.Verdict.COLLISION);
    assertThat(add(2, A, "")).isEqualTo(DedupIndex.Verdict.DUPLICATE);
    assertThat(add(2, A, ",\"x\":1")).isEqualTo(DedupIndex.Verdict.DUPLICATE);
    assertThat(reads).containsExactly("0@0");
  }

  @Test
  void aUuidNotInTheCanonicalFormGoesToTheIndexAtOnce() {
    String upper = A.toUpperCase(java.util.Locale.ROOT);
    assertThat(add(0, upper, "")).isEqualTo(DedupIndex.Verdict.NEW);
    assertThat(add(0, A, "")).isEqualTo(DedupIndex.Verdict.NEW); // another uuid's text
    assertThat(add(0, upper, "")).isEqualTo(DedupIndex.Verdict.DUPLICATE);
    assertThat(add(0, "u-1", "")).isEqualTo(DedupIndex.Verdict.NEW);
    assertThat(add(0, "u-1", ",\"x\":2")).isEqualTo(DedupIndex.Verdict.COLLISION);
    assertThat(reads).isEmpty();
  }

  @Test
  void anImportOfMoreFilesThanALocationNumbersHashesTheRestAtOnce() {
    LogEvent e = LogEvent.parse("{\"uuid\":\"" + A + "\",\"eventType\":\"t\"}");
    assertThat(dedup.add(e, DeferredDedup.MAX_FILES, 0)).isEqualTo(DedupIndex.Verdict.NEW);
    assertThat(dedup.add(e, DeferredDedup.MAX_FILES + 1, 0)).isEqualTo(DedupIndex.Verdict.DUPLICATE);
    assertThat(reads).isEmpty();
  }

  @Test
  void anEventOfNoPlaceGoesToTheIndexAndItsUuidStaysThere() {
    LogEvent e = LogEvent.parse("{\"uuid\":\"" + A + "\",\"eventType\":\"t\"}");
    assertThat(dedup.add(e, 0, -1)).isEqualTo(DedupIndex.Verdict.NEW);
    assertThat(dedup.add(e, 0, 40)).isEqualTo(DedupIndex.Verdict.DUPLICATE);
    assertThat(reads).isEmpty();
  }

  @Test
  void aUuidNotedInAPlaceIsToldApartWhenItRepeatsWhereNoneIsGiven() {
    add(0, A, "");
    LogEvent e = LogEvent.parse("{\"uuid\":\"" + A + "\",\"eventType\":\"user.session.start\"}");
    assertThat(dedup.add(e, DeferredDedup.MAX_FILES, 0)).isEqualTo(DedupIndex.Verdict.DUPLICATE);
    assertThat(dedup.add(e, 1, -1)).isEqualTo(DedupIndex.Verdict.DUPLICATE);
    assertThat(reads).containsExactly("0@0");
  }

  @Test
  void aSettledFileIsReadBackWholeAndStillCountsAsSeen() {
    add(0, A, "");
    add(1, B, "");
    dedup.settle(1);
    assertThat(reads).containsExactly("1@0");
    evidence.clear(); // the settled file is gone
    assertThat(add(2, B, "")).isEqualTo(DedupIndex.Verdict.DUPLICATE);
    assertThat(reads).containsExactly("1@0");
  }

  @Test
  void theVerdictsAreTheIndexsOwnOnAnyMixOfRepeats() {
    Random random = new Random(14);
    DedupIndex reference = new DedupIndex();
    List<String> uuids = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      uuids.add(String.format("%08x-%04x-4000-8000-%012x", random.nextInt(), i, random.nextLong() & 0xffffffffffffL));
    }
    uuids.add("not-a-uuid");
    for (int i = 0; i < 20_000; i++) {
      String uuid = uuids.get(random.nextInt(uuids.size()));
      String more = ",\"v\":" + random.nextInt(3);
      int file = i * 4 / 20_000;
      LogEvent e = LogEvent.parse("{\"uuid\":\"" + uuid + "\",\"eventType\":\"t\"" + more + "}");
      assertThat(add(file, uuid, more)).as("event %d", i).isEqualTo(reference.add(uuid, e.raw()));
    }
    assertThat(DeferredDedup.uuidOf(0x0123456789abcdefL, 0xfedcba9876543210L))
        .isEqualTo("01234567-89ab-cdef-fedc-ba9876543210");
    assertThat(DeferredDedup.canonical("01234567-89ab-cdef-fedc-ba9876543210")).isTrue();
    assertThat(new String(evidence.get("0@0"), StandardCharsets.UTF_8)).startsWith("{\"uuid\":\"");
  }
}
