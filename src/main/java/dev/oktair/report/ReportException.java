package dev.oktair.report;

import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;

/** A case file the report reads is unreadable; the message names the file and what is wrong. */
final class ReportException extends OktaIrException {
  private static final long serialVersionUID = 1L;

  ReportException(String message, Throwable cause) {
    super(Kind.USAGE, message, cause);
  }

  ReportException(String message) {
    super(Kind.USAGE, message);
  }
}
