package dev.oktair.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

/**
 * The OAuth service app's key pair: loaded from {@code <dir>/service-app.pem} when it exists (so
 * a restarted simulator keeps working with the same client config; RSA), else generated (RSA 2048
 * or EC P-256) and written there as PEM PKCS#8 readable by the owner only. Generated keys are
 * reused within one JVM (RSA generation is slow and tests start many simulators); the key is a
 * local fake.
 */
final class Keys {
  static final String FILE_NAME = "service-app.pem";
  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";
  private static final Map<SimulatorOptions.KeyType, KeyPair> SHARED = new EnumMap<>(SimulatorOptions.KeyType.class);

  private final PublicKey publicKey;
  private final Path pemPath;

  private Keys(PublicKey publicKey, Path pemPath) {
    this.publicKey = publicKey;
    this.pemPath = pemPath;
  }

  /** Loads the service app's key in {@code dir}, or creates one of {@code type} there. */
  static Keys in(Path dir, SimulatorOptions.KeyType type) {
    try {
      Files.createDirectories(dir);
      Path pem = dir.resolve(FILE_NAME);
      if (Files.exists(pem)) {
        return new Keys(publicKeyOf(read(pem)), pem);
      }
      KeyPair pair = sharedPair(type);
      write(pem, pair);
      return new Keys(pair.getPublic(), pem);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the service app key in " + dir, e);
    }
  }

  PublicKey publicKey() {
    return publicKey;
  }

  Path pemPath() {
    return pemPath;
  }

  private static synchronized KeyPair sharedPair(SimulatorOptions.KeyType type) {
    return SHARED.computeIfAbsent(type, t -> {
      try {
        KeyPairGenerator gen = KeyPairGenerator.getInstance(t == SimulatorOptions.KeyType.EC_P256 ? "EC" : "RSA");
        gen.initialize(t == SimulatorOptions.KeyType.EC_P256 ? 256 : 2048);
        return gen.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("RSA and EC are part of every JDK", e);
      }
    });
  }

  private static void write(Path pem, KeyPair pair) throws IOException {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(pair.getPrivate().getEncoded());
    String text = BEGIN + "\n" + body + "\n" + END + "\n";
    Files.deleteIfExists(pem);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(pem, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.writeString(pem, text, StandardCharsets.US_ASCII);
  }

  private static RSAPrivateCrtKey read(Path pem) throws IOException {
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    int from = text.indexOf(BEGIN);
    int to = text.indexOf(END);
    if (from < 0 || to < from) {
      throw new IOException(pem + " is not a PEM PKCS#8 private key");
    }
    byte[] der = Base64.getMimeDecoder().decode(text.substring(from + BEGIN.length(), to));
    try {
      return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IOException(pem + " does not hold an RSA private key", e);
    }
  }

  private static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) throws IOException {
    try {
      return (RSAPublicKey) KeyFactory.getInstance("RSA")
          .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot derive the public key", e);
    }
  }
}
