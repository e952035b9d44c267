package dev.oktair.store;

import java.nio.file.Path;
import java.sql.Connection;

/** Opens a DuckDB database in a process of its own and prints 42 from it (for DuckLibraryTest). */
final class DuckLibraryProbe {
  private DuckLibraryProbe() {}

  public static void main(String[] args) throws Exception {
    try (Connection c = Duck.open(Path.of(args[0]), Duck.Mode.WRITE)) {
      System.out.println(Duck.longValue(c, "SELECT 42"));
    }
  }
}
