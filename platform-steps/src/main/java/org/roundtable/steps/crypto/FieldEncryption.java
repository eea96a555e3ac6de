package org.roundtable.steps.crypto;

import at.favre.lib.hkdf.HKDF;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts sensitive fields (a tenant's client secrets, session tokens, bank details) with
 * AES-256-GCM from the JDK. Each value carries its format and the id of the key that sealed it
 * ({@code v2:<key id>:<iv>:<data>}), so keys rotate: a new active key seals new values while older
 * keys still open old ones. Format v2 binds a value to where it belongs (tenant, table, row) as
 * associated data; format v1 values, bound to their key only, still open and are resealed by the
 * application itself.
 *
 * <p>Keys come from configuration that operators fill from a Secret: {@code roundtable.crypto.keys}
 * ({@code id=base64 of 32 bytes}, comma-separated) and {@code roundtable.crypto.active-key} (the id
 * that seals).
 */
public final class FieldEncryption {

  private static final String VERSION = "v1";
  private static final String BOUND = "v2";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Map<String, SecretKey> keys;
  private final String activeKey;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, DerivedKey> derived = new ConcurrentHashMap<>();

  private FieldEncryption(Map<String, SecretKey> keys, String activeKey) {
    if (!keys.containsKey(activeKey)) {
      throw new IllegalArgumentException(
          "roundtable.crypto.active-key '" + activeKey + "' is not among roundtable.crypto.keys");
    }
    this.keys = Map.copyOf(keys);
    this.activeKey = activeKey;
  }

  /**
   * Reads the keys setting.
   *
   * @param keySetting {@code id=base64,id=base64}
   * @param activeKey the id of the key that seals new values
   */
  public static FieldEncryption of(String keySetting, String activeKey) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    for (String entry : keySetting.split(",")) {
      String[] parts = entry.strip().split("=", 2);
      if (parts.length != 2 || !parts[0].matches("[A-Za-z0-9_-]{1,40}")) {
        throw new IllegalArgumentException(
            "roundtable.crypto.keys must be id=base64 pairs separated by commas");
      }
      byte[] key;
      try {
        key = Base64.getDecoder().decode(parts[1].strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Key " + parts[0] + " is not base64");
      }
      if (key.length != 32) {
        throw new IllegalArgumentException("Key " + parts[0] + " must be 32 bytes (AES-256)");
      }
      keys.put(parts[0], new SecretKeySpec(key, "AES"));
    }
    return new FieldEncryption(keys, activeKey);
  }

  /** From MicroProfile-style settings, if both are present. */
  public static Optional<FieldEncryption> fromSettings(
      Optional<String> keySetting, Optional<String> activeKey) {
    if (keySetting.isEmpty() || activeKey.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(of(keySetting.get(), activeKey.get()));
  }

  /** A new random key, base64, for generating settings (development, operators' docs). */
  public static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /**
   * A key for another purpose derived from the active data key (HKDF-SHA256, RFC 5869, with the
   * purpose as its info): the same on every pod, never the data key itself, and unknowable without
   * it. Derived once per purpose.
   *
   * @param purpose what the key is for, e.g. {@code roundtable form token v1}
   */
  public DerivedKey derive(String purpose) {
    return derived.computeIfAbsent(
        purpose,
        p -> {
          // No salt: RFC 5869 then uses a hash-length of zeros.
          byte[] key =
              HKDF.fromHmacSha256()
                  .extractAndExpand(
                      (byte[]) null,
                      keys.get(activeKey).getEncoded(),
                      p.getBytes(StandardCharsets.UTF_8),
                      32);
          return new DerivedKey(activeKey, key);
        });
  }

  /**
   * A key derived from a data key.
   *
   * @param keyId the id of the data key it comes from
   * @param bytes 32 bytes
   */
  public record DerivedKey(String keyId, byte[] bytes) {}

  /** The id of the key that seals new values. */
  public String activeKey() {
    return activeKey;
  }

  /**
   * Where a sealed value belongs: the tenant, the table (and column, where a row holds several
   * sealed values) and the row's key. It is the value's associated data, so a value copied to
   * another row, table or council does not open there.
   *
   * @param tenant the tenant's id
   * @param table the table, or {@code table.column}
   * @param row the row's key
   */
  public record Place(String tenant, String table, String row) {
    public Place {
      if (tenant.contains("|") || table.contains("|")) {
        throw new IllegalArgumentException("A tenant or table name has no '|'");
      }
    }

    byte[] associatedData(String keyId) {
      return String.join("|", BOUND, keyId, tenant, table, row).getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Seals a value for its place: format {@code v2}, bound to the active key and the place. */
  public String seal(String plaintext, Place place) {
    return sealWith(BOUND, place.associatedData(activeKey), plaintext);
  }

  /**
   * Opens a sealed value where it belongs: a {@code v2} value only at the place it was sealed for;
   * a {@code v1} value (sealed before values were bound; the application reseals those itself)
   * anywhere.
   *
   * @throws IllegalArgumentException if it is malformed, its key is unknown, it was altered, or it
   *     belongs elsewhere
   */
  public String open(String sealedValue, Place place) {
    if (sealedValue.startsWith(VERSION + ":")) {
      return openUnbound(sealedValue);
    }
    return openWith(BOUND, sealedValue, place::associatedData);
  }

  /** Whether a value is sealed as new values are: format v2 with the active key. */
  public boolean isCurrent(String sealedValue) {
    return sealedValue.startsWith(currentPrefix());
  }

  /**
   * A SQL {@code LIKE} pattern, with {@code !} as its escape character, that values sealed as new
   * values are match: {@code WHERE column NOT LIKE :pattern ESCAPE '!'} finds the old ones.
   */
  public String currentPattern() {
    return currentPrefix().replace("_", "!_") + "%";
  }

  private String currentPrefix() {
    return BOUND + ":" + activeKey + ":";
  }

  /**
   * Seals with format v1, bound to nothing but its key: how values were sealed before v2. Kept for
   * plugins built against plugin API 1.4 and earlier, and for tests of resealing.
   */
  public String sealUnbound(String plaintext) {
    return sealWith(VERSION, activeKey.getBytes(StandardCharsets.UTF_8), plaintext);
  }

  /**
   * Opens a format v1 value with any configured key.
   *
   * @throws IllegalArgumentException if it is malformed, its key is unknown, or it was altered
   */
  public String openUnbound(String sealedValue) {
    return openWith(VERSION, sealedValue, keyId -> keyId.getBytes(StandardCharsets.UTF_8));
  }

  private String sealWith(String version, byte[] associatedData, String plaintext) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(associatedData);
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      Base64.Encoder b64 = Base64.getEncoder();
      return String.join(
          ":", version, activeKey, b64.encodeToString(iv), b64.encodeToString(sealed));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is always available", e);
    }
  }

  private String openWith(
      String version, String sealedValue, Function<String, byte[]> associatedData) {
    String[] parts = sealedValue.split(":", 4);
    if (parts.length != 4 || !parts[0].equals(version)) {
      throw new IllegalArgumentException("Not an encrypted value");
    }
    SecretKey key = keys.get(parts[1]);
    if (key == null) {
      throw new IllegalArgumentException(
          "The value was sealed with key '" + parts[1] + "', which is not configured");
    }
    try {
      Base64.Decoder b64 = Base64.getDecoder();
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, b64.decode(parts[2])));
      cipher.updateAAD(associatedData.apply(parts[1]));
      return new String(cipher.doFinal(b64.decode(parts[3])), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The encrypted value cannot be opened here (altered, moved, or the wrong key)");
    }
  }
}
