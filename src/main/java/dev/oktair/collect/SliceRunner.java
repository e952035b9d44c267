package dev.oktair.collect;

import dev.oktair.events.LogEvent;
import dev.oktair.okta.LogPage;
import dev.oktair.okta.LogQuery;
import dev.oktair.okta.OktaClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * Collects one time slice: follows its pages from the checkpoint (or the first page), appends
 * each page's raw events to the slice's part file, forces them to disk, then checkpoints the next
 * link and the file's length. On resume the part file is first cut back to the checkpointed
 * length, dropping whatever a crash left after the last checkpoint.
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
    try (FileChannel out = FileChannel.open(job.part(state.index()), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      out.truncate(state.bytes());
      out.position(state.bytes());
      URI url = state.next() != null
          ? URI.create(state.next())
          : client.logsUrl(query.window(Instant.parse(state.since()), Instant.parse(state.until())));
      while (!stop.getAsBoolean()) {
        LogPage page = client.logPage(url);
        byte[] bytes = lines(page);
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          out.write(buf);
        }
        out.force(false);
        // A bounded query ends without a next link; an empty page that links to itself ends it too.
        boolean done = page.next() == null || (page.isEmpty() && page.next().equals(url));
        state = state.after(done ? null : page.next().toString(), bytes.length, page.events().size(), done);
        job.save(state);
        tally.page(state.index(), page.events(), done);
        if (done) {
          return null;
        }
        url = page.next();
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + job.part(state.index()), e);
    }
  }

  private static byte[] lines(LogPage page) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (LogEvent e : page.events()) {
      e.writeRaw(out);
      out.write('\n');
    }
    return out.toByteArray();
  }
}
