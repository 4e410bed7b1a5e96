package dev.yardstick.auth;

import dev.yardstick.config.ConfigException;
import dev.yardstick.storage.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals stored secrets (Admin API keys, git tokens) with AES-256-GCM. Each value is bound to its
 * purpose (for example "anthropic:org:1") so a sealed value copied to another row does not open.
 */
public final class SecretBox {
  static final String KEY_FILE = "secret.key";
  private static final String VERSION = "v1:";
  private static final int IV_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  public SecretBox(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("AES-256 needs a 32-byte key");
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  /** The key from YARDSTICK_SECRET_KEY (base64 of 32 bytes), else from the key file, created mode 0600 at first start. */
  public static SecretBox load(Optional<String> configured, Path dataDir) {
    if (configured.isPresent()) {
      return new SecretBox(decode(configured.get().trim(), "YARDSTICK_SECRET_KEY"));
    }
    Path file = dataDir.resolve(KEY_FILE);
    try {
      PrivateFiles.directory(dataDir);
      if (!Files.exists(file)) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        Path tmp = Files.createTempFile(dataDir, "secret", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh) + "\n");
        try {
          Files.move(tmp, file); // never replaces a key another process wrote first
        } catch (java.nio.file.FileAlreadyExistsException raced) {
          Files.delete(tmp);
        }
      }
      return new SecretBox(decode(Files.readString(file).trim(), "YARDSTICK_SECRET_KEY (key file " + file + ")"));
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new ConfigException("YARDSTICK_DATA_DIR", dataDir.toString(), "cannot create or read the key file " + file + ": " + e.getMessage());
    }
  }

  private static byte[] decode(String base64, String variable) {
    byte[] k;
    try {
      k = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(variable, "(hidden)", "expected base64 of 32 random bytes, e.g. `openssl rand -base64 32`");
    }
    if (k.length != 32) {
      throw new ConfigException(variable, "(hidden)", "expected 32 bytes after base64 decoding, got " + k.length);
    }
    return k;
  }

  public String seal(String plain, String purpose) {
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    try {
      Cipher c = cipher(Cipher.ENCRYPT_MODE, iv, purpose);
      byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[IV_BYTES + sealed.length];
      System.arraycopy(iv, 0, out, 0, IV_BYTES);
      System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
      return VERSION + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /** Throws WrongKeyException when the value was sealed under another key or for another purpose. */
  public String open(String sealed, String purpose) {
    if (!sealed.startsWith(VERSION)) {
      throw new WrongKeyException("not a sealed value");
    }
    byte[] in = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
    try {
      Cipher c = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(in, IV_BYTES), purpose);
      return new String(c.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new WrongKeyException("the secret key is not the one this value was sealed with");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  private Cipher cipher(int mode, byte[] iv, String purpose) throws GeneralSecurityException {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, key, new GCMParameterSpec(128, iv));
    c.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
    return c;
  }

  /** A sealed value does not open under this key. */
  public static final class WrongKeyException extends RuntimeException {
    public WrongKeyException(String message) {
      super(message);
    }
  }
}
