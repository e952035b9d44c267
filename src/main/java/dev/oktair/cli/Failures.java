package dev.oktair.cli;

import dev.oktair.collect.CollectException;
import dev.oktair.errors.OktaIrException;
import dev.oktair.events.filter.FilterParseException;
import dev.oktair.evidence.EvidenceException;
import dev.oktair.okta.OktaApiException;
import dev.oktair.okta.OktaConfigException;
import dev.oktair.okta.OktaException;
import dev.oktair.store.StoreException;
import picocli.CommandLine;

/** Maps every failure to its exit code and one line for the user: the one place that does so. */
final class Failures {
  private Failures() {}

  /** Returns the exit code for a failure thrown by a command. */
  static ExitCode exitCodeOf(Throwable t) {
    if (t instanceof ExitException e) {
      return e.exitCode();
    }
    if (t instanceof StoreException e) {
      return e.kind() == StoreException.Kind.EVIDENCE_CHANGED ? ExitCode.EVIDENCE_MISMATCH : ExitCode.USAGE;
    }
    if (t instanceof CommandLine.ParameterException
        || t instanceof EvidenceException
        || t instanceof FilterParseException
        || t instanceof CollectException) {
      return ExitCode.USAGE;
    }
    if (t instanceof OktaIrException e) {
      return switch (e.kind()) {
        case USAGE, BUSY -> ExitCode.USAGE;
        case CONFIG -> ExitCode.CONFIG;
        case REMOTE -> ExitCode.REMOTE;
        case PARTIAL -> ExitCode.PARTIAL;
        case REJECTED_INPUT -> ExitCode.INPUT_REJECTED;
        case EVIDENCE -> ExitCode.EVIDENCE_MISMATCH;
        case FINDINGS -> ExitCode.FINDINGS;
        default -> ExitCode.INTERNAL;
      };
    }
    if (t instanceof OktaConfigException) {
      return ExitCode.CONFIG;
    }
    if (t instanceof OktaApiException e) {
      return e.isCredentialProblem() ? ExitCode.CONFIG : ExitCode.REMOTE;
    }
    if (t instanceof OktaException) {
      return ExitCode.REMOTE;
    }
    return ExitCode.INTERNAL;
  }

  /** Returns the one-line message the user sees for a failure. */
  static String messageOf(Throwable t) {
    ExitCode code = exitCodeOf(t);
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    if (code == ExitCode.INTERNAL) {
      return "internal error: " + message + " (this is a bug; run with --verbose for the stack trace)";
    }
    return message;
  }
}
