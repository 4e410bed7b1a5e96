package dev.yardstick.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only the service's own user may read: the data directory 0700 and the files in it 0600.
 * The mode is set explicitly after creating (umask only ever takes bits away, so a file is never
 * more open than 0600 even for a moment, and ends exactly 0600 whatever the umask). On file
 * systems without POSIX modes nothing is changed.
 */
public final class PrivateFiles {
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

  private PrivateFiles() {}

  /** Creates the directory (and its parents) if missing, and makes it 0700. */
  public static void directory(Path dir) {
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
      }
      restrict(dir, DIRECTORY);
    } catch (UnsupportedOperationException notPosix) {
      createPlain(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Creates the file empty with mode 0600 unless it exists; either way it ends 0600. */
  public static void file(Path file) throws IOException {
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
    } catch (FileAlreadyExistsException exists) {
      // made before (or by a racing writer): only its mode is ours to fix
    } catch (UnsupportedOperationException notPosix) {
      return;
    }
    restrict(file, FILE);
  }

  /** Makes an existing file 0600 (one written by an earlier version, say). */
  public static void restrictFile(Path file) throws IOException {
    restrict(file, FILE);
  }

  private static void restrict(Path p, Set<PosixFilePermission> mode) throws IOException {
    try {
      if (!Files.getPosixFilePermissions(p).equals(mode)) {
        Files.setPosixFilePermissions(p, mode);
      }
    } catch (UnsupportedOperationException notPosix) {
      // no modes to set
    }
  }

  private static void createPlain(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory " + dir + ": " + e.getMessage(), e);
    }
  }
}
