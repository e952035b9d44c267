package dev.oktair.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The process's stdout as a writer that also takes bytes: commands that print evidence exactly as
 * stored ({@code events --json}) write its bytes straight through in large blocks, with no decoding
 * to text and encoding back. Any other writer (a test's) gets the bytes as UTF-8 text.
 */
final class ByteOutput extends PrintWriter {
  private final OutputStream bytes;

  private ByteOutput(OutputStream bytes) {
    super(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);
    this.bytes = bytes;
  }

  /** Returns stdout, buffered in blocks of 256 KiB; println flushes it, as System.out's writer did. */
  static ByteOutput stdout() {
    return new ByteOutput(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 18));
  }

  /**
   * Returns a stream of bytes into {@code out}, after what was written to it as text: its own
   * stream when it is one of these, else one that hands the bytes on as UTF-8 text (each write
   * whole characters). The caller flushes {@code out} when done and never closes the stream.
   */
  static OutputStream bytesOf(PrintWriter out) {
    out.flush();
    if (out instanceof ByteOutput b) {
      return b.bytes;
    }
    return new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] buf, int off, int len) {
        out.write(new String(buf, off, len, StandardCharsets.UTF_8));
      }
    };
  }
}
