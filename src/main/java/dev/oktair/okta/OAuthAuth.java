package dev.oktair.okta;

import dev.oktair.http.Secret;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.oktair.events.Json;
import dev.oktair.http.Call;
import dev.oktair.http.HttpApi;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.net.http.HttpRequest;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * An OAuth 2.0 service app: gets access tokens from the org authorization server
 * ({@code POST /oauth2/v1/token}, client_credentials, private_key_jwt), caches each until shortly
 * before it expires, and switches to DPoP-bound tokens (with Okta's nonce handshake) when the org
 * asks for them. Token-endpoint errors become {@link OktaConfigException}s naming what to fix.
 * Thread-safe: one token fetch at a time.
 */
final class OAuthAuth implements Auth {
  static final String TOKEN_PATH = "/oauth2/v1/token";
  private static final Duration RENEW_BEFORE = Duration.ofMinutes(1);
  private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);

  private final OktaConfig config;
  private final URI tokenUrl;
  private final PrivateKeys.SigningKey key;
  private final Clock clock;
  private final DpopProofs dpop;
  private HttpApi api;
  private AccessToken token;
  private boolean dpopRequired;
  private String dpopNonce;

  /** A cached access token; {@code dpop} when it is DPoP-bound. */
  private record AccessToken(Secret value, boolean dpop, Instant renewAt) {}

  OAuthAuth(OktaConfig config, Clock clock) {
    this.config = config;
    this.tokenUrl = URI.create(config.orgUrl() + TOKEN_PATH);
    this.key = PrivateKeys.parse(config.privateKey().reveal(), "the private key");
    this.clock = clock;
    this.dpop = new DpopProofs(clock);
  }

  void useApi(HttpApi api) {
    this.api = api;
  }

  @Override
  public synchronized Collection<Secret> secrets() {
    return token == null ? List.of(config.privateKey()) : List.of(config.privateKey(), token.value());
  }

  @Override
  public void authorize(HttpRequest.Builder request, String method, URI uri) {
    AccessToken t = token();
    String value = t.value().reveal();
    if (t.dpop()) {
      request.header("Authorization", "DPoP " + value);
      request.header("DPoP", dpop.proof(method, uri, null, value));
    } else {
      request.header("Authorization", "Bearer " + value);
    }
  }

  @Override
  public synchronized boolean renewAfterUnauthorized() {
    token = null;
    return true;
  }

  @Override
  public String fixForUnauthorized() {
    return "Okta rejected the service app's access token: check that the app (client id "
        + config.clientId() + ") is active and that the org URL is right";
  }

  @Override
  public String fixForForbidden(String scope, boolean insufficientScope) {
    if (insufficientScope || scope != null && !config.scopes().contains(scope)) {
      String s = scope == null ? "the scope this endpoint needs" : "the scope " + scope;
      return "grant " + s + " to the service app (Admin Console > Applications > the app > Okta API Scopes)"
          + " and request it with --scopes or OKTA_CLIENT_SCOPES";
    }
    return "the service app's admin role does not allow this: assign it a role that does"
        + " (Admin Console > Applications > the app > Admin roles)";
  }

  private synchronized AccessToken token() {
    if (token == null || !clock.instant().isBefore(token.renewAt())) {
      token = fetch();
    }
    return token;
  }

  private AccessToken fetch() {
    boolean nonceRetried = false;
    while (true) {
      try {
        return request();
      } catch (OktaApiException e) {
        String error = e.errorCode() == null ? "" : e.errorCode();
        if (e.status() == 400 && error.equals("invalid_dpop_proof") && !dpopRequired) {
          dpopRequired = true;
        } else if (e.status() == 400 && error.equals("use_dpop_nonce") && !nonceRetried && e.header("DPoP-Nonce") != null) {
          dpopRequired = true;
          dpopNonce = e.header("DPoP-Nonce");
          nonceRetried = true;
        } else {
          throw asConfigProblem(e, error);
        }
      }
    }
  }

  private AccessToken request() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("scope", String.join(" ", config.scopes()));
    form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    form.put("client_assertion", clientAssertion());
    Auth proofOnly = dpopRequired ? new TokenRequestProof() : Auth.NONE;
    // a token request changes nothing: allowed in dry-run, and safe to send again
    Call call = new Call("POST", TOKEN_PATH, form(form), "application/x-www-form-urlencoded", true, proofOnly);
    OktaResponse r = OktaResponse.of(api.send(call));
    JsonNode body = r.json();
    String value = Json.text(body.get("access_token"));
    if (value == null) {
      throw new OktaException("the token endpoint answered without an access_token");
    }
    boolean bound = "DPoP".equalsIgnoreCase(Json.text(body.get("token_type")));
    long seconds = body.path("expires_in").asLong(3600);
    Instant renewAt = clock.instant().plusSeconds(seconds).minus(RENEW_BEFORE);
    return new AccessToken(Secret.of(value), bound, renewAt);
  }

  /** The token request's only header credential: a DPoP proof (with the nonce once known). */
  private final class TokenRequestProof implements Auth {
    @Override
    public void authorize(HttpRequest.Builder request, String method, URI uri) {
      request.header("DPoP", dpop.proof(method, uri, dpopNonce, null));
    }

    @Override
    public String fixForUnauthorized() {
      return Auth.NONE.fixForUnauthorized();
    }

    @Override
    public String fixForForbidden(String scope, boolean insufficientScope) {
      return Auth.NONE.fixForForbidden(scope, insufficientScope);
    }
  }

  /** Returns the form-encoded body of {@code fields}, in their order. */
  private static byte[] form(Map<String, String> fields) {
    StringBuilder sb = new StringBuilder();
    fields.forEach((k, v) -> {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    });
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private String clientAssertion() {
    Instant now = clock.instant();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(config.clientId())
        .subject(config.clientId())
        .audience(tokenUrl.toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
        .jwtID(UUID.randomUUID().toString())
        .build();
    JWSHeader header = new JWSHeader.Builder(key.algorithm()).keyID(key.keyId()).build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      JWSSigner signer = key.key() instanceof ECPrivateKey ec ? new ECDSASigner(ec) : new RSASSASigner(key.key());
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new OktaConfigException("cannot sign the client assertion with the private key (" + e.getClass().getSimpleName() + ")");
    }
    return jwt.serialize();
  }

  private OktaException asConfigProblem(OktaApiException e, String error) {
    String why = e.summary() == null ? error : error + ": " + e.summary();
    String fix = switch (error) {
      case "invalid_client" -> "check the client id (" + config.clientId() + ", --client-id or OKTA_CLIENT_CLIENTID)"
          + " and that the service app's registered public key matches the private key";
      case "invalid_scope" -> "grant the missing scope to the service app (Admin Console > Applications > the app"
          + " > Okta API Scopes), or request fewer with --scopes / OKTA_CLIENT_SCOPES";
      case "unauthorized_client" -> "the app must be an API Services app allowed the client_credentials grant";
      default -> e.status() >= 500 || e.status() == 429 ? null : "check the service app's configuration";
    };
    if (fix == null) {
      return e;
    }
    return new OktaConfigException("the org's token endpoint refused the service app (" + e.status() + " " + why
        + "). To fix: " + fix, e);
  }
}
