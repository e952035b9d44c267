package dev.oktair.okta;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;

/**
 * Reads the service app's private key: PKCS#8 PEM ({@code BEGIN PRIVATE KEY}, RSA or EC),
 * PKCS#1 PEM ({@code BEGIN RSA PRIVATE KEY}), or a private JWK as the Admin Console generates it.
 * Error messages never quote the key.
 */
final class PrivateKeys {
  /** The DER of AlgorithmIdentifier{rsaEncryption, NULL}, to wrap PKCS#1 keys as PKCS#8. */
  private static final byte[] RSA_ALGORITHM_ID = {
    0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
  };

  private PrivateKeys() {}

  /**
   * A key that signs client assertions.
   *
   * @param key the private key
   * @param algorithm RS256 for RSA, ES256/ES384/ES512 by EC curve size
   * @param keyId the JWK's {@code kid}, or null
   */
  record SigningKey(PrivateKey key, JWSAlgorithm algorithm, String keyId) {}

  /**
   * Parses PEM or JWK text.
   *
   * @param from where it came from, for the message
   * @throws OktaConfigException saying which forms are accepted (never quoting the key)
   */
  static SigningKey parse(String text, String from) {
    String t = text.trim();
    try {
      if (t.startsWith("{")) {
        return fromJwk(JWK.parse(t), from);
      }
      if (t.contains("-----BEGIN PRIVATE KEY-----")) {
        return fromPkcs8(pemBody(t, "PRIVATE KEY"));
      }
      if (t.contains("-----BEGIN RSA PRIVATE KEY-----")) {
        return fromPkcs8(wrapPkcs1(pemBody(t, "RSA PRIVATE KEY")));
      }
    } catch (ParseException | JOSEException | GeneralSecurityException | IllegalArgumentException e) {
      // No cause: a parser's message may quote the key, and --verbose prints the causes.
      throw new OktaConfigException(
          from + " is not a readable private key (" + e.getClass().getSimpleName()
              + "): give an unencrypted PKCS#8 PEM, a PKCS#1 RSA PEM, or a private JWK");
    }
    String hint = t.contains("ENCRYPTED") || t.contains("EC PRIVATE KEY")
        ? " (convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem)"
        : "";
    throw new OktaConfigException(
        from + " is not an unencrypted PKCS#8 PEM, a PKCS#1 RSA PEM or a private JWK" + hint);
  }

  private static SigningKey fromJwk(JWK jwk, String from) throws JOSEException {
    if (!jwk.isPrivate()) {
      throw new OktaConfigException(from + " is a public JWK: the service app's private key is needed");
    }
    if (jwk instanceof RSAKey rsa) {
      return new SigningKey(rsa.toRSAPrivateKey(), JWSAlgorithm.RS256, jwk.getKeyID());
    }
    if (jwk instanceof ECKey ec) {
      ECPrivateKey key = ec.toECPrivateKey();
      return new SigningKey(key, ecAlgorithm(key), jwk.getKeyID());
    }
    throw new OktaConfigException(from + " is a " + jwk.getKeyType() + " JWK: use an RSA or EC key");
  }

  private static SigningKey fromPkcs8(byte[] der) throws GeneralSecurityException {
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    try {
      return new SigningKey(KeyFactory.getInstance("RSA").generatePrivate(spec), JWSAlgorithm.RS256, null);
    } catch (GeneralSecurityException notRsa) {
      ECPrivateKey ec = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(spec);
      return new SigningKey(ec, ecAlgorithm(ec), null);
    }
  }

  private static JWSAlgorithm ecAlgorithm(ECPrivateKey key) {
    int bits = key.getParams().getCurve().getField().getFieldSize();
    return bits <= 256 ? JWSAlgorithm.ES256 : bits <= 384 ? JWSAlgorithm.ES384 : JWSAlgorithm.ES512;
  }

  private static byte[] pemBody(String pem, String label) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = pem.indexOf(begin) + begin.length();
    int to = pem.indexOf(end, from);
    if (to < 0) {
      throw new IllegalArgumentException("no " + end + " line");
    }
    return Base64.getMimeDecoder().decode(pem.substring(from, to));
  }

  /** Wraps a PKCS#1 RSAPrivateKey as PKCS#8 PrivateKeyInfo{version 0, rsaEncryption, key}. */
  private static byte[] wrapPkcs1(byte[] pkcs1) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(RSA_ALGORITHM_ID);
    body.writeBytes(derHeader(0x04, pkcs1.length));
    body.writeBytes(pkcs1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(derHeader(0x30, body.size()));
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static byte[] derHeader(int tag, int length) {
    if (length < 0x80) {
      return new byte[] {(byte) tag, (byte) length};
    }
    int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
    byte[] h = new byte[2 + bytes];
    h[0] = (byte) tag;
    h[1] = (byte) (0x80 | bytes);
    for (int i = 0; i < bytes; i++) {
      h[2 + i] = (byte) (length >>> (8 * (bytes - 1 - i)));
    }
    return h;
  }
}
