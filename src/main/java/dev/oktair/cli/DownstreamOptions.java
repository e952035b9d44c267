package dev.oktair.cli;

import dev.oktair.downstream.DownstreamConfig;
import dev.oktair.errors.OktaIrException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The connector settings option shared by {@code downstream} and {@code contain}. */
final class DownstreamOptions {
  @Option(names = "--downstream-config", paramLabel = "FILE",
      description = "Connector settings file (default: ~/.okta-ir/downstream.yaml); OKTAIR_<SP>_<SETTING> variables override it.")
  Path file;

  /** Returns the validated settings: the file (when present), then the environment. */
  DownstreamConfig config(Context ctx) {
    if (file != null && !Files.isRegularFile(file)) {
      throw ExitException.usage("no such downstream settings file: " + file);
    }
    try {
      return DownstreamConfig.load(file != null ? file : DownstreamConfig.defaultFile(ctx.home()), ctx.env());
    } catch (OktaIrException e) {
      // until cli maps every error kind in one place (Failures), say it here: a settings problem is exit 3
      throw new ExitException(ExitCode.CONFIG, e.getMessage(), e);
    }
  }
}
