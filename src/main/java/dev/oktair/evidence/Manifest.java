package dev.oktair.evidence;

import dev.oktair.cases.AtomicFile;
import dev.oktair.events.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The evidence manifest (where the case keeps it: {@code CasePaths.manifest()}): every sealed file
 * with its hash, size, event count, time range and source. Written atomically (temp file, fsync,
 * rename).
 *
 * @param manifestVersion format version, 1
 * @param files the sealed files in the order they were sealed
 * @param inTimeOrder the names of the sealed files whose events, those with a published time, lie
 *     in the order of that time (equal times in any order), as their writer saw them: what lets
 *     {@code events} print a read's matches as it reads them rather than hold them all to sort.
 *     Empty in a manifest written before it was recorded (a file not named is of unknown order).
 */
record Manifest(int manifestVersion, List<EvidenceFile> files, List<String> inTimeOrder) {
  Manifest {
    files = List.copyOf(files);
    inTimeOrder = inTimeOrder == null ? List.of() : List.copyOf(inTimeOrder);
  }

  static Manifest empty() {
    return new Manifest(1, List.of(), List.of());
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

  /** Returns this manifest with {@code file} sealed after the others; {@code ordered}: its events are in time order. */
  Manifest plus(EvidenceFile file, boolean ordered) {
    List<EvidenceFile> more = new ArrayList<>(files);
    more.add(file);
    List<String> inOrder = new ArrayList<>(inTimeOrder);
    if (ordered) {
      inOrder.add(file.name());
    }
    return new Manifest(manifestVersion, more, inOrder);
  }

  /**
   * Returns true when reading the files in manifest order meets the events that have a published
   * time in the order of that time: each file is in time order, and each one's earliest time comes
   * after the latest of every file before it. The manifest's times are cut to milliseconds, so a
   * tie there proves nothing and counts as out of order.
   */
  boolean readsInTimeOrder() {
    Set<String> ordered = new HashSet<>(inTimeOrder);
    Instant latest = null;
    for (EvidenceFile f : files) {
      if (!ordered.contains(f.name())) {
        return false;
      }
      if (f.firstPublished() == null || f.lastPublished() == null) {
        continue; // no event with a time: nothing to order
      }
      try {
        Instant first = Instant.parse(f.firstPublished());
        if (latest != null && !first.isAfter(latest)) {
          return false;
        }
        latest = Instant.parse(f.lastPublished());
      } catch (DateTimeParseException e) {
        return false;
      }
    }
    return true;
  }

  void write(Path file) {
    AtomicFile.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
  }
}
