package org.roundtable.api.security;

/**
 * Encryption at rest for a plugin's most sensitive fields (bank details): AES-GCM under the
 * platform's data keys, which operators supply from a Secret.
 *
 * <p>A value is sealed for its place: the current tenant, a table (or {@code table.column}) and a
 * row's key are its associated data, so a sealed value copied to another row, table or council does
 * not open there. A sealed value names its format and key, so keys rotate: values sealed with an
 * older key still open while that key is configured, and {@link #needsResealing} says which to seal
 * again (a {@link SealedData} bean does it for the platform).
 *
 * @since 1.1.0
 */
public interface SealedValues {

  /**
   * Whether data keys are configured; without them nothing can be sealed.
   *
   * @return whether {@link #seal(String, String, String)} works
   * @since 1.1.0
   */
  boolean isAvailable();

  /**
   * Seals a value for its place in the current tenant, with the active key.
   *
   * @param plaintext the value
   * @param table the table it is stored in ({@code table.column} where a row holds several)
   * @param row the row's key, as text
   * @return text to store, naming its format and key
   * @throws IllegalStateException when no keys are configured or no tenant is bound
   * @since 1.5.0
   */
  String seal(String plaintext, String table, String row);

  /**
   * Opens a sealed value at its place in the current tenant. Values sealed by the deprecated {@link
   * #seal(String)} open anywhere until they are resealed.
   *
   * @param sealed what {@link #seal(String, String, String)} returned
   * @param table the table it was sealed for
   * @param row the row's key it was sealed for
   * @return the value
   * @throws IllegalArgumentException when it was altered, belongs to another place, or its key is
   *     no longer configured
   * @since 1.5.0
   */
  String open(String sealed, String table, String row);

  /**
   * Whether a value was sealed in an older format or with a key other than the active one.
   *
   * @param sealed a stored sealed value
   * @return whether to seal it again
   * @since 1.1.0
   */
  boolean needsResealing(String sealed);

  /**
   * A SQL {@code LIKE} pattern, with {@code !} as its escape character, that values sealed as new
   * values are match: {@code WHERE column NOT LIKE :pattern ESCAPE '!'} finds the old ones in one
   * query.
   *
   * @return the pattern
   * @throws IllegalStateException when no keys are configured
   * @since 1.5.0
   */
  String currentPattern();

  /**
   * Seals a value bound to nothing but its key.
   *
   * @param plaintext the value
   * @return text to store
   * @since 1.1.0
   * @deprecated a value sealed so opens in any row: use {@link #seal(String, String, String)}
   */
  @Deprecated(since = "1.5.0", forRemoval = true)
  String seal(String plaintext);

  /**
   * Opens a value sealed by {@link #seal(String)}.
   *
   * @param sealed what {@link #seal(String)} returned
   * @return the value
   * @since 1.1.0
   * @deprecated use {@link #open(String, String, String)}
   */
  @Deprecated(since = "1.5.0", forRemoval = true)
  String open(String sealed);
}
