package dev.oktair.contain;

import dev.oktair.downstream.Connector;
import dev.oktair.okta.Management;
import java.util.Map;
import java.util.Objects;

/**
 * Where actions take effect: the org's Management API and the downstream connectors by SP name.
 * Thread-safe when its parts are.
 */
public final class Effects {
  private final Management okta;
  private final Map<String, Connector> connectors;

  /** Returns effects on {@code okta} and the downstream {@code connectors} (by {@link Connector#sp()}). */
  public Effects(Management okta, Map<String, Connector> connectors) {
    this.okta = Objects.requireNonNull(okta, "okta");
    this.connectors = Map.copyOf(connectors);
  }

  Management okta() {
    return okta;
  }

  Connector connector(String sp) {
    return connectors.get(sp);
  }
}
