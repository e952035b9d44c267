package dev.oktair.evidence;

import dev.oktair.cases.AtomicFile;
import dev.oktair.events.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence manifest (where the case keeps it: {@code CasePaths.manifest()}): every sealed file
 * with its hash, size, event count, time range and source. Written atomically (temp file, fsync,
 * rename).
 *
 * @param manifestVersion format version, 1
 * @param files the sealed files in the order they were sealed
 */
record Manifest(int manifestVersion, List<EvidenceFile> files) {
  Manifest {
    files = List.copyOf(files);
  }

  static Manifest empty() {
    return new Manifest(1, List.of());
  }

  /**
   * Reads the manifest; a missing one reads as empty only while no sealed file is in its directory.
   *
   * @throws EvidenceException (EVIDENCE) when it is unreadable, or missing beside sealed files
   */
  static Manifest read(Path file) {
    if (!Files.exists(file)) {
      List<String> orphans = sealedFiles(file.getParent());
      if (!orphans.isEmpty()) {
        throw new EvidenceException("the evidence manifest " + file + " is missing but " + orphans.size()
            + " sealed file(s) remain (" + orphans.get(0) + (orphans.size() > 1 ? ", ..." : "")
            + "): without it the evidence cannot be checked; restore manifest.json from a copy of the case"
            + " (nothing was read or written)");
      }
      return empty();
    }
    try {
      return Json.MAPPER.readValue(file.toFile(), Manifest.class);
    } catch (tools.jackson.core.JacksonException e) {
      throw new EvidenceException(
          "the manifest " + file + " is not readable (" + e.getOriginalMessage() + ")", e);
    }
  }

  /** Returns the names of the sealed files ({@code NNNN-name.jsonl}) in {@code dir}, sorted. */
  static List<String> sealedFiles(Path dir) {
    if (dir == null || !Files.isDirectory(dir)) {
      return List.of();
    }
    try (java.util.stream.Stream<Path> present = Files.list(dir)) {
      return present.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{4}-.*\\.jsonl")).sorted()
          .toList();
    } catch (java.io.IOException e) {
      throw dev.oktair.errors.OktaIrException.io("cannot list", dir, e);
    }
  }

  Manifest plus(EvidenceFile file) {
    List<EvidenceFile> more = new ArrayList<>(files);
    more.add(file);
    return new Manifest(manifestVersion, more);
  }

  void write(Path file) {
    AtomicFile.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
  }
}
