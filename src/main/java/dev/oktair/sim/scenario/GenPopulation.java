package dev.oktair.sim.scenario;

import static dev.oktair.sim.scenario.ByteSink.ascii;
import static dev.oktair.sim.scenario.ByteSink.jsonString;

import dev.oktair.events.Json;
import dev.oktair.sim.SimEvent;
import dev.oktair.sim.scenario.ScenarioSpec.AppSpec;
import dev.oktair.sim.scenario.ScenarioSpec.DeviceProfile;
import dev.oktair.sim.scenario.ScenarioSpec.Network;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The benchmark generator's population, drawn from a scenario spec at any size: users with
 * their places, devices and apps, and attacker infrastructure, each rendered once into the JSON
 * fragments events are stitched from. Fragments come from {@link SimEvent}, so generated events
 * have exactly the scenario's shape; nothing is serialised per event.
 */
final class GenPopulation {
  /** One request source of one user (or the attacker): its client, network and ip chain as JSON. */
  record Orig(byte[] clientPre, byte[] clientPost, byte[] security, byte[] request, byte[] device, byte[] dtHash,
      byte[] fingerprint, byte[] okta) {}

  /** A user and the ids their events refer to. */
  record User(byte[] id, byte[] actor, byte[] userTarget, byte[] appUserPre, byte[] appUserPost, Orig home, Orig office,
      Orig phone, byte[] passwordId, byte[] pushId, byte[] factorTarget, int[] apps) {}

  /** An app: its AppInstance target (with sign-on mode), SSO endpoint, token actor. */
  record GenApp(byte[] id, byte[] target, byte[] plainTarget, byte[] ssoUri, byte[] signOnMode, byte[] clientActor,
      byte[] clientId, boolean oidc) {}

  final List<User> users = new ArrayList<>();
  final List<GenApp> apps = new ArrayList<>();
  final List<Orig> attackers = new ArrayList<>();
  final List<byte[]> attackerIps = new ArrayList<>();
  final byte[] dashboardTarget;
  final byte[] dashboardClientId;
  final byte[] dashboardActor;
  final byte[] globalPolicyOffice;
  final byte[] globalPolicyRemote;
  final byte[] accessPolicy;
  final byte[] orgUrl;
  /** The UserGroup target of the group admins add people to. */
  final byte[] groupTarget;

  private final ScenarioSpec spec;
  private final Rand rand;
  private final Set<String> logins = new HashSet<>();
  private final Instant anchor;

  GenPopulation(ScenarioSpec spec, int userCount, long seed, Instant anchor) {
    this.spec = spec;
    this.rand = Rand.stream(seed, "generator-population");
    this.anchor = anchor;
    this.orgUrl = ascii("https://" + spec.org().oktaDomain());
    String dashId = "okta." + rand.uuid(anchor);
    this.dashboardClientId = ascii(jsonString(dashId));
    this.dashboardActor = ascii(principal(dashId, "PublicClientApp", dashId, "Okta Dashboard"));
    this.dashboardTarget = ascii(principal(rand.oktaId("0oa"), "AppInstance", "Okta Dashboard", "Okta Dashboard"));
    String global = rand.oktaId("00p");
    String access = rand.oktaId("00p");
    this.globalPolicyOffice = policy(global, "Default Policy", "OktaSignOn", rand.oktaId("0pr"), "Contoso office", "1FA");
    this.globalPolicyRemote = policy(global, "Default Policy", "OktaSignOn", rand.oktaId("0pr"), "Remote workers", "2FA");
    this.groupTarget = ascii(principal(rand.oktaId("00g"), "UserGroup", "unknown", "Engineering"));
    this.accessPolicy = policy(access, "Contoso app access", "Authentication", rand.oktaId("0pr"), "Any device with MFA", "2FA");
    for (AppSpec a : spec.apps()) {
      if (!a.builtIn()) {
        apps.add(app(a));
      }
    }
    for (int i = 0; i < userCount; i++) {
      users.add(user(i));
    }
    DeviceProfile browser = device("hosting-browser", null);
    for (Network n : spec.networks()) {
      if ("hosting".equals(n.kind())) {
        attackers.add(origin(n, n.ips().get(0), 0, browser, "attacker"));
        attackerIps.add(ascii(n.ips().get(0)));
      }
    }
  }

  private static String principal(String id, String type, String alternateId, String displayName) {
    return "{\"id\":" + jsonString(id) + ",\"type\":\"" + type + "\",\"alternateId\":" + jsonString(alternateId)
        + ",\"displayName\":" + jsonString(displayName) + ",\"detailEntry\":null}";
  }

  private static byte[] policy(String policyId, String name, String type, String ruleId, String rule, String mode) {
    return ascii("{\"id\":\"" + policyId + "\",\"type\":\"PolicyEntity\",\"alternateId\":\"unknown\",\"displayName\":"
        + jsonString(name) + ",\"detailEntry\":{\"policyType\":\"" + type + "\"}},{\"id\":\"" + ruleId
        + "\",\"type\":\"PolicyRule\",\"alternateId\":\"" + policyId + "\",\"displayName\":" + jsonString(rule)
        + ",\"detailEntry\":{\"policyType\":\"" + type + "\",\"policyRuleFactorMode\":\"" + mode + "\"}}");
  }

  private GenApp app(AppSpec a) {
    String id = rand.oktaId("0oa");
    String target = "{\"id\":\"" + id + "\",\"type\":\"AppInstance\",\"alternateId\":" + jsonString(a.label())
        + ",\"displayName\":" + jsonString(a.label()) + ",\"detailEntry\":{\"signOnModeType\":\"" + a.signOnMode() + "\"}}";
    String uri = switch (a.signOnMode()) {
      case "WS_FEDERATION" -> "/app/" + a.name() + "/" + id + "/sso/wsfed/passive";
      case "OPENID_CONNECT" -> "/oauth2/default/v1/authorize";
      default -> "/app/" + a.name() + "/" + id + "/sso/saml";
    };
    String mode = switch (a.signOnMode()) {
      case "WS_FEDERATION" -> "WS-Federation";
      case "OPENID_CONNECT" -> "OpenID Connect";
      default -> "SAML 2.0";
    };
    return new GenApp(ascii(id), ascii(target), ascii(principal(id, "AppInstance", a.label(), a.label())), ascii(uri),
        ascii(mode), ascii(principal(id, "PublicClientApp", id, a.label())), ascii(jsonString(id)), a.oauth() != null);
  }

  private User user(int i) {
    ScenarioSpec.Users us = spec.users();
    String first = rand.pick(us.firstNames());
    String last = rand.pick(us.lastNames());
    String local = (first + "." + last).toLowerCase(Locale.ROOT);
    String login = (logins.add(local) ? local : local + (i + 1)) + "@" + spec.org().domain();
    String name = first + " " + last;
    String id = rand.oktaId("00u");
    String dept = rand.weighted(departmentWeights());
    DeviceProfile laptop = device(rand.weighted(us.laptops()), null);
    DeviceProfile phone = device(rand.weighted(us.phones()), null);
    Network homeNet = network(rand.weighted(us.networks()));
    Network officeNet = kind("office");
    String homeIp = homeNet.prefix() + rand.between(1, 254) + "." + rand.between(2, 254);
    Orig home = origin(homeNet, homeIp, rand.nextInt(homeNet.places().size()), laptop, name);
    Orig office = origin(officeNet, rand.pick(officeNet.ips()), 0, laptop, name);
    Orig onPhone = origin(homeNet, homeIp, 0, phone, name);
    String pre = "{\"id\":\"0ua" + id.substring(3, 14);
    String post = "\",\"type\":\"AppUser\",\"alternateId\":" + jsonString(login) + ",\"displayName\":" + jsonString(name)
        + ",\"detailEntry\":null}";
    String push = rand.oktaId("opf");
    String factor = "{\"id\":\"" + push + "\",\"type\":\"AuthenticatorEnrollment\",\"alternateId\":\"unknown\","
        + "\"displayName\":\"Okta Verify\",\"detailEntry\":{\"methodTypeUsed\":\"PUSH\",\"methodUsedVerifiedProperties\":\"[USER_PRESENCE]\"}}";
    return new User(ascii(id), ascii(principal(id, "User", login, name)), ascii(principal(id, "User", login, name)),
        ascii(pre), ascii(post), home, office, onPhone, ascii(rand.oktaId("lae")), ascii(push), ascii(factor),
        appsOf(dept));
  }

  private java.util.Map<String, Integer> departmentWeights() {
    java.util.Map<String, Integer> w = new java.util.LinkedHashMap<>();
    spec.users().departments().forEach(d -> w.put(d.name(), d.weight()));
    return w;
  }

  /** Apps of everyone plus those of the department's group. */
  private int[] appsOf(String department) {
    List<Integer> out = new ArrayList<>();
    int i = 0;
    for (AppSpec a : spec.apps()) {
      if (a.builtIn()) {
        continue;
      }
      if (a.use() > 0 && (a.groups().contains("Everyone") || a.groups().contains(department))) {
        out.add(i);
      }
      i++;
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private DeviceProfile device(String key, DeviceProfile fallback) {
    for (DeviceProfile d : spec.devices()) {
      if (d.key().equals(key)) {
        return d;
      }
    }
    for (DeviceProfile d : spec.devices()) {
      if ("laptop".equals(d.kind()) && Boolean.FALSE.equals(d.registered())) {
        return d;
      }
    }
    return fallback == null ? spec.devices().get(0) : fallback;
  }

  private Network network(String key) {
    return spec.networks().stream().filter(n -> n.key().equals(key)).findFirst().orElseThrow();
  }

  private Network kind(String kind) {
    return spec.networks().stream().filter(n -> kind.equals(n.kind())).findFirst().orElseThrow();
  }

  /** Renders a source once through SimEvent and cuts it into the fragments events reuse. */
  private Orig origin(Network n, String ip, int place, DeviceProfile d, String owner) {
    SimEvent e = SimEvent.of("x", anchor, "x")
        .client(ip, d.userAgent(), d.os(), d.browser(), d.clientDevice(), TenantBuilder.place(n.places().get(place)));
    if (n.zone() != null && !"hosting".equals(n.kind())) {
      e.zone(n.zone());
    }
    e.network(n.asNumber(), n.asOrg(), n.isp(), n.domain(), Boolean.TRUE.equals(n.isProxy()));
    boolean registered = !Boolean.FALSE.equals(d.registered());
    if (registered) {
      String name = d.name() == null ? owner : d.name().replace("{n}", Integer.toString(1000 + rand.nextInt(9000)));
      e.device(rand.oktaId("guo"), name, d.platform(), d.osVersion(), d.managed());
    }
    ObjectNode json = e.toJson();
    String client = text(json.get("client"));
    int cut = client.indexOf("\"id\":null");
    // On a phone, Okta Verify's own user agent rides along in debugData (see Flows.sessionStart).
    byte[] okta = "phone".equals(d.kind()) ? ascii(",\"oktaUserAgentExtended\":"
        + jsonString("okta-devices-swift/1.6.0 OktaVerify/9.20.0 " + d.platform() + "/" + d.osVersion())) : null;
    return new Orig(ascii(client.substring(0, cut + 5)), ascii(client.substring(cut + 9)), ascii(text(json.get("securityContext"))),
        ascii(text(json.get("request"))), ascii(text(json.get("device"))), ascii(rand.hex(64)), ascii(rand.hex(32)), okta);
  }

  private static String text(JsonNode n) {
    return Json.MAPPER.writeValueAsString(n);
  }
}
