package org.roundtable.core.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roundtable.steps.crypto.FieldEncryption;

/** The data-encryption keys, from configuration an operator fills from a Secret. */
@ApplicationScoped
public class EncryptionSettings {

  @Inject
  @ConfigProperty(name = "roundtable.crypto.keys")
  Optional<String> keys;

  @Inject
  @ConfigProperty(name = "roundtable.crypto.active-key")
  Optional<String> activeKey;

  private Optional<FieldEncryption> encryption;

  /** The field encryption, if keys are configured: the keys are read once, not per value. */
  public synchronized Optional<FieldEncryption> encryption() {
    if (encryption == null) {
      encryption = FieldEncryption.fromSettings(keys, activeKey);
    }
    return encryption;
  }
}
