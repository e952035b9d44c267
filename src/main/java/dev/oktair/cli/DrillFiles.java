package dev.oktair.cli;

import dev.oktair.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a running drill leaves the way to its scorecard: {@code ~/.okta-ir/drills/HOST_PORT.json}
 * (directory 0700, file 0600), holding the scoring URL and the drill's secret. Keyed by the org
 * URL, so {@code drill score} finds it from the same settings as every command; the secret never
 * goes to stdout, where the responder's exports are.
 */
final class DrillFiles {
  private DrillFiles() {}

  /** What {@code drill score} needs. */
  record Entry(URI scoreUrl, String secret) {}

  static Path path(Path home, URI orgUrl) {
    return home.resolve(".okta-ir").resolve("drills").resolve(orgUrl.getHost() + "_" + orgUrl.getPort() + ".json");
  }

  static Path write(Path home, URI orgUrl, URI scoreUrl, String secret) {
    Path file = path(home, orgUrl);
    try {
      Path dir = file.getParent();
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      Files.deleteIfExists(file);
      ObjectNode o = Json.MAPPER.createObjectNode().put("orgUrl", orgUrl.toString())
          .put("scoreUrl", scoreUrl.toString()).put("secret", secret);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, o.toString(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
      return file;
    } catch (FileAlreadyExistsException e) {
      throw new ExitException(ExitCode.CONFIG, "another drill is writing " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the drill file " + file + ": " + e.getMessage(), e);
    }
  }

  static Entry read(Path home, URI orgUrl) {
    Path file = path(home, orgUrl);
    if (!Files.isRegularFile(file)) {
      throw new ExitException(ExitCode.CONFIG, "no drill is running for " + orgUrl + " on this machine (looked for "
          + file + "); start one with 'okta-ir drill start' and use the org URL it printed");
    }
    try {
      JsonNode o = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
      URI scoreUrl = URI.create(o.path("scoreUrl").asString());
      // the secret only ever goes to the loopback scoring port a drill on this machine opened
      if (!"http".equals(scoreUrl.getScheme()) || !"127.0.0.1".equals(scoreUrl.getHost())) {
        throw new IllegalArgumentException("its scoring URL is not on 127.0.0.1");
      }
      return new Entry(scoreUrl, o.path("secret").asString());
    } catch (IOException | RuntimeException e) {
      throw new ExitException(ExitCode.CONFIG, "cannot read the drill file " + file + ": " + e.getMessage(), e);
    }
  }

  static void delete(Path home, URI orgUrl) {
    try {
      Files.deleteIfExists(path(home, orgUrl));
    } catch (IOException e) {
      // a stale file only makes a later score say no drill answers
    }
  }
}
