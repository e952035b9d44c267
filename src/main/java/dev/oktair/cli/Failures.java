package dev.oktair.cli;

import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.FileSystemException;
import picocli.CommandLine;

/**
 * Turns any failure into its {@link Kind} and one line for the user: the one place that does so.
 * okta-ir's own failures carry their kind; the few foreign ones are classified here once (picocli's
 * usage errors, interrupts, local I/O failures that escaped unwrapped), everything else is a bug.
 */
final class Failures {
  private Failures() {}

  /** Returns the exit code for a failure thrown by a command. */
  static ExitCode exitCodeOf(Throwable t) {
    return ExitCode.of(kindOf(t));
  }

  /** Returns the kind of a failure. */
  static Kind kindOf(Throwable t) {
    if (t instanceof OktaIrException e) {
      return e.kind();
    }
    if (t instanceof CommandLine.ParameterException) {
      return Kind.USAGE;
    }
    if (interrupted(t)) {
      return Kind.INTERRUPTED;
    }
    return localIo(t) != null ? Kind.IO : Kind.INTERNAL;
  }

  /** Returns the one-line message the user sees for a failure. */
  static String messageOf(Throwable t) {
    Kind kind = kindOf(t);
    if (kind == Kind.INTERRUPTED && !(t instanceof OktaIrException)) {
      return "interrupted; run the same command again to resume where that is supported";
    }
    IOException io = t instanceof OktaIrException ? null : localIo(t);
    if (io != null) {
      // "cannot seal /case/evidence/0001-x.jsonl: permission denied": what failed, where, and why.
      String file = io instanceof FileSystemException f ? f.getFile() : null;
      String action = t != io && t.getMessage() != null ? t.getMessage() : "local I/O failed";
      String where = file != null && !action.contains(file) ? " (" + file + ")" : "";
      return action + where + ": " + OktaIrException.reason(io);
    }
    if (t instanceof OutOfMemoryError) {
      // not a bug to report but a case larger than the heap: say how to give it more
      return "out of memory: this case needs more than the Java heap's " + (Runtime.getRuntime().maxMemory() >> 20)
          + " MB; run the same command again with a larger heap, e.g. OKTA_IR_OPTS=-Xmx4g bin/okta-ir ..."
          + " (or java -Xmx4g -jar target/okta-ir.jar ...)";
    }
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    if (kind == Kind.INTERNAL) {
      return "internal error: " + message + " (this is a bug; run with --verbose for the stack trace)";
    }
    return message;
  }

  private static boolean interrupted(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof InterruptedException || c instanceof ClosedByInterruptException
          || c instanceof InterruptedIOException && !(c instanceof java.net.SocketTimeoutException)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the local file-system failure at the root of {@code t}, or null: a {@link
   * FileSystemException} (permission denied, read-only, no such file), or an I/O failure that says
   * the disk is full, wrapped as {@link UncheckedIOException} or not.
   */
  private static IOException localIo(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof FileSystemException f) {
        return f;
      }
      if (c instanceof java.io.FileNotFoundException missing) {
        return missing; // java.io's (and so Jackson's) word for no such file, permission denied, read-only
      }
      if (c instanceof IOException io && String.valueOf(io.getMessage()).contains("No space left")) {
        return io;
      }
    }
    return null;
  }
}
