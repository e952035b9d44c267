package dev.oktair.evidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Counts and SHA-256-hashes the bytes read through it, the hashing on a thread of its own: an
 * import's reading thread only copies what it read into one of a few large buffers, and the hash
 * (a core's worth of work on a large input) runs beside the check and the writing instead of
 * before them. The bytes hashed are a copy of exactly the bytes handed on, so the hash is that of
 * what was imported even if the file changes while it is read. Memory stays at {@link #BUFFERS}
 * buffers of {@link #BUFFER} bytes. Not thread-safe: one reader; {@link #close} ends the thread.
 */
final class HashingInput extends FilterInputStream {
  /** How much is hashed in one go: large, so that the digest's many-block intrinsic does the work. */
  static final int BUFFER = 4 << 20;
  /** Buffers in use at once: one being filled, the others queued or being hashed. */
  static final int BUFFERS = 3;

  private final ExecutorService hasher = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "okta-ir-import-hash");
    t.setDaemon(true);
    return t;
  });
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
  private final MessageDigest digest;
  private byte[] filling;
  private int filled;
  /** How many bytes were read through. */
  long count;

  HashingInput(InputStream in) {
    super(in);
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    filling = new byte[BUFFER];
    for (int i = 1; i < BUFFERS; i++) {
      free.add(new byte[BUFFER]);
    }
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      if (filled == BUFFER) {
        handOver();
      }
      filling[filled++] = (byte) b;
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    for (int done = 0; done < n; ) {
      if (filled == BUFFER) {
        handOver();
      }
      int take = Math.min(n - done, BUFFER - filled);
      System.arraycopy(b, off + done, filling, filled, take);
      filled += take;
      done += take;
    }
    count += Math.max(n, 0);
    return n;
  }

  /** Skipped bytes are read (and hashed) all the same: the hash covers every byte of the input. */
  @Override
  public long skip(long n) throws IOException {
    byte[] sink = new byte[(int) Math.min(n, 1 << 16)];
    long skipped = 0;
    while (skipped < n) {
      int got = read(sink, 0, (int) Math.min(sink.length, n - skipped));
      if (got < 0) {
        break;
      }
      skipped += got;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Hands the full buffer to the hashing thread and takes a free one, waiting while all are queued. */
  private void handOver() throws IOException {
    byte[] full = filling;
    int length = filled;
    hasher.execute(() -> {
      digest.update(full, 0, length);
      free.add(full);
    });
    try {
      filling = free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while hashing the input");
    }
    filled = 0;
  }

  /** Returns the lowercase hex SHA-256 of everything read so far, once it is hashed; call once. */
  String sha256() throws IOException {
    byte[] last = filling;
    int length = filled;
    Future<byte[]> done = hasher.submit(() -> {
      digest.update(last, 0, length);
      return digest.digest();
    });
    try {
      return HexFormat.of().formatHex(done.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while hashing the input");
    } catch (ExecutionException e) {
      throw new IllegalStateException("hashing the input failed", e.getCause());
    }
  }

  @Override
  public void close() throws IOException {
    hasher.shutdownNow();
    super.close();
  }
}
