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

  static Manifest read(Path file) {
    if (!Files.exists(file)) {
      return empty();
    }
    try {
      return Json.MAPPER.readValue(file.toFile(), Manifest.class);
    } catch (tools.jackson.core.JacksonException e) {
      throw new EvidenceException(
          "the manifest " + file + " is not readable (" + e.getOriginalMessage() + ")", e);
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
