package dev.oktair.contain;

import java.util.Objects;

/**
 * What an action changes, as a reviewer reads it.
 *
 * @param type e.g. {@code user}, {@code factor}, {@code grant}, {@code apiToken}, {@code zone}
 * @param id the object's id ({@code parent/child} for nested objects)
 * @param display a human name (login, factor type and device, token name); may quote attacker input
 */
public record Target(String type, String id, String display) {
  public Target {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    display = display == null ? id : display;
  }
}
