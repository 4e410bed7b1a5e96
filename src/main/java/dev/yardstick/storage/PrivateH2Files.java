package dev.yardstick.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's file system under the scheme {@code private:}: every file H2 creates or opens for writing
 * (the database, its lock file, its trace file, temporary files) is made 0600 by
 * {@link PrivateFiles} before H2 writes to it, and directories 0700. Public with a public
 * constructor because H2 makes instances by reflection.
 */
public final class PrivateH2Files extends FilePathWrapper {
  static final String SCHEME = "private";

  static {
    FilePath.register(new PrivateH2Files());
  }

  /** The JDBC URL prefix of a file under this scheme (registers the scheme in this process). */
  static String urlPrefix() {
    return "jdbc:h2:" + SCHEME + ":";
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    if (mode.contains("w")) {
      PrivateFiles.file(path(getBase()));
    }
    return super.open(mode);
  }

  @Override
  public OutputStream newOutputStream(boolean append) throws IOException {
    PrivateFiles.file(path(getBase()));
    return super.newOutputStream(append);
  }

  @Override
  public boolean createFile() {
    boolean created = super.createFile();
    if (created) {
      restrict(getBase());
    }
    return created;
  }

  @Override
  public void createDirectory() {
    PrivateFiles.directory(path(getBase()));
  }

  @Override
  public FilePath createTempFile(String suffix, boolean inTempDir) throws IOException {
    FilePath temp = super.createTempFile(suffix, inTempDir);
    PrivateFiles.restrictFile(path(temp.unwrap()));
    return temp;
  }

  private static void restrict(FilePath p) {
    try {
      PrivateFiles.restrictFile(path(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // the disk path under H2's own name ("file:/x" or "/x")
  private static Path path(FilePath disk) {
    String name = disk.toString();
    return Path.of(name.startsWith("file:") ? name.substring("file:".length()) : name);
  }
}
