package dev.oktair.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * okta-ir as a child JVM (the real main on the test classpath), its stdout and stderr in files
 * under {@code dir} named after {@code name}: for tests that kill a process or run two at once.
 *
 * @param process the running child
 * @param out its stdout file
 * @param err its stderr file
 */
record Child(Process process, Path out, Path err) {
  static Child start(Path dir, String name, Map<String, String> env, List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(args);
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().putAll(env);
    return new Child(pb.start(), out, err);
  }

  /** Waits for the child to end (at most two minutes) and returns its exit status. */
  int exit() throws Exception {
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child did not end: " + stderr());
    }
    return process.exitValue();
  }

  /** Kills the child with SIGKILL (no shutdown hooks, nothing flushed) and waits for it. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  String stdout() throws IOException {
    return Files.readString(out);
  }

  String stderr() throws IOException {
    return Files.readString(err);
  }
}
