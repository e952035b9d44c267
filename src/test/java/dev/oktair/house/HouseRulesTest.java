package dev.oktair.house;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the dependency rules of ARCHITECTURE.md true: data flows one way, lower packages never
 * import higher ones, only {@code cli} knows picocli, and the product reaches the simulator only
 * through {@code cli}. Every package may use {@code errors}, the one error model.
 */
class HouseRulesTest {
  private static final Path MAIN = Path.of("src/main/java/dev/oktair");
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

  /** Which okta-ir packages each package may import (its own sub-packages always allowed). */
  private static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("errors", Set.of()),
          Map.entry("events", Set.of()),
          Map.entry("http", Set.of()),
          Map.entry("cases", Set.of("events")),
          Map.entry("evidence", Set.of("events", "cases")),
          Map.entry("sim", Set.of("events")),
          Map.entry("okta", Set.of("events", "http")),
          Map.entry("downstream", Set.of("events", "http")),
          Map.entry("forward", Set.of("events", "http", "cases")),
          Map.entry("collect", Set.of("events", "evidence", "okta", "cases")),
          Map.entry("store", Set.of("events", "evidence", "cases")),
          Map.entry("detect", Set.of("events", "evidence", "store", "cases")),
          Map.entry("investigate", Set.of("events", "evidence", "store", "okta", "detect", "cases", "collect")),
          Map.entry("contain", Set.of("events", "http", "okta", "downstream", "detect", "investigate", "cases")),
          Map.entry("report", Set.of("events", "evidence", "store", "detect", "investigate", "contain", "downstream", "cases")),
          Map.entry("cli", Set.of("*")));

  @Test
  void packagesImportOnlyWhatTheArchitectureAllows() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : javaFiles()) {
      String pkg = topPackage(file);
      Set<String> allowed = ALLOWED.get(pkg);
      assertThat(allowed).as("package %s is not in the architecture's table", pkg).isNotNull();
      Matcher m = IMPORT.matcher(Files.readString(file));
      while (m.find()) {
        String imported = m.group(1);
        if (imported.startsWith("picocli") && !pkg.equals("cli")) {
          violations.add(file + " imports picocli; only cli may");
        }
        if (imported.startsWith("dev.oktair.")) {
          String target = imported.substring("dev.oktair.".length()).split("\\.")[0];
          if (!target.equals(pkg) && !target.equals("errors") && !allowed.contains("*") && !allowed.contains(target)) {
            violations.add(file + " (" + pkg + ") imports " + imported);
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyPackageHasAPackageInfo() throws IOException {
    List<Path> missing = new ArrayList<>();
    try (Stream<Path> dirs = Files.walk(MAIN)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        boolean hasJava;
        try (Stream<Path> files = Files.list(dir)) {
          hasJava = files.anyMatch(p -> p.toString().endsWith(".java"));
        }
        if (hasJava && !Files.exists(dir.resolve("package-info.java"))) {
          missing.add(dir);
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  private static List<Path> javaFiles() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }

  private static String topPackage(Path file) {
    return MAIN.relativize(file).getName(0).toString();
  }
}
