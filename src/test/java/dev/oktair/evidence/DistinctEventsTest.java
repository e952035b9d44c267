package dev.oktair.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.EventSelector;
import dev.oktair.events.LogEvent;
import dev.oktair.events.RejectedLine;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading evidence skips the hash of a file whose stat is the one recorded when it last hashed
 * intact, and only then: a flipped byte (its time put back), a cut file, a file too fresh to be
 * settled, a garbled record each still mean a hash, and changed bytes are still refused.
 */
class DistinctEventsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
  /** The system clock a minute on: every file just written looks settled. */
  private static final Clock LATER = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1));

  @TempDir Path dir;

  private EvidenceStore store;
  private EvidenceFile sealed;

  private void seal() {
    store = EvidenceStore.open(dir, CLOCK);
    try (EvidenceWriter w = store.create("x", Source.imported("/tmp/x"))) {
      w.write(LogEvent.parse("{\"uuid\":\"a\",\"eventType\":\"user.session.start\",\"published\":\"2024-01-02T00:00:00.000Z\"}"));
      w.write(LogEvent.parse("{\"uuid\":\"b\",\"eventType\":\"user.session.end\",\"published\":\"2024-01-01T00:00:00.000Z\"}"));
      sealed = w.seal();
    }
  }

  private Read read(Clock fileClock) {
    Read r = new Read();
    r.report = new DistinctEvents(EventSelector.of(e -> true), r, fileClock).run(store);
    return r;
  }

  private Path record() {
    return dir.resolve(VerifiedStats.FILE);
  }

  @Test
  void aSettledIntactFileIsRecordedAndReadAgainWithoutChange() throws Exception {
    seal();
    Read first = read(LATER);
    assertThat(first.report.intact()).isTrue();
    assertThat(first.events).hasSize(2);
    assertThat(Files.readString(record())).startsWith(sealed.name() + "\t" + sealed.sha256() + "\t");

    Read again = read(LATER);
    assertThat(again.report.intact()).isTrue();
    assertThat(again.events).isEqualTo(first.events);
  }

  @Test
  void aFileTooFreshToBeSettledIsNotRecorded() {
    seal();
    assertThat(read(Clock.systemUTC()).report.intact()).isTrue();
    assertThat(record()).doesNotExist();
  }

  @Test
  void aByteFlippedAfterTheRecordWithItsTimePutBackIsStillRefused() throws Exception {
    seal();
    read(LATER);
    assertThat(record()).exists();
    Thread.sleep(50); // past the file system clock's tick, as any real change after a read is
    Path path = store.pathOf(sealed);
    FileTime before = Files.getLastModifiedTime(path);
    path.toFile().setWritable(true);
    try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw")) {
      f.seek(9); // the a of "uuid":"a": still an event, other bytes
      int b = f.read();
      f.seek(9);
      f.write(b == 'a' ? 'b' : 'a');
    }
    Files.setLastModifiedTime(path, before);

    Read r = read(LATER);
    assertThat(r.report.intact()).isFalse();
    assertThat(r.events).containsExactly("b", "b");
    assertThat(r.unreadable).singleElement().asString().contains(sealed.name(), "changed after it was sealed");
  }

  @Test
  void aCutFileIsRefusedThoughItWasRecorded() throws Exception {
    seal();
    read(LATER);
    Path path = store.pathOf(sealed);
    path.toFile().setWritable(true);
    try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw")) {
      f.setLength(f.length() - 5);
    }
    Read r = read(LATER);
    assertThat(r.report.intact()).isFalse();
    assertThat(r.unreadable).singleElement().asString().contains(sealed.name(), "changed after it was sealed");
  }

  @Test
  void aGarbledRecordOnlyCostsAHash() throws Exception {
    seal();
    Files.writeString(record(), sealed.name() + "\tnot\ta\tstat\n\u0000garbage");
    Read r = read(LATER);
    assertThat(r.report.intact()).isTrue();
    assertThat(r.events).hasSize(2);
    assertThat(Files.readString(record())).startsWith(sealed.name() + "\t" + sealed.sha256() + "\t");
  }

  @Test
  void repeatsAcrossFilesAreToldApartByReadingTheFirstBackWithoutHashingTheRest() {
    seal();
    LogEvent a = LogEvent.parse("{\"uuid\":\"bae5ff1e-8592-4578-ef9c-690e9e06c902\",\"eventType\":\"t\",\"x\":1}");
    LogEvent changed = LogEvent.parse("{\"uuid\":\"bae5ff1e-8592-4578-ef9c-690e9e06c902\",\"eventType\":\"t\",\"x\":2}");
    for (List<LogEvent> events : List.of(List.of(a), List.of(a, changed, a))) {
      try (EvidenceWriter w = store.create("y", Source.imported("/tmp/y"))) {
        for (LogEvent e : events) {
          w.write(e);
        }
        w.seal();
      }
    }
    Read r = read(LATER);
    assertThat(r.report.intact()).isTrue();
    assertThat(r.events).containsExactly("a", "b", a.uuid(), a.uuid());
    assertThat(r.report.repeats()).isEqualTo(2);
  }

  @Test
  void aFileReadBackFromThatChangesAfterItsReadIsReported() throws Exception {
    seal();
    ReadFiles files = new ReadFiles();
    Path path = store.pathOf(sealed);
    int n = files.start(sealed, path);
    files.read(n, VerifiedStats.stat(sealed, path));
    assertThat(new String(files.read(n, 1, 6), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("\"uuid\"");
    assertThat(files.changedSinceRead()).isEmpty();
    path.toFile().setWritable(true);
    try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw")) {
      f.seek(f.length()); // a new size: told even where file times are coarse
      f.write('\n');
    }
    assertThat(files.changedSinceRead()).containsExactly(path);
    files.close();
  }

  /** What a read handed on. */
  private static final class Read implements EvidenceStore.Reading {
    final List<String> events = new ArrayList<>();
    final List<String> unreadable = new ArrayList<>();
    final List<Long> rejected = new ArrayList<>();
    EvidenceStore.ReadReport report;

    @Override
    public boolean event(LogEvent event) {
      events.add(event.uuid());
      return true;
    }

    @Override
    public void rejected(RejectedLine line) {
      rejected.add(line.line());
    }

    @Override
    public void unreadable(Path file, String why) {
      unreadable.add(file.getFileName() + " " + why);
    }
  }
}
