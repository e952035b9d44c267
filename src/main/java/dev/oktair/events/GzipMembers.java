package dev.oktair.events;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Decompresses gzip (RFC 1952), every member in a row, and refuses what {@link
 * java.util.zip.GZIPInputStream} silently ignores: bytes after the last member that are not
 * another member (a damaged, truncated-and-appended or padded file) end the read with an
 * error, so an import never seals part of a file as if it were all of it. Not thread-safe.
 */
final class GzipMembers extends InputStream {
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  private final PushbackInputStream in;
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final byte[] input = new byte[1 << 16];
  private boolean done;
  private long member;

  GzipMembers(InputStream in) throws IOException {
    this.in = new PushbackInputStream(in, input.length);
    header();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!done) {
      int n;
      try {
        n = inflater.inflate(b, off, len);
      } catch (DataFormatException e) {
        throw new ZipException("corrupt gzip data in member " + member + " (" + e.getMessage() + ")");
      }
      if (n > 0) {
        crc.update(b, off, n);
        return n;
      }
      if (inflater.finished()) {
        endOfMember();
      } else if (inflater.needsInput()) {
        int got = in.read(input, 0, input.length);
        if (got < 0) {
          throw new EOFException("the gzip data ends early (truncated file?)");
        }
        inflater.setInput(input, 0, got);
        inputEnd = got;
      } else if (inflater.needsDictionary()) {
        throw new ZipException("corrupt gzip data (asks for a dictionary)");
      }
    }
    return -1;
  }

  private void endOfMember() throws IOException {
    int rest = inflater.getRemaining();
    if (rest > 0) {
      in.unread(input, lastInputEnd() - rest, rest);
    }
    long wantCrc = uint32();
    long wantSize = uint32();
    if (wantCrc != crc.getValue() || wantSize != (inflater.getBytesWritten() & 0xFFFFFFFFL)) {
      throw new ZipException("corrupt gzip trailer in member " + member);
    }
    int next = in.read();
    if (next < 0) {
      done = true;
      return;
    }
    in.unread(next);
    inflater.reset();
    crc.reset();
    try {
      header();
    } catch (ZipException e) {
      throw new EventReader.RefusedInput("bytes after the end of the gzip data that are not gzip (a damaged"
          + " or padded file): refused whole");
    }
  }

  /** The inflater was last given {@code input[0, inputEnd)}. */
  private int inputEnd;

  private int lastInputEnd() {
    return inputEnd;
  }

  private void header() throws IOException {
    member++;
    if (u8() != 0x1f || u8() != 0x8b || u8() != 8) {
      throw new ZipException("not gzip data");
    }
    int flags = u8();
    for (int i = 0; i < 6; i++) {
      u8(); // mtime, xfl, os
    }
    if ((flags & FEXTRA) != 0) {
      int n = u8() | (u8() << 8);
      for (int i = 0; i < n; i++) {
        u8();
      }
    }
    if ((flags & FNAME) != 0) {
      while (u8() != 0) {
        // skip the file name
      }
    }
    if ((flags & FCOMMENT) != 0) {
      while (u8() != 0) {
        // skip the comment
      }
    }
    if ((flags & FHCRC) != 0) {
      u8();
      u8();
    }
  }

  private long uint32() throws IOException {
    return u8() | (u8() << 8) | (u8() << 16) | ((long) u8() << 24);
  }

  private int u8() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("the gzip data ends early (truncated file?)");
    }
    return b;
  }

  @Override
  public void close() throws IOException {
    inflater.end();
    in.close();
  }
}
