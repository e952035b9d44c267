import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Merges class lists written by {@code -XX:DumpLoadedClassList} into one that
 * {@code -Xshare:dump -XX:SharedClassListFile} accepts: every line once, in the order first met
 * (the dump refuses a list with a repeated line, which several runs' lists always have), comments
 * dropped. A list that does not exist is skipped (the JDK's own {@code lib/classlist}, when a JDK
 * has none). Run by the build as a source file: {@code java ClassLists.java OUT IN...}.
 */
public final class ClassLists {
  private ClassLists() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: java ClassLists.java OUT IN...");
    }
    Set<String> lines = new LinkedHashSet<>();
    for (int i = 1; i < args.length; i++) {
      Path in = Path.of(args[i]);
      if (!Files.exists(in)) {
        continue;
      }
      for (String line : Files.readAllLines(in, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.add(line.strip());
        }
      }
    }
    Files.write(Path.of(args[0]), lines, StandardCharsets.UTF_8);
  }
}
