package org.roundtable.api.security;

/**
 * Encryption at rest for a plugin's most sensitive fields (bank details): AES-GCM under the
 * platform's data keys, which operators supply from a Secret. A sealed value names its key, so keys
 * rotate: values sealed with an older key still open while that key is configured, and {@link
 * #needsResealing} says which to seal again.
 *
 * @since 1.1.0
 */
public interface SealedValues {

  /**
   * Whether data keys are configured; without them nothing can be sealed.
   *
   * @return whether {@link #seal} works
   * @since 1.1.0
   */
  boolean isAvailable();

  /**
   * Seals a value with the active key.
   *
   * @param plaintext the value
   * @return text to store, naming the key
   * @throws IllegalStateException when no keys are configured
   * @since 1.1.0
   */
  String seal(String plaintext);

  /**
   * Opens a sealed value.
   *
   * @param sealed what {@link #seal} returned
   * @return the value
   * @throws IllegalArgumentException when it was altered or its key is no longer configured
   * @since 1.1.0
   */
  String open(String sealed);

  /**
   * Whether a value was sealed with a key other than the active one.
   *
   * @param sealed what {@link #seal} returned
   * @return whether to seal it again
   * @since 1.1.0
   */
  boolean needsResealing(String sealed);
}
