package dev.oktair.errors;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The base of every failure okta-ir reports to a user: a message that says what went wrong and
 * what to do (never a CLI flag name from a domain package, never a secret), and a {@link Kind}
 * the command line maps to an exit code. Packages extend it or throw it directly.
 */
public class OktaIrException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final Kind kind;

  /** Creates a failure of {@code kind} with a user-facing {@code message}. */
  public OktaIrException(Kind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** Creates a failure of {@code kind} with a user-facing {@code message} and its cause. */
  public OktaIrException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** Returns what kind of failure this is. */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns a local I/O failure ({@link Kind#IO}) that says what could not be done, to which path,
   * and why in plain words (permission denied, disk full, read-only file system).
   */
  public static OktaIrException io(String action, Path path, IOException cause) {
    return new OktaIrException(Kind.IO, action + " " + path + ": " + reason(cause), cause);
  }

  /** Returns why an I/O operation failed, in words a user can act on. */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    String text = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
    text = text == null ? e.getClass().getSimpleName() : text;
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("no space left") || lower.contains("disk full") || lower.contains("quota")) {
      return "the disk is full (" + text + ")";
    }
    if (lower.contains("read-only file system")) {
      return "the file system is read-only";
    }
    return text;
  }
}
