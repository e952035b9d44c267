package dev.oktair.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-16 text (what PowerShell writes by default) transcoded to UTF-8, strictly: an unpaired
 * surrogate or an odd trailing byte ends the read with an error instead of a replacement
 * character, so no event is silently altered. The evidence then holds UTF-8 bytes, and the
 * manifest records the transcoding. Not thread-safe.
 */
final class Utf16Input extends InputStream {
  private final Reader reader;
  private final char[] chars = new char[1 << 14];
  private int held; // a high surrogate kept back for its low half
  private ByteBuffer out = ByteBuffer.allocate(0);
  private final String name;

  Utf16Input(InputStream in, Charset charset) {
    this.name = charset.name();
    this.reader = new InputStreamReader(in, charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  /** Returns the charset a byte order mark at {@code b[0..1]} announces, or null. */
  static Charset byBom(byte[] b, int limit) {
    if (limit < 2) {
      return null;
    }
    if (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return b[0] == (byte) 0xFE && b[1] == (byte) 0xFF ? StandardCharsets.UTF_16BE : null;
  }

  /** Returns the charset read, e.g. {@code UTF-16LE}. */
  String charset() {
    return name;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    while (!out.hasRemaining()) {
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(len, out.remaining());
    out.get(b, off, n);
    return n;
  }

  private boolean fill() throws IOException {
    int start = 0;
    if (held != 0) {
      chars[0] = (char) held;
      held = 0;
      start = 1;
    }
    int n;
    try {
      n = reader.read(chars, start, chars.length - start);
    } catch (CharacterCodingException e) {
      throw malformed();
    }
    if (n < 0) {
      if (start == 1) {
        throw malformed();
      }
      return false;
    }
    int end = start + n;
    if (Character.isHighSurrogate(chars[end - 1])) {
      held = chars[--end];
    }
    try {
      out = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(chars, 0, end));
    } catch (CharacterCodingException e) {
      throw malformed();
    }
    return true;
  }

  private IOException malformed() {
    return new IOException("the " + name + " input holds an unpaired surrogate or an odd trailing byte");
  }
}
