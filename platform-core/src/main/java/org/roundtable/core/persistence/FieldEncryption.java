package org.roundtable.core.persistence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Encrypts sensitive fields (a tenant's client secret, later bank details) with AES-256-GCM from
 * the JDK. Each value carries the id of the key that sealed it ({@code v1:<key id>:<iv>:<data>}),
 * so keys rotate: a new active key seals new values while older keys still open old ones.
 *
 * <p>Keys come from configuration that operators fill from a Secret: {@code roundtable.crypto.keys}
 * ({@code id=base64 of 32 bytes}, comma-separated) and {@code roundtable.crypto.active-key} (the id
 * that seals).
 */
public final class FieldEncryption {

  private static final String VERSION = "v1";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Map<String, SecretKey> keys;
  private final String activeKey;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, DerivedKey> derived = new java.util.concurrent.ConcurrentHashMap<>();

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
          HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
          hkdf.init(
              new HKDFParameters(
                  keys.get(activeKey).getEncoded(), null, p.getBytes(StandardCharsets.UTF_8)));
          byte[] key = new byte[32];
          hkdf.generateBytes(key, 0, key.length);
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

  public String encrypt(String plaintext) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(activeKey.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      Base64.Encoder b64 = Base64.getEncoder();
      return VERSION
          + ":"
          + activeKey
          + ":"
          + b64.encodeToString(iv)
          + ":"
          + b64.encodeToString(sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is always available", e);
    }
  }

  /**
   * Opens a value sealed by {@link #encrypt} with any configured key.
   *
   * @throws IllegalArgumentException if it is malformed, its key is unknown, or it was altered
   */
  public String decrypt(String sealedValue) {
    String[] parts = sealedValue.split(":", 4);
    if (parts.length != 4 || !parts[0].equals(VERSION)) {
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
      cipher.updateAAD(parts[1].getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(b64.decode(parts[3])), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The encrypted value cannot be opened (altered or wrong key)");
    }
  }
}
