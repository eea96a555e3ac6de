package org.roundtable.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.roundtable.steps.crypto.FieldEncryption;
import org.roundtable.steps.migration.DatabaseSettings;

/**
 * The data-encryption key of the run command: the operator's ({@code ROUNDTABLE_CRYPTO_KEYS} and
 * {@code ROUNDTABLE_CRYPTO_ACTIVE_KEY}) if set, else a development-only key generated once into the
 * data folder (readable by its owner only), so encrypted values survive restarts.
 */
final class DevelopmentKeys {

  private DevelopmentKeys() {}

  static Map<String, String> applicationSettings(Path dataDir) throws StartException {
    if (DatabaseSettings.optional("roundtable.crypto.keys").isPresent()) {
      return Map.of();
    }
    Path file = dataDir.resolve("dev-only-data-key");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(dataDir);
        Files.writeString(file, FieldEncryption.newKey());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      return Map.of(
          "ROUNDTABLE_CRYPTO_KEYS",
          "dev=" + Files.readString(file).strip(),
          "ROUNDTABLE_CRYPTO_ACTIVE_KEY",
          "dev");
    } catch (IOException e) {
      throw new StartException("Cannot prepare the development data key: " + e.getMessage());
    }
  }
}
