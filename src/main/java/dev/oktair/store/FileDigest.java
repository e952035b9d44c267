package dev.oktair.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One pass over an evidence file: its SHA-256, and a checksum of where its lines fall (the sum of
 * line number times line length, each term modulo a prime) that the loaded rows must reproduce,
 * so a reader that numbered lines out of order cannot go unnoticed.
 *
 * @param sha256 lowercase hex SHA-256 of the file
 * @param positions the line-position checksum
 */
record FileDigest(String sha256, long positions) {
  /** The modulus of each term; the SQL side uses the same. */
  static final long PRIME = 1_000_000_007L;

  static FileDigest of(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      long line = 1;
      long length = 0;
      long positions = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        sha.update(buf, 0, n);
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            positions += (line++ * length) % PRIME;
            length = 0;
          } else {
            length++;
          }
        }
      }
      return new FileDigest(HexFormat.of().formatHex(sha.digest()), positions);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
