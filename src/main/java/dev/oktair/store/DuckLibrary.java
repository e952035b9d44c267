package dev.oktair.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * Loads DuckDB's native library from a per-user cache instead of the driver's own way, which
 * copies the ~57 MB library out of the jar into a fresh temporary file on every start (about half
 * a second per command, and a file left in /tmp when the process is killed).
 *
 * <p>The library is extracted once to {@code $XDG_CACHE_HOME/okta-ir/} (else {@code
 * ~/.cache/okta-ir/}), a directory only its owner may use, under a name keyed by the CRC-32 and
 * size the jar records for it, so another driver build never picks up this one's file. It is
 * written to a temporary name, checked against that CRC and size, and renamed into place
 * atomically, so two commands at once are safe and a partial file is never loaded. The driver's
 * loader class is then defined from its own bytes with its library file name pointed at the cached
 * file (the driver tries its jar resource, the system library path, then that file name, the last
 * one then found). Anything unexpected (no cache directory, a file owned by someone else, another
 * platform or driver) leaves the driver to load the library its own way.
 */
final class DuckLibrary {
  private static final String LOADER = "org/duckdb/DuckDBNative.class";
  /** The driver's library file name prefix ({@code libduckdb_java.so_OS_ARCH}). */
  private static final String PREFIX = "libduckdb_java.so_";
  /** The name the driver passes to System.loadLibrary; a '/' makes that fail at once. */
  private static final String SYSTEM_NAME = "duckdb_java";
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

  private static boolean done;

  private DuckLibrary() {}

  /** Arranges the cached load, once per process, before the driver's first connection. */
  static synchronized void prepare() {
    if (done) {
      return;
    }
    done = true;
    try {
      String platform = platform();
      Path dir = cacheDir(cacheBase());
      if (platform == null || dir == null) {
        return;
      }
      URL resource = DuckLibrary.class.getResource("/" + PREFIX + platform);
      if (resource == null) {
        return;
      }
      URLConnection connection = resource.openConnection();
      if (!(connection instanceof JarURLConnection jar)) {
        return;
      }
      JarEntry entry = jar.getJarEntry();
      if (entry.getCrc() < 0 || entry.getSize() < 0) {
        return;
      }
      String key = String.format(Locale.ROOT, "duckdb-%08x-%d-", entry.getCrc(), entry.getSize());
      Path library = dir.resolve(key + PREFIX + platform);
      if (!usable(library, entry.getSize()) && !extract(connection, dir, key, library, entry)) {
        return;
      }
      define(dir.resolve(key).toString());
    } catch (IOException | RuntimeException | LinkageError | ReflectiveOperationException e) {
      // the driver's own way still works: it is only slower
    }
  }

  /** Returns the driver's OS_ARCH suffix for this machine, or null where the cache is not used. */
  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).trim();
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT).trim();
    if (os.startsWith("mac")) {
      return "osx_universal";
    }
    if (!os.startsWith("linux")) {
      return null; // Windows: no POSIX permissions to keep the cache owner-only
    }
    if (arch.equals("x86_64") || arch.equals("amd64")) {
      return "linux_amd64";
    }
    if (arch.equals("aarch64") || arch.equals("arm64")) {
      return "linux_arm64";
    }
    return null;
  }

  /** Returns the user's cache directory (XDG's rule: an absolute $XDG_CACHE_HOME, else ~/.cache). */
  private static Path cacheBase() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    return xdg != null && xdg.startsWith("/") ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
  }

  /** Returns okta-ir's owner-only directory in {@code base}, created when missing; null when it is not ours alone. */
  static Path cacheDir(Path base) throws IOException {
    Path dir = base.resolve("okta-ir");
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(base);
      try {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } catch (java.nio.file.FileAlreadyExistsException raced) {
        // another command made it a moment ago: checked below like any other
      }
    }
    PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    boolean ours = a.isDirectory() && a.owner().equals(me(dir)) && OWNER_ONLY.containsAll(a.permissions());
    return ours ? dir : null;
  }

  private static UserPrincipal me(Path anywhere) throws IOException {
    return anywhere.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
  }

  /** Returns true when {@code library} is a complete file of ours that nobody else can write. */
  static boolean usable(Path library, long size) throws IOException {
    PosixFileAttributes a;
    try {
      a = Files.readAttributes(library, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException missing) {
      return false;
    }
    Set<PosixFilePermission> p = a.permissions();
    return a.isRegularFile() && a.size() == size && a.owner().equals(me(library))
        && !p.contains(PosixFilePermission.GROUP_WRITE) && !p.contains(PosixFilePermission.OTHERS_WRITE);
  }

  /** Copies the library out of the jar, checks it, and renames it into place; false when it did not match. */
  private static boolean extract(URLConnection connection, Path dir, String key, Path library, JarEntry entry)
      throws IOException {
    Path part = Files.createTempFile(dir, key, ".part"); // owner-only (0600), a unique name per command
    try {
      CRC32 crc = new CRC32();
      long copied;
      try (InputStream in = new CheckedInputStream(connection.getInputStream(), crc);
          OutputStream out = Files.newOutputStream(part)) {
        copied = in.transferTo(out);
      }
      if (copied != entry.getSize() || crc.getValue() != entry.getCrc()) {
        return false;
      }
      Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("r-x------"));
      Files.move(part, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } finally {
      Files.deleteIfExists(part);
    }
  }

  /**
   * Defines the driver's loader class with its library file name prefixed by {@code cached} (an
   * absolute path, so the driver's "beside the jar" lookup resolves to it) and its system library
   * name made unloadable, so nothing else is ever loaded in its place.
   */
  private static void define(String cached) throws IOException, ReflectiveOperationException {
    ClassLoader loader = DuckLibrary.class.getClassLoader();
    byte[] original;
    try (InputStream in = loader.getResourceAsStream(LOADER)) {
      if (in == null) {
        return;
      }
      original = in.readAllBytes();
    }
    byte[] patched = ClassConstants.replace(original, PREFIX, cached + PREFIX);
    patched = patched == null ? null : ClassConstants.replace(patched, SYSTEM_NAME, "okta-ir/" + SYSTEM_NAME);
    if (patched == null) {
      return; // not the driver this was written against
    }
    Class<?> anchor = Class.forName("org.duckdb.JdbcUtils", false, loader);
    MethodHandles.privateLookupIn(anchor, MethodHandles.lookup()).defineClass(patched);
  }
}
