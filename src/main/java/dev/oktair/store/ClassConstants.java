package dev.oktair.store;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rewrites one string constant of a compiled class ({@link DuckLibrary} points the DuckDB driver's
 * library name at the cache with it). Only the constant pool changes; code refers to constants by
 * index, so the class stays valid.
 */
final class ClassConstants {
  private ClassConstants() {}

  /**
   * Returns {@code classFile} with its one UTF-8 constant equal to {@code from} (ASCII) replaced by
   * {@code to}, or null when there is not exactly one such constant or the bytes are not a class.
   */
  static byte[] replace(byte[] classFile, String from, String to) {
    byte[] target = from.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer in = ByteBuffer.wrap(classFile);
    try {
      if (in.getInt() != 0xCAFEBABE) {
        return null;
      }
      in.position(8);
      int count = Short.toUnsignedInt(in.getShort());
      int found = -1;
      int foundEnd = -1;
      for (int i = 1; i < count; i++) {
        int at = in.position();
        int tag = Byte.toUnsignedInt(in.get());
        if (tag == 1) {
          int length = Short.toUnsignedInt(in.getShort());
          int start = in.position();
          in.position(start + length);
          if (Arrays.equals(classFile, start, start + length, target, 0, target.length)) {
            if (found >= 0) {
              return null;
            }
            found = at;
            foundEnd = in.position();
          }
        } else {
          int size = size(tag);
          if (size < 0) {
            return null;
          }
          in.position(in.position() + size);
          if (tag == 5 || tag == 6) {
            i++; // a long or double takes two slots
          }
        }
      }
      if (found < 0) {
        return null;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(classFile.length + to.length());
      out.write(classFile, 0, found);
      DataOutputStream data = new DataOutputStream(out);
      data.writeByte(1);
      data.writeUTF(to); // the class file's own (modified UTF-8, length-prefixed) encoding
      data.flush();
      out.write(classFile, foundEnd, classFile.length - foundEnd);
      return out.toByteArray();
    } catch (RuntimeException malformed) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the size after the tag of a non-UTF-8 constant, or -1 for an unknown tag. */
  private static int size(int tag) {
    switch (tag) {
      case 7, 8, 16, 19, 20:
        return 2;
      case 15:
        return 3;
      case 3, 4, 9, 10, 11, 12, 17, 18:
        return 4;
      case 5, 6:
        return 8;
      default:
        return -1;
    }
  }
}
