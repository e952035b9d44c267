package dev.oktair.sim.scenario;

import dev.oktair.sim.SimEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The materialised tenant while a scenario runs: people, devices, factors, groups, apps,
 * assignments and credentials, mutable as steps change them. {@link TenantJson} renders it as
 * the Management API would. Not thread-safe.
 */
final class Model {
  private Model() {}

  /** A concrete source of requests: one address on one network, at one place. */
  record Origin(String ip, ScenarioSpec.Network net, SimEvent.Place place) {
    boolean proxy() {
      return Boolean.TRUE.equals(net.isProxy());
    }
  }

  /** One device of one person (or attacker): its browser, OIE device record and fingerprints. */
  record Device(ScenarioSpec.DeviceProfile profile, String oieId, String name, String dtHash, String fingerprint) {
    boolean registered() {
      return !Boolean.FALSE.equals(profile.registered());
    }

    boolean mobile() {
      return "phone".equals(profile.kind());
    }
  }

  /** A user: identity, habits (home, office, devices) and lifecycle timestamps. */
  static final class Person {
    final String id;
    final String login;
    final String firstName;
    final String lastName;
    final String department;
    final String title;
    final Instant created;
    final Origin home;
    final Origin office;
    final Origin cellular;
    final Device laptop;
    final Device phone;
    final String passwordEnrollmentId;
    final String appUserSeed;
    final List<Factor> factors = new ArrayList<>();
    final List<Role> roles = new ArrayList<>();
    Instant passwordChanged;
    Instant lastLogin;
    Instant lastUpdated;
    /** When someone else changed the password: the person's own sign-ins fail from then on. */
    Instant passwordLostAt;

    Person(String id, String login, String firstName, String lastName, String department, String title,
        Instant created, Origin home, Origin office, Origin cellular, Device laptop, Device phone,
        String passwordEnrollmentId, String appUserSeed) {
      this.id = id;
      this.login = login;
      this.firstName = firstName;
      this.lastName = lastName;
      this.department = department;
      this.title = title;
      this.created = created;
      this.home = home;
      this.office = office;
      this.cellular = cellular;
      this.laptop = laptop;
      this.phone = phone;
      this.passwordEnrollmentId = passwordEnrollmentId;
      this.appUserSeed = appUserSeed;
      this.passwordChanged = created;
      this.lastUpdated = created;
    }

    String displayName() {
      return firstName + " " + lastName;
    }

    /** Returns the factors usable at {@code at}, in enrolment order. */
    List<Factor> activeFactors(Instant at) {
      List<Factor> out = new ArrayList<>();
      for (Factor f : factors) {
        if (f.activeAt(at)) {
          out.add(f);
        }
      }
      return out;
    }

    Factor activeFactor(String type, Instant at) {
      for (Factor f : factors) {
        if (f.kind.equals(type) && f.activeAt(at)) {
          return f;
        }
      }
      return null;
    }
  }

  /** Factor kinds a scenario names, with Okta's API type, provider, id prefix and log names. */
  enum FactorKind {
    PUSH("push", "push", "OKTA", "opf", "OKTA_VERIFY_PUSH", "Okta Verify", "PUSH"),
    TOTP("totp", "token:software:totp", "OKTA", "ost", "OKTA_SOFT_TOKEN", "Okta Verify", "OTP"),
    SMS("sms", "sms", "OKTA", "mbl", "SMS_FACTOR", "Phone", "SMS"),
    WEBAUTHN("webauthn", "webauthn", "FIDO", "fwf", "FIDO_WEBAUTHN", "Security Key or Biometric", "WEBAUTHN");

    final String key;
    final String apiType;
    final String provider;
    final String idPrefix;
    final String logName;
    final String authenticator;
    final String method;

    FactorKind(String key, String apiType, String provider, String idPrefix, String logName,
        String authenticator, String method) {
      this.key = key;
      this.apiType = apiType;
      this.provider = provider;
      this.idPrefix = idPrefix;
      this.logName = logName;
      this.authenticator = authenticator;
      this.method = method;
    }

    static FactorKind of(String key) {
      for (FactorKind k : values()) {
        if (k.key.equals(key)) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown factor '" + key + "' (push, totp, sms, webauthn)");
    }
  }

  /** An enrolled factor; {@code removed} is set when it is deactivated. */
  static final class Factor {
    final String id;
    final String kind;
    final FactorKind type;
    final Person owner;
    final Instant created;
    final String phone;
    final Device device;
    final boolean rogue;
    Instant removed;

    Factor(String id, FactorKind type, Person owner, Instant created, String phone, Device device, boolean rogue) {
      this.id = id;
      this.kind = type.key;
      this.type = type;
      this.owner = owner;
      this.created = created;
      this.phone = phone;
      this.device = device;
      this.rogue = rogue;
    }

    boolean activeAt(Instant at) {
      return !created.isAfter(at) && (removed == null || removed.isAfter(at));
    }
  }

  /** An admin role assignment. */
  record Role(String id, String type, Instant created) {}

  /** An app instance (and for OIDC apps its OAuth client, same id). */
  record App(ScenarioSpec.AppSpec spec, String id, Instant created) {
    String label() {
      return spec.label();
    }

    boolean oidc() {
      return spec.oauth() != null;
    }
  }

  /** A group and when each member joined. */
  static final class Group {
    final ScenarioSpec.GroupSpec spec;
    final String id;
    final Instant created;
    final Map<Person, Instant> members = new LinkedHashMap<>();
    Instant lastMembershipUpdated;

    Group(ScenarioSpec.GroupSpec spec, String id, Instant created) {
      this.spec = spec;
      this.id = id;
      this.created = created;
      this.lastMembershipUpdated = created;
    }

    String name() {
      return spec.name();
    }
  }

  /** A user's assignment to an app: directly ({@code USER}) or through a group. */
  static final class Assignment {
    final App app;
    final Person user;
    final Group viaGroup;
    final Instant created;
    final String eventId;
    /** Set when the attacker made it: the victim does not know it is there. */
    final boolean rogue;

    Assignment(App app, Person user, Group viaGroup, Instant created, String eventId, boolean rogue) {
      this.app = app;
      this.user = user;
      this.viaGroup = viaGroup;
      this.created = created;
      this.eventId = eventId;
      this.rogue = rogue;
    }

    String scope() {
      return viaGroup == null ? "USER" : "GROUP";
    }
  }

  /** One consented scope of one user for one OAuth client. */
  record Grant(String id, Person user, App client, String scope, String scopeId, Instant created, boolean rogue) {}

  /** A refresh token a user holds for a client. */
  static final class RefreshToken {
    final String id;
    final Person user;
    final App client;
    final List<String> scopes;
    final Instant created;
    final boolean rogue;
    Instant lastUpdated;

    RefreshToken(String id, Person user, App client, List<String> scopes, Instant created, boolean rogue) {
      this.id = id;
      this.user = user;
      this.client = client;
      this.scopes = List.copyOf(scopes);
      this.created = created;
      this.rogue = rogue;
      this.lastUpdated = created;
    }
  }

  /** An SSWS API token. */
  record ApiToken(String id, String name, Person creator, Instant created, String network, boolean rogue) {}

  /** A policy and its rules, ids assigned. */
  record Policy(ScenarioSpec.PolicySpec spec, String id, Instant created, List<Rule> rules) {}

  /** A policy rule, id assigned. */
  record Rule(ScenarioSpec.RuleSpec spec, String id, int priority) {}
}
