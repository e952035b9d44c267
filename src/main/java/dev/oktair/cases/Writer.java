package dev.oktair.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The process that writes a case: named in the case's lock file so that a second writer's error
 * says who holds the case, and in {@code case.json} as the version that last wrote it.
 *
 * @param pid the process id
 * @param command the okta-ir command it runs (collect, import, ...)
 * @param version the okta-ir version
 * @param started when it took the case
 */
public record Writer(long pid, String command, String version, Instant started) {
  public Writer {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(started, "started");
  }

  /** Returns this process running {@code command} of okta-ir {@code version}, starting now. */
  public static Writer current(String command, String version, Clock clock) {
    return new Writer(ProcessHandle.current().pid(), command, version, clock.instant());
  }

  /** Returns the writer as the user reads it: pid, command and start. */
  String describe() {
    return "pid " + pid + ", okta-ir " + command + ", since " + started;
  }
}
