package dev.oktair.store;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes of one pivot summary file: a header naming what it was computed from ({@link Stamp}),
 * then the key's top rows in the pivot's own order. Binary and read whole (a few dozen kilobytes)
 * because it is read at the start of a fresh JVM, where a JSON parse costs more than the pivot.
 * Strings are written in Java's modified UTF-8 (each UTF-16 unit on its own, so any value DuckDB
 * returned reads back the same, a lone surrogate included; ASCII stays as it is, so a scan of the
 * case's files for a secret sees it).
 *
 * @param key the pivot key
 * @param stamp the database and evidence the rows were computed from
 * @param complete true when {@code rows} are every value of the key, false when the top ones only
 * @param rows the rows, most events first (ties by value, as the pivot's SQL orders them), no baseline
 */
record SummaryFile(PivotKey key, Stamp stamp, boolean complete, List<PivotRow> rows) {
  /** Changes whenever the layout or the meaning of the rows does. */
  private static final long MAGIC = 0x4f4b49525056_0002L;

  SummaryFile {
    rows = List.copyOf(rows);
  }

  /**
   * What a summary was computed from: the database file and the evidence that database was loaded
   * from, as the database itself recorded it ({@code loaded_files}, {@code evidence_stat}).
   *
   * @param database the database file's size, modification time and file key ({@link PivotSummaries#fingerprint})
   * @param evidence per loaded evidence file, in name order
   */
  record Stamp(String database, List<Loaded> evidence) {
    Stamp {
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * One loaded evidence file.
   *
   * @param name its name in the manifest
   * @param sha256 the hash it was loaded with
   * @param stat its size and times when it was verified
   */
  record Loaded(String name, String sha256, Freshness.Stat stat) {}

  byte[] bytes() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 14);
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeLong(MAGIC);
      out.writeInt(Schema.VERSION);
      out.writeUTF(key.name());
      out.writeUTF(stamp.database());
      out.writeInt(stamp.evidence().size());
      for (Loaded f : stamp.evidence()) {
        out.writeUTF(f.name());
        out.writeUTF(f.sha256());
        out.writeLong(f.stat().bytes());
        out.writeLong(f.stat().mtimeMillis());
        out.writeLong(f.stat().ctimeMillis());
      }
      out.writeBoolean(complete);
      out.writeInt(rows.size());
      for (PivotRow r : rows) {
        writeValue(out, r.value().get(key));
        out.writeLong(r.events());
        out.writeLong(r.successes());
        out.writeLong(r.failures());
        writeTime(out, r.firstSeen());
        writeTime(out, r.lastSeen());
        out.writeLong(r.subjects());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return buffer.toByteArray();
  }

  /** Returns the file read from {@code in}, or null when it is not a summary this okta-ir wrote. */
  static SummaryFile read(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    if (data.readLong() != MAGIC || data.readInt() != Schema.VERSION) {
      return null;
    }
    PivotKey key = PivotKey.valueOf(data.readUTF());
    String database = data.readUTF();
    int files = data.readInt();
    List<Loaded> evidence = new ArrayList<>(files);
    for (int i = 0; i < files; i++) {
      evidence.add(new Loaded(data.readUTF(), data.readUTF(),
          new Freshness.Stat(data.readLong(), data.readLong(), data.readLong())));
    }
    boolean complete = data.readBoolean();
    int n = data.readInt();
    List<PivotRow> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Map<PivotKey, Object> value = new LinkedHashMap<>();
      value.put(key, readValue(data));
      rows.add(new PivotRow(value, data.readLong(), data.readLong(), data.readLong(), readTime(data),
          readTime(data), data.readLong(), null));
    }
    return new SummaryFile(key, new Stamp(database, evidence), complete, rows);
  }

  /** Returns true when {@code value} is of a type the file keeps exactly (what DuckDB returns for the keys' columns). */
  static boolean storable(Object value) {
    return value == null || value instanceof String || value instanceof Long || value instanceof Integer
        || value instanceof Boolean;
  }

  private static void writeValue(DataOutputStream out, Object value) throws IOException {
    if (value == null) {
      out.writeByte(0);
    } else if (value instanceof String s) {
      out.writeByte(1);
      out.writeInt(s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c >= 0x01 && c <= 0x7f) {
          out.writeByte(c);
        } else if (c <= 0x7ff) {
          out.writeByte(0xc0 | c >> 6);
          out.writeByte(0x80 | c & 0x3f);
        } else {
          out.writeByte(0xe0 | c >> 12);
          out.writeByte(0x80 | c >> 6 & 0x3f);
          out.writeByte(0x80 | c & 0x3f);
        }
      }
    } else if (value instanceof Long l) {
      out.writeByte(2);
      out.writeLong(l);
    } else if (value instanceof Integer n) {
      out.writeByte(3);
      out.writeInt(n);
    } else if (value instanceof Boolean b) {
      out.writeByte(4);
      out.writeBoolean(b);
    } else {
      throw new IllegalArgumentException("a pivot summary cannot keep a " + value.getClass().getName());
    }
  }

  private static Object readValue(DataInputStream in) throws IOException {
    byte tag = in.readByte();
    switch (tag) {
      case 0:
        return null;
      case 1:
        char[] chars = new char[in.readInt()];
        for (int i = 0; i < chars.length; i++) {
          int b = in.readUnsignedByte();
          if (b < 0x80) {
            chars[i] = (char) b;
          } else if (b < 0xe0) {
            chars[i] = (char) ((b & 0x1f) << 6 | in.readUnsignedByte() & 0x3f);
          } else {
            chars[i] = (char) ((b & 0x0f) << 12 | (in.readUnsignedByte() & 0x3f) << 6 | in.readUnsignedByte() & 0x3f);
          }
        }
        return new String(chars);
      case 2:
        return in.readLong();
      case 3:
        return in.readInt();
      case 4:
        return in.readBoolean();
      default:
        throw new IOException("unknown value tag " + tag);
    }
  }

  /** Writes an instant as the epoch microseconds the pivot's SQL returns ({@code epoch_us}), or none. */
  private static void writeTime(DataOutputStream out, Instant t) throws IOException {
    out.writeBoolean(t != null);
    if (t != null) {
      out.writeLong(ChronoUnit.MICROS.between(Instant.EPOCH, t));
    }
  }

  private static Instant readTime(DataInputStream in) throws IOException {
    return in.readBoolean() ? Instant.EPOCH.plus(in.readLong(), ChronoUnit.MICROS) : null;
  }
}
