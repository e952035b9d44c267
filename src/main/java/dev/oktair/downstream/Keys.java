package dev.oktair.downstream;

import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads RSA private keys (PKCS#8 PEM, inline or a path) for JWT-bearer and certificate assertions. */
final class Keys {
  private Keys() {}

  /** Returns the X.509 certificate (PEM, inline or a path); errors name {@code what}. */
  static java.security.cert.X509Certificate certificate(String pemOrPath, String what) {
    String pem = read(pemOrPath, what);
    try {
      return (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
          .generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    } catch (java.security.cert.CertificateException | ClassCastException e) {
      throw new OktaIrException(Kind.CONFIG, "downstream " + what + ": not a readable X.509 PEM certificate");
    }
  }

  private static String read(String pemOrPath, String what) {
    if (pemOrPath.contains("-----BEGIN")) {
      return pemOrPath;
    }
    try {
      return Files.readString(Path.of(pemOrPath));
    } catch (IOException | RuntimeException e) {
      throw new OktaIrException(Kind.CONFIG, "downstream " + what + ": cannot read the file " + pemOrPath);
    }
  }

  /** Returns the key; errors name {@code what} and never quote the key or the parser's message. */
  static RSAPrivateKey rsaPrivate(String pemOrPath, String what) {
    String pem = read(pemOrPath, what);
    if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new OktaIrException(Kind.CONFIG, "downstream " + what + ": not a PKCS#8 PEM private key (BEGIN PRIVATE KEY)");
    }
    String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new OktaIrException(Kind.CONFIG, "downstream " + what + ": not a readable RSA private key");
    }
  }
}
