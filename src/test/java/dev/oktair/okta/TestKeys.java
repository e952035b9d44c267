package dev.oktair.okta;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/** Keys for tests, made once per JVM, as PEM text in the forms admins have. */
final class TestKeys {
  static final KeyPair RSA = generate("RSA", null);
  static final KeyPair EC = generate("EC", "secp256r1");

  private TestKeys() {}

  static String pkcs8Pem(KeyPair pair) {
    return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
  }

  /** Returns the RSA key as PKCS#1 ("BEGIN RSA PRIVATE KEY"): the OCTET STRING inside PKCS#8. */
  static String pkcs1Pem(KeyPair rsa) {
    byte[] der = rsa.getPrivate().getEncoded();
    int i = skipHeader(der, 0); // SEQUENCE
    i += 3; // INTEGER 0
    i = skipHeader(der, i) + 13; // AlgorithmIdentifier body (13 bytes for rsaEncryption + NULL)
    int start = skipHeader(der, i); // OCTET STRING
    return pem("RSA PRIVATE KEY", Arrays.copyOfRange(der, start, der.length));
  }

  private static int skipHeader(byte[] der, int at) {
    int len = der[at + 1] & 0xff;
    return at + 2 + (len < 0x80 ? 0 : len & 0x7f);
  }

  static String pem(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + label + "-----\n";
  }

  private static KeyPair generate(String alg, String curve) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(alg);
      if (curve != null) {
        g.initialize(new ECGenParameterSpec(curve));
      } else {
        g.initialize(2048);
      }
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
