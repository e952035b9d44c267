package dev.oktair.cli;

import dev.oktair.cases.Case;
import dev.oktair.cases.CommandRun;
import dev.oktair.cases.Writer;
import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;
import dev.oktair.store.StoreException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --case DIR} option, written once: a command mixes it in and asks it for the case to
 * write ({@link #create}, {@link #open}: locked for the command's lifetime) or just uses
 * {@link #dir()} to read. {@link BaseCommand} finds it and records every run in the case's
 * history, releasing the lock at the end; commands do nothing for that.
 */
final class CaseOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--case", required = true, paramLabel = "DIR", description = "Case directory.")
  Path dir;

  private Case writing;

  /** Returns the case directory as given. */
  Path dir() {
    return dir;
  }

  /** Opens the case to write, creating it if needed; the lock is held until the command ends. */
  Case create(Context ctx) {
    return hold(Case.create(dir, ctx.clock(), writer(ctx)));
  }

  /** Opens the existing case to write; the lock is held until the command ends. */
  Case open(Context ctx) {
    return hold(Case.open(dir, ctx.clock(), writer(ctx)));
  }

  private Case hold(Case c) {
    if (writing != null) {
      c.close();
      throw new IllegalStateException("the case is already open for writing in this command");
    }
    writing = c;
    return c;
  }

  private Writer writer(Context ctx) {
    return Writer.current(command.name(), Cli.version(), ctx.clock());
  }

  /**
   * Records the run in the case's history and releases the lock. A reading command records its
   * run only when no writer holds the case (it never waits for one) and the case exists.
   */
  void finish(Context ctx, List<String> argv, Instant started, int exitCode) {
    CommandRun run = new CommandRun(argv, started, ctx.clock().instant(), exitCode);
    if (writing != null) {
      try (Case c = writing) {
        c.recordCommand(run);
      } finally {
        writing = null;
      }
      return;
    }
    if (dir == null || !dev.oktair.cases.CasePaths.of(dir).exists()) {
      return;
    }
    try (Case c = Case.open(dir, ctx.clock(), writer(ctx))) {
      c.recordCommand(run);
    } catch (OktaIrException e) {
      if (e.kind() != Kind.BUSY) {
        throw e;
      }
    }
  }

  /** Returns what the user should run next after {@code failure}, or null. */
  String hint(Throwable failure) {
    if (failure instanceof StoreException s && s.needsRebuild()) {
      return "run 'okta-ir verify --case " + dir + "', then 'okta-ir load --case " + dir + " --rebuild'";
    }
    return null;
  }
}
