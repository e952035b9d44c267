package dev.oktair.cli;

import dev.oktair.errors.OktaIrException;

/** Ends a command with a given exit code and a one-line message for the user. */
final class ExitException extends OktaIrException {
  private static final long serialVersionUID = 1L;

  ExitException(ExitCode exitCode, String message) {
    super(exitCode.kind(), message);
  }

  ExitException(ExitCode exitCode, String message, Throwable cause) {
    super(exitCode.kind(), message, cause);
  }

  static ExitException usage(String message) {
    return new ExitException(ExitCode.USAGE, message);
  }
}
