package dev.oktair.cli;

/** Ends a command with a given exit code and a one-line message for the user. */
final class ExitException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ExitCode exitCode;

  ExitException(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  ExitException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  static ExitException usage(String message) {
    return new ExitException(ExitCode.USAGE, message);
  }

  ExitCode exitCode() {
    return exitCode;
  }
}
