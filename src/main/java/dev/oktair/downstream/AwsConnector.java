package dev.oktair.downstream;

import dev.oktair.events.Json;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * AWS account federation: for each role in the app user's {@code samlRoles}, an inline policy that
 * denies everything to this user's role sessions ({@code aws:userid *:<RoleSessionName>}) issued
 * before now ({@code aws:TokenIssueTime}), read back with {@code GetRolePolicy} (SESSIONS). Only
 * this user's sessions, not every user of the role. The SDK keeps its own HTTP stack (SigV4), which
 * asks {@link SpHttp}'s dry-run flag before every request; its own retries are off.
 */
final class AwsConnector extends SpConnector {
  private final Clock clock;
  private IamClient iam;

  AwsConnector(DownstreamConfig config, SpHttp http, Clock clock) {
    super(Sp.AWS, config, http);
    this.clock = clock;
  }

  @Override
  Outcome step(Step step, SpIdentity who) {
    if (who.roles().isEmpty()) {
      return failed("the AWS app user of " + who.userName() + " lists no samlRoles: find the roles in CloudTrail and revoke by hand");
    }
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    String name = policyName(who.userName());
    String document = document(who.userName(), now);
    StringBuilder roles = new StringBuilder();
    int verified = 0;
    String requestId = null;
    try {
      for (String arn : who.roles()) {
        String role = arn.substring(arn.lastIndexOf('/') + 1);
        requestId = client().putRolePolicy(b -> b.roleName(role).policyName(name).policyDocument(document))
            .responseMetadata().requestId();
        String back = client().getRolePolicy(b -> b.roleName(role).policyName(name)).policyDocument();
        if (document.equals(URLDecoder.decode(back, StandardCharsets.UTF_8))) {
          verified++;
        }
        roles.append(roles.length() == 0 ? "" : ", ").append(role);
      }
    } catch (AwsServiceException e) {
      return failed("IAM refused (" + e.statusCode() + " " + e.awsErrorDetails().errorCode() + "): "
          + e.awsErrorDetails().errorMessage() + (roles.length() > 0 ? "; done before: " + roles : ""));
    } catch (SdkException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SpHttp.DryRun d) {
          throw d;
        }
      }
      return failed("IAM call failed: " + e.getClass().getSimpleName());
    }
    String detail = "aws: " + name + " denies sessions of *:" + who.userName() + " issued before " + now + " on " + roles;
    return verified == who.roles().size() ? verified(detail + " (read back)", requestId) : requested(detail, requestId);
  }

  /** Returns the revoke-older-sessions deny narrowed to this user's role session name. */
  static String document(String sessionName, String now) {
    ObjectNode doc = Json.MAPPER.createObjectNode().put("Version", "2012-10-17");
    ObjectNode st = doc.putObject("Statement").put("Effect", "Deny").put("Action", "*").put("Resource", "*");
    ObjectNode cond = st.putObject("Condition");
    cond.putObject("DateLessThan").put("aws:TokenIssueTime", now);
    cond.putObject("StringLike").put("aws:userid", "*:" + sessionName);
    return doc.toString();
  }

  /** Returns an IAM policy name for the user (letters, digits and +=,.@_- only; at most 128). */
  static String policyName(String sessionName) {
    String n = "OktaIrRevoke-" + sessionName.replaceAll("[^\\w+=,.@-]", "_");
    return n.length() > 128 ? n.substring(0, 128) : n;
  }

  private synchronized IamClient client() {
    if (iam == null) {
      SdkHttpClient guarded = new Guarded(UrlConnectionHttpClient.create(), http);
      var b = IamClient.builder().httpClient(guarded)
          .region(Region.of(setting("region", "aws-global")))
          .credentialsProvider(StaticCredentialsProvider.create(
              AwsBasicCredentials.create(setting("accessKeyId", ""), setting("secretAccessKey", ""))))
          .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
      String endpoint = setting("endpoint", null);
      if (endpoint != null) {
        b.endpointOverride(URI.create(endpoint));
      }
      iam = b.build();
    }
    return iam;
  }

  /** The SDK's HTTP client behind the one dry-run switch. */
  private static final class Guarded implements SdkHttpClient {
    private final SdkHttpClient delegate;
    private final SpHttp http;

    Guarded(SdkHttpClient delegate, SpHttp http) {
      this.delegate = delegate;
      this.http = http;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      http.guard(request.httpRequest().method().name(), request.httpRequest().getUri());
      return delegate.prepareRequest(request);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
