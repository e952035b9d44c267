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
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The OAuth service app's RSA 2048 key pair: loaded from {@code <dir>/service-app.pem} when it
 * exists (so a restarted simulator keeps working with the same client config), else generated
 * and written there as PEM PKCS#8 readable by the owner only. Generated keys are reused within
 * one JVM (generation is slow and tests start many simulators); the key is a local fake.
 */
final class Keys {
  static final String FILE_NAME = "service-app.pem";
  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";
  private static KeyPair shared;

  private final RSAPublicKey publicKey;
  private final Path pemPath;

  private Keys(RSAPublicKey publicKey, Path pemPath) {
    this.publicKey = publicKey;
    this.pemPath = pemPath;
  }

  /** Loads or creates the service app's key in {@code dir}. */
  static Keys in(Path dir) {
    try {
      Files.createDirectories(dir);
      Path pem = dir.resolve(FILE_NAME);
      if (Files.exists(pem)) {
        return new Keys(publicKeyOf(read(pem)), pem);
      }
      KeyPair pair = sharedPair();
      write(pem, pair);
      return new Keys((RSAPublicKey) pair.getPublic(), pem);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the service app key in " + dir, e);
    }
  }

  RSAPublicKey publicKey() {
    return publicKey;
  }

  Path pemPath() {
    return pemPath;
  }

  private static synchronized KeyPair sharedPair() {
    if (shared == null) {
      try {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        shared = gen.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("RSA is part of every JDK", e);
      }
    }
    return shared;
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
