package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.LogEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeldEventsTest {
  private static LogEvent event(String uuid, String published, String pad) {
    String time = published == null ? "" : ",\"published\":\"" + published + "\"";
    return LogEvent.parse("{\"uuid\":\"" + uuid + "\",\"eventType\":\"x\"" + time + ",\"pad\":\"" + pad + "\"}");
  }

  /** Held bytes come back exact, by time, equal times in the order held, events without a time last. */
  @Test
  void handsBackExactBytesInStableTimeOrder() {
    HeldEvents held = new HeldEvents();
    List<LogEvent> events = new ArrayList<>();
    events.add(event("a", "2024-06-14T09:00:02Z", ""));
    events.add(event("b", null, ""));
    events.add(event("c", "2024-06-14T09:00:01.5Z", "x".repeat(5 << 20))); // larger than a slab
    events.add(event("d", "2024-06-14T09:00:02Z", ""));
    events.add(event("e", "2024-06-14T09:00:01.5Z", ""));
    for (int i = 0; i < 3000; i++) { // fills several slabs
      events.add(event("f" + i, "2024-06-14T08:00:00Z", "y".repeat(2000)));
    }
    events.forEach(held::add);
    List<String> seen = new ArrayList<>();
    held.inTimeOrder((buf, off, len) -> {
      LogEvent e = LogEvent.parse(new String(buf, off, len, StandardCharsets.UTF_8));
      assertThat(e.rawText()).isEqualTo(events.stream().filter(x -> x.uuid().equals(e.uuid())).findFirst().orElseThrow().rawText());
      seen.add(e.uuid());
      return true;
    });
    assertThat(held.size()).isEqualTo(events.size());
    assertThat(seen.subList(0, 3)).containsExactly("f0", "f1", "f2");
    assertThat(seen.subList(3000, seen.size())).containsExactly("c", "e", "a", "d", "b");
  }

  /** Events read from a plain file are held by their place, printed from it exactly, and the file's change is told. */
  @Test
  void printsEventsHeldByTheirPlaceFromTheFileAndTellsAChange(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("0001-e.jsonl");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      text.append("{\"uuid\":\"u").append(i).append("\",\"eventType\":\"x\",\"published\":\"2024-06-14T09:00:")
          .append(String.format("%02d", 59 - i)).append("Z\"}").append(i % 7 == 0 ? "\r\n" : "\n");
    }
    Files.writeString(file, text);
    HeldEvents held = new HeldEvents();
    List<LogEvent> events = new ArrayList<>();
    held.from(file);
    dev.oktair.events.EventReader.create().treeless().read(file, new dev.oktair.events.EventHandler() {
      @Override
      public boolean event(LogEvent event, long line) {
        assertThat(event.offset()).isNotNegative();
        events.add(event);
        held.add(event);
        return true;
      }

      @Override
      public void rejected(dev.oktair.events.RejectedLine line) {
        throw new AssertionError(line);
      }
    });
    assertThat(events).hasSize(50);
    List<String> seen = new ArrayList<>();
    held.inTimeOrder((buf, off, len) -> seen.add(new String(buf, off, len, StandardCharsets.UTF_8)));
    List<String> expected = new ArrayList<>();
    for (int i = events.size() - 1; i >= 0; i--) {
      expected.add(events.get(i).rawText());
    }
    assertThat(seen).isEqualTo(expected);
    assertThat(held.changed()).isEmpty();

    HeldEvents again = new HeldEvents();
    again.from(file);
    events.forEach(again::add);
    again.add(event("copied", "2024-06-14T10:00:00Z", ""));
    Files.writeString(file, "{}\n", java.nio.file.StandardOpenOption.APPEND);
    List<String> after = new ArrayList<>();
    again.inTimeOrder((buf, off, len) -> after.add(new String(buf, off, len, StandardCharsets.UTF_8)));
    assertThat(again.changed()).containsExactly(file);
    assertThat(after).hasSize(1); // only the copied event: the changed file is not read from
  }

  @Test
  void stopsWhenTheSinkHasEnough() {
    HeldEvents held = new HeldEvents();
    for (int i = 0; i < 10; i++) {
      held.add(event("u" + i, "2024-06-14T09:00:0" + i + "Z", ""));
    }
    List<Integer> lengths = new ArrayList<>();
    held.inTimeOrder((buf, off, len) -> {
      lengths.add(len);
      return lengths.size() < 3;
    });
    assertThat(lengths).hasSize(3);
  }
}
