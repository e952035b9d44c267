package dev.oktair.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

class PrivateKeysTest {
  @Test
  void readsPkcs8RsaAndEc() {
    PrivateKeys.SigningKey rsa = PrivateKeys.parse(TestKeys.pkcs8Pem(TestKeys.RSA), "k");
    assertThat(rsa.algorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(rsa.key().getEncoded()).isEqualTo(TestKeys.RSA.getPrivate().getEncoded());
    PrivateKeys.SigningKey ec = PrivateKeys.parse(TestKeys.pkcs8Pem(TestKeys.EC), "k");
    assertThat(ec.algorithm()).isEqualTo(JWSAlgorithm.ES256);
  }

  @Test
  void readsPkcs1Rsa() {
    PrivateKeys.SigningKey rsa = PrivateKeys.parse(TestKeys.pkcs1Pem(TestKeys.RSA), "k");
    assertThat(rsa.key().getEncoded()).isEqualTo(TestKeys.RSA.getPrivate().getEncoded());
  }

  @Test
  void readsAPrivateJwkWithItsKeyId() {
    String jwk = new RSAKey.Builder((RSAPublicKey) TestKeys.RSA.getPublic())
        .privateKey(TestKeys.RSA.getPrivate()).keyID("kid-1").build().toJSONString();
    PrivateKeys.SigningKey key = PrivateKeys.parse(jwk, "k");
    assertThat(key.keyId()).isEqualTo("kid-1");
    assertThat(key.algorithm()).isEqualTo(JWSAlgorithm.RS256);
  }

  @Test
  void refusesPublicJwksEncryptedKeysAndGarbageWithoutQuotingThem() {
    String publicJwk = new RSAKey.Builder((RSAPublicKey) TestKeys.RSA.getPublic()).build().toJSONString();
    assertThatThrownBy(() -> PrivateKeys.parse(publicJwk, "OKTA_CLIENT_PRIVATEKEY"))
        .isInstanceOf(OktaConfigException.class).hasMessageContaining("public JWK");
    assertThatThrownBy(() -> PrivateKeys.parse("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----", "x"))
        .isInstanceOf(OktaConfigException.class).hasMessageContaining("openssl pkcs8");
    String garbage = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleS1ieXRlcw==\n-----END PRIVATE KEY-----";
    assertThatThrownBy(() -> PrivateKeys.parse(garbage, "--private-key k.pem"))
        .isInstanceOf(OktaConfigException.class)
        .hasMessageContaining("--private-key k.pem")
        .hasMessageNotContaining("c2VjcmV0");
  }

  @Test
  void aMalformedKeyIsQuotedByNoCauseEitherSinceVerboseStackTracesPrintThem() {
    for (String text : List.of(
        "{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\",\"d\":\"s3cretKeyMaterial\", oops}",
        "{\"kty\":\"RSA\",\"n\":\"s3cretKeyMaterial\",\"e\":\"AQAB\",\"d\":\"s3cretKeyMaterial\"}",
        "{\"kty\":\"EC\",\"crv\":\"s3cretKeyMaterial\",\"x\":\"AQAB\",\"y\":\"AQAB\",\"d\":\"AQAB\"}",
        "-----BEGIN PRIVATE KEY-----\ns3cretKeyMaterial\n-----END PRIVATE KEY-----")) {
      Throwable thrown = catchThrowable(() -> PrivateKeys.parse(text, "k"));
      assertThat(thrown).isInstanceOf(OktaConfigException.class);
      for (Throwable t = thrown; t != null; t = t.getCause()) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain("s3cret");
      }
    }
  }
}
