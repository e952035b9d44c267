package dev.oktair.downstream;

import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Connector settings per service provider, layered: the file ({@code ~/.okta-ir/downstream.yaml},
 * one map per SP), then environment variables {@code OKTAIR_<SP>_<SETTING>} (e.g.
 * {@code OKTAIR_GRAPH_CLIENT_SECRET}). Validated before any call (an SP with any setting must have
 * all it needs), then frozen; secrets print as {@code <masked>} and are never written anywhere.
 * Immutable and thread-safe.
 */
public final class DownstreamConfig {
  /** Returns the default settings file under {@code home}: {@code ~/.okta-ir/downstream.yaml}. */
  public static Path defaultFile(Path home) {
    return home.resolve(".okta-ir").resolve("downstream.yaml");
  }
  private static final String MASK = "<masked>";

  private final Map<Sp, Map<String, String>> settings;

  private DownstreamConfig(Map<Sp, Map<String, String>> settings) {
    this.settings = settings;
  }

  /** Returns a configuration with no SP configured. */
  public static DownstreamConfig none() {
    return new DownstreamConfig(Map.of());
  }

  /**
   * Loads and validates the settings from {@code file} (absent is fine) and {@code env}.
   *
   * @throws OktaIrException of kind CONFIG naming the exact setting that is missing or wrong
   */
  public static DownstreamConfig load(Path file, Map<String, String> env) {
    Map<Sp, Map<String, String>> out = new TreeMap<>();
    if (file != null && Files.isRegularFile(file)) {
      JsonNode root;
      try {
        root = new YAMLMapper().readTree(Files.readString(file));
      } catch (IOException | RuntimeException e) {
        // the parser's message may quote a secret from the file: name the file only
        throw new OktaIrException(Kind.CONFIG, "cannot read the downstream settings file " + file);
      }
      for (Sp sp : Sp.values()) {
        JsonNode m = root == null ? null : root.get(sp.id());
        if (m != null && m.isObject()) {
          for (String key : sp.keys()) {
            if (m.hasNonNull(key)) {
              out.computeIfAbsent(sp, k -> new LinkedHashMap<>()).put(key, m.get(key).asString());
            }
          }
        }
      }
    }
    for (Sp sp : Sp.values()) {
      for (String key : sp.keys()) {
        String v = env.get(envName(sp, key));
        if (v != null && !v.isBlank()) {
          out.computeIfAbsent(sp, k -> new LinkedHashMap<>()).put(key, v.trim());
        }
      }
    }
    out.forEach(DownstreamConfig::validate);
    Map<Sp, Map<String, String>> frozen = new TreeMap<>();
    out.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
    return new DownstreamConfig(Map.copyOf(frozen));
  }

  /** Returns the environment variable for {@code key} of {@code sp}, e.g. {@code OKTAIR_GRAPH_CLIENT_SECRET}. */
  static String envName(Sp sp, String key) {
    return "OKTAIR_" + sp.id().toUpperCase(Locale.ROOT) + "_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  /** Returns the SPs with settings (short names). */
  public Set<String> configured() {
    Set<String> s = new java.util.TreeSet<>();
    settings.keySet().forEach(sp -> s.add(sp.id()));
    return s;
  }

  Map<Sp, Map<String, String>> settings() {
    return settings;
  }

  String get(Sp sp, String key) {
    return settings.getOrDefault(sp, Map.of()).get(key);
  }

  /** Returns every setting with secrets as {@code <masked>}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    settings.forEach((sp, m) -> {
      sb.append(sp.id()).append(':');
      m.forEach((k, v) -> sb.append(' ').append(k).append('=').append(sp.secret(k) ? MASK : v));
      sb.append('\n');
    });
    return sb.length() == 0 ? "no downstream connectors configured" : sb.toString().strip();
  }

  private static void validate(Sp sp, Map<String, String> m) {
    for (String key : sp.required()) {
      if (!m.containsKey(key)) {
        throw new OktaIrException(Kind.CONFIG, "downstream " + sp.id() + ": " + key + " (" + envName(sp, key)
            + ") is missing; every " + sp.id() + " setting is needed once one is given");
      }
    }
    if (sp == Sp.GRAPH && !m.containsKey("clientSecret") && !(m.containsKey("privateKey") && m.containsKey("certificate"))) {
      throw new OktaIrException(Kind.CONFIG, "downstream graph: give clientSecret (OKTAIR_GRAPH_CLIENT_SECRET), or privateKey"
          + " and certificate (OKTAIR_GRAPH_PRIVATE_KEY, OKTAIR_GRAPH_CERTIFICATE) for a certificate credential");
    }
    m.forEach((key, value) -> {
      if (key.toLowerCase(Locale.ROOT).endsWith("endpoint") || key.endsWith("Url")) {
        URI u;
        try {
          u = URI.create(value);
        } catch (IllegalArgumentException e) {
          throw new OktaIrException(Kind.CONFIG, "downstream " + sp.id() + ": " + key + " is not a URL");
        }
        boolean loopback = "127.0.0.1".equals(u.getHost()) || "localhost".equals(u.getHost());
        if (!"https".equals(u.getScheme()) && !("http".equals(u.getScheme()) && loopback)) {
          throw new OktaIrException(Kind.CONFIG, "downstream " + sp.id() + ": " + key
              + " must be https (plain http only on loopback, for the simulator): " + value);
        }
      }
      if (key.equals("privateKey")) {
        Keys.rsaPrivate(value, sp.id() + " " + key);
      }
      if (key.equals("certificate")) {
        Keys.certificate(value, sp.id() + " " + key);
      }
    });
  }
}
