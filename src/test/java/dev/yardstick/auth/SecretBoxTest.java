package dev.yardstick.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yardstick.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AES-256-GCM sealing: round trip, bound to purpose and key, key file made private, bad keys named. */
class SecretBoxTest {
  @TempDir
  Path dir;

  @Test
  void sealsAndOpens_boundToItsPurpose_neverTheSameTwice() {
    SecretBox box = SecretBox.load(Optional.empty(), dir);
    String sealed = box.seal("sk-ant-admin01-secret", "anthropic:org:1");
    assertThat(sealed).startsWith("v1:").doesNotContain("secret");
    assertThat(box.seal("sk-ant-admin01-secret", "anthropic:org:1")).isNotEqualTo(sealed);
    assertThat(box.open(sealed, "anthropic:org:1")).isEqualTo("sk-ant-admin01-secret");
    assertThatThrownBy(() -> box.open(sealed, "anthropic:org:2")).isInstanceOf(SecretBox.WrongKeyException.class);
  }

  @Test
  void keyFile_isCreatedOnceWithMode0600_andReused() throws Exception {
    SecretBox first = SecretBox.load(Optional.empty(), dir);
    Path file = dir.resolve(SecretBox.KEY_FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    String sealed = first.seal("x", "p");
    assertThat(SecretBox.load(Optional.empty(), dir).open(sealed, "p")).isEqualTo("x");
    SecretBox other = SecretBox.load(Optional.of(Base64.getEncoder().encodeToString(new byte[32])), dir);
    assertThatThrownBy(() -> other.open(sealed, "p")).isInstanceOf(SecretBox.WrongKeyException.class);
  }

  @Test
  void aBadConfiguredKey_namesTheVariable() {
    assertThatThrownBy(() -> SecretBox.load(Optional.of("not base64!"), dir))
        .isInstanceOf(ConfigException.class).hasMessageContaining("YARDSTICK_SECRET_KEY");
    assertThatThrownBy(() -> SecretBox.load(Optional.of(Base64.getEncoder().encodeToString(new byte[16])), dir))
        .isInstanceOf(ConfigException.class).hasMessageContaining("YARDSTICK_SECRET_KEY").hasMessageContaining("32 bytes");
  }
}
