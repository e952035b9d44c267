package dev.oktair.evidence;

import dev.oktair.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence manifest, {@code evidence/manifest.json}: every sealed file with its hash, size,
 * event count, time range and source. Written atomically (temp file, then rename).
 *
 * @param manifestVersion format version, 1
 * @param files the sealed files in the order they were sealed
 */
record Manifest(int manifestVersion, List<EvidenceFile> files) {
  static final String FILE_NAME = "manifest.json";

  Manifest {
    files = List.copyOf(files);
  }

  static Manifest empty() {
    return new Manifest(1, List.of());
  }

  static Manifest read(Path evidenceDir) {
    Path file = evidenceDir.resolve(FILE_NAME);
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

  void write(Path evidenceDir) {
    Path target = evidenceDir.resolve(FILE_NAME);
    Path tmp = evidenceDir.resolve(FILE_NAME + ".tmp");
    try {
      Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), this);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }
}
