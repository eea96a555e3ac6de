package org.roundtable.core.persistence.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roundtable.core.persistence.FieldEncryption;

/** The data-encryption keys, from configuration an operator fills from a Secret. */
@ApplicationScoped
public class EncryptionSettings {

  @Inject
  @ConfigProperty(name = "roundtable.crypto.keys")
  Optional<String> keys;

  @Inject
  @ConfigProperty(name = "roundtable.crypto.active-key")
  Optional<String> activeKey;

  /** The field encryption, if keys are configured. */
  public Optional<FieldEncryption> encryption() {
    return FieldEncryption.fromSettings(keys, activeKey);
  }
}
