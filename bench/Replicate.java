import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Writes a real-shaped benchmark file (not a test; run as {@code java bench/Replicate.java IN OUT MB}):
 * the real events of IN copied until OUT holds about MB * 10^6 bytes, each copy with a fresh uuid,
 * published time and client IP (every occurrence of the event's client IP in its line, so the IP
 * chain stays consistent), everything else byte for byte as Okta wrote it. Seeded: the same
 * arguments give the same file.
 */
public final class Replicate {
  public static void main(String[] args) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    Path out = Path.of(args[1]);
    long target = Long.parseLong(args[2]) * 1_000_000L;
    Random random = new Random(14);
    DateTimeFormatter okta = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    LocalDateTime start = LocalDateTime.of(2026, 1, 1, 0, 0);
    long written = 0;
    long n = 0;
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
      while (written < target) {
        for (String line : lines) {
          if (line.isBlank()) {
            continue;
          }
          String uuid = new UUID(random.nextLong(), random.nextLong()).toString();
          String ip = (11 + random.nextInt(200)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
              + (1 + random.nextInt(254));
          String published = okta.format(start.plusNanos(n * 37_000_000L));
          String copy = replaceValue(line, "\"uuid\"", uuid);
          copy = replaceValue(copy, "\"published\"", published);
          String oldIp = valueOf(copy, "\"ipAddress\"");
          if (oldIp != null && !oldIp.isEmpty()) {
            copy = copy.replace("\"" + oldIp + "\"", "\"" + ip + "\"");
          }
          byte[] b = (copy + "\n").getBytes(StandardCharsets.UTF_8);
          os.write(b);
          written += b.length;
          n++;
        }
      }
    }
    System.out.println(n);
  }

  /** The string value after {@code key} (first occurrence), or null. */
  private static String valueOf(String line, String key) {
    int k = line.indexOf(key + ":");
    if (k < 0) {
      return null;
    }
    int open = line.indexOf('"', k + key.length() + 1);
    int close = line.indexOf('"', open + 1);
    return open < 0 || close < 0 ? null : line.substring(open + 1, close);
  }

  private static String replaceValue(String line, String key, String value) {
    int k = line.indexOf(key + ":");
    if (k < 0) {
      return line;
    }
    int open = line.indexOf('"', k + key.length() + 1);
    int close = line.indexOf('"', open + 1);
    return line.substring(0, open + 1) + value + line.substring(close);
  }
}
