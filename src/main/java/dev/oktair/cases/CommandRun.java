package dev.oktair.cases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One command run against a case, as recorded in {@code case.json}.
 *
 * @param argv the arguments, secrets already masked
 * @param started when it started
 * @param ended when it ended
 * @param exitCode its process exit code
 */
public record CommandRun(List<String> argv, Instant started, Instant ended, int exitCode) {
  public CommandRun {
    argv = List.copyOf(argv);
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(ended, "ended");
  }
}
