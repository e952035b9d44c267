package dev.oktair.sim;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * MFA factors: list, read, and unenrol ({@code DELETE /users/{userId}/factors/{factorId}}), which
 * for Okta Verify (push, signed_nonce, Okta totp) removes all of the user's Okta Verify factors,
 * as Okta does. Each removal writes {@code user.mfa.factor.deactivate}.
 */
final class FactorsRoute implements Router.Routes {
  private static final Set<String> OKTA_VERIFY = Set.of("push", "signed_nonce");
  private static final Map<String, String> LOG_NAMES = Map.ofEntries(
      Map.entry("sms", "SMS_FACTOR"),
      Map.entry("call", "CALL_FACTOR"),
      Map.entry("email", "EMAIL_FACTOR"),
      Map.entry("push", "OKTA_VERIFY_PUSH"),
      Map.entry("signed_nonce", "SIGNED_NONCE"),
      Map.entry("webauthn", "FIDO_WEBAUTHN"),
      Map.entry("u2f", "FIDO_U2F"),
      Map.entry("question", "SECURITY_QUESTION"),
      Map.entry("token:hardware", "YUBIKEY_TOKEN"),
      Map.entry("token:hotp", "HOTP_TOKEN"),
      Map.entry("token", "RSA_SECURID"),
      Map.entry("web", "DUO_SECURITY"));

  private final Tenant tenant;
  private final AdminEvents events;

  FactorsRoute(Tenant tenant, AdminEvents events) {
    this.tenant = tenant;
    this.events = events;
  }

  @Override
  public void register(Router router) {
    router.get("/api/v1/users/{userId}/factors", "okta.users.read", this::list);
    router.get("/api/v1/users/{userId}/factors/{factorId}", "okta.users.read", r -> Response.ok(factor(r)));
    router.delete("/api/v1/users/{userId}/factors/{factorId}", "okta.users.manage", this::delete);
  }

  private Response list(Request r) {
    ObjectNode user = tenant.requireUser(r.param("userId"));
    return Paging.all(new ArrayList<>(Tenant.children(tenant.factors, user.path("id").asString())));
  }

  private ObjectNode factor(Request r) {
    ObjectNode user = tenant.requireUser(r.param("userId"));
    ObjectNode f = tenant.factors.getOrDefault(user.path("id").asString(), Map.of()).get(r.param("factorId"));
    if (f == null) {
      throw ApiException.notFound(r.param("factorId"), "UserFactor");
    }
    return f;
  }

  private Response delete(Request r) {
    ObjectNode user = tenant.requireUser(r.param("userId"));
    if ("DEPROVISIONED".equals(user.path("status").asString())) {
      throw ApiException.validation("unenrollFactor", "Cannot unenroll factors of a deactivated user");
    }
    ObjectNode target = factor(r);
    boolean oktaVerify = isOktaVerify(target);
    List<SimEvent> emitted = new ArrayList<>();
    Map<String, ObjectNode> factors = tenant.factors.get(user.path("id").asString());
    for (Iterator<ObjectNode> it = factors.values().iterator(); it.hasNext(); ) {
      ObjectNode f = it.next();
      if (f == target || (oktaVerify && isOktaVerify(f))) {
        it.remove();
        emitted.add(events.forUser(AdminEvents.Kind.FACTOR_DEACTIVATE, r, user)
            .target(f.path("id").asString(), "AuthenticatorEnrollment", "unknown", displayName(f))
            .result("SUCCESS", "User reset " + logName(f) + " factor"));
      }
    }
    events.publish(emitted);
    return Response.noContent();
  }

  private static boolean isOktaVerify(ObjectNode f) {
    String type = f.path("factorType").asString("");
    return OKTA_VERIFY.contains(type)
        || ("token:software:totp".equals(type) && "OKTA".equals(f.path("provider").asString()));
  }

  /** Returns the factor's name as Okta writes it in outcome reasons (SMS_FACTOR, FIDO_WEBAUTHN, ...). */
  static String logName(ObjectNode f) {
    String type = f.path("factorType").asString("");
    if ("token:software:totp".equals(type)) {
      return "GOOGLE".equals(f.path("provider").asString()) ? "GOOGLE_OTP" : "OKTA_SOFT_TOKEN";
    }
    return LOG_NAMES.getOrDefault(type, type.toUpperCase(Locale.ROOT).replace(':', '_'));
  }

  private static String displayName(ObjectNode f) {
    String vendor = f.path("vendorName").asString("");
    return vendor.isEmpty() ? logName(f) : vendor + " " + f.path("factorType").asString("");
  }
}
