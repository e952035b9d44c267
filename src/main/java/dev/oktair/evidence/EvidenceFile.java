package dev.oktair.evidence;

import java.util.Objects;

/**
 * One sealed evidence file as the manifest records it.
 *
 * @param name file name inside {@code evidence/} (JSONL: one raw event per line)
 * @param sha256 lowercase hex SHA-256 of the file's bytes
 * @param bytes the file's size
 * @param events how many events (lines) it holds
 * @param firstPublished earliest {@code published} among its events, in the fixed form {@code 2024-06-14T09:00:00.000Z}, or null
 * @param lastPublished latest {@code published} among its events, in the same fixed form, or null
 * @param source where the events came from
 * @param sealed when the file was sealed (ISO-8601)
 */
public record EvidenceFile(
    String name,
    String sha256,
    long bytes,
    long events,
    String firstPublished,
    String lastPublished,
    Source source,
    String sealed) {
  public EvidenceFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(source, "source");
    if (bytes < 0 || events < 0) {
      throw new IllegalArgumentException("negative size for " + name);
    }
  }
}
