package dev.oktair.collect;

import dev.oktair.errors.Kind;
import dev.oktair.events.LogEvent;
import dev.oktair.events.RejectedLine;
import dev.oktair.evidence.Quarantine;
import dev.oktair.okta.LogPage;
import dev.oktair.okta.LogQuery;
import dev.oktair.okta.OktaClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * Collects one time slice: follows its pages from the checkpoint (or the first page), appends
 * each page's raw events to the slice's part file, their sort keys to its index and the page's
 * rejects (elements that are not evidence) as quarantine lines to its rejects file, forces the
 * three to disk, then checkpoints the next link and their lengths. On resume the files are first
 * cut back to the checkpointed lengths, dropping whatever a crash left after the last checkpoint,
 * so a page is kept (events and rejects alike) exactly once however often the run is killed.
 */
final class SliceRunner implements Callable<Void> {
  private final OktaClient client;
  private final Job job;
  private final Job.SliceState start;
  private final LogQuery query;
  private final Tally tally;
  private final BooleanSupplier stop;

  SliceRunner(OktaClient client, Job job, Job.SliceState start, LogQuery query, Tally tally, BooleanSupplier stop) {
    this.client = client;
    this.job = job;
    this.start = start;
    this.query = query;
    this.tally = tally;
    this.stop = stop;
  }

  @Override
  public Void call() {
    if (start.done()) {
      return null;
    }
    Job.SliceState state = start;
    try (FileChannel part = open(job.part(state.index()), state.bytes());
        FileChannel index = open(job.sortIndex(state.index()), state.indexBytes());
        FileChannel rejects = open(job.rejects(state.index()), state.rejectBytes())) {
      URI url = state.next() != null
          ? URI.create(state.next())
          : client.logsUrl(query.window(Instant.parse(state.since()), Instant.parse(state.until())));
      while (!stop.getAsBoolean()) {
        LogPage page = client.logPage(url);
        if (!page.isEmpty() && url.equals(page.next())) {
          // Saving it and following the link would store the same page again, forever.
          throw new CollectException(Kind.REMOTE, "Okta answered a page of slice " + state.index() + " with a next link to"
              + " the same page (" + url + "); nothing of that page was saved: run the same command again to retry", null);
        }
        byte[] lines = lines(page);
        byte[] keys = SortKeys.of(page.events());
        byte[] rejected = rejects(page);
        tally.rejects().take(page.rejected().size(), rejected.length);
        append(part, lines);
        append(index, keys);
        append(rejects, rejected);
        // A bounded query ends without a next link; an empty page that links to itself ends it too.
        boolean done = page.next() == null || (page.isEmpty() && page.next().equals(url));
        state = state.after(done ? null : page.next().toString(), new Job.Added(lines.length, keys.length,
            page.events().size(), rejected.length, page.rejected().size()), done);
        job.save(state);
        tally.page(state.index(), page.events(), done);
        if (done) {
          return null;
        }
        url = page.next();
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the pages of slice " + state.index() + " in " + job.dir(), e);
    }
  }

  /** Opens {@code file} for appending after its first {@code length} bytes, cutting off the rest. */
  private static FileChannel open(Path file, long length) throws IOException {
    FileChannel ch = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
        dev.oktair.cases.CasePaths.ownerOnlyFile());
    ch.truncate(length);
    ch.position(length);
    return ch;
  }

  private static void append(FileChannel ch, byte[] bytes) throws IOException {
    if (bytes.length == 0) {
      return;
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
    ch.force(false);
  }

  private static byte[] lines(LogPage page) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (LogEvent e : page.events()) {
      e.writeRaw(out);
      out.write('\n');
    }
    return out.toByteArray();
  }

  /** Returns the page's rejects as quarantine lines, each naming the page's URL and its place in it. */
  private static byte[] rejects(LogPage page) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (RejectedLine r : page.rejected()) {
      out.writeBytes(Quarantine.line(r, r.source()));
    }
    return out.toByteArray();
  }

  /** The sort index's format: one line per event, {@code epochSecond.nano TAB uuid TAB length}. */
  static final class SortKeys {
    private SortKeys() {}

    static byte[] of(Iterable<LogEvent> events) {
      StringBuilder sb = new StringBuilder();
      for (LogEvent e : events) {
        Instant at = e.published();
        sb.append(at == null ? "-" : at.getEpochSecond() + "." + at.getNano()).append('\t')
            .append(safe(e.uuid())).append('\t').append(e.rawLength()).append('\n');
      }
      return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the uuid, or "" (no de-duplication) for one this format cannot hold. */
    private static String safe(String uuid) {
      return uuid == null || uuid.chars().anyMatch(c -> c < ' ') ? "" : uuid;
    }
  }
}
