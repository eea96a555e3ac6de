package org.roundtable.core.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.roundtable.api.web.FormErrors;
import org.roundtable.core.audit.AuditLog;
import org.roundtable.core.tenancy.TenantBinding;

/**
 * A council's own look on its pages: its colour (behind white text, so only colours white text
 * reads on at 4.5:1 or more) and its logo (PNG or JPEG, at most 256 KB). Never the crown or the
 * GOV.UK logo: those are central government's. Rows are the tenant's own (row-level security).
 */
@RequestScoped
public class BrandingStore {

  /** The look when a council has chosen none: near-black, the GOV.UK Frontend default. */
  public static final String DEFAULT_COLOUR = "#0b0c0c";

  public static final int LOGO_LIMIT = 262_144;

  private static final Pattern HEX = Pattern.compile("#[0-9a-f]{6}");
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

  @Inject EntityManager entityManager;
  @Inject AuditLog audit;

  private Look look;

  /**
   * A council's look.
   *
   * @param colour its colour, {@code #rrggbb}
   * @param hasLogo whether it has a logo
   * @param version changes with every change
   */
  public record Look(String colour, boolean hasLogo, long version) {}

  /** A logo as stored. */
  public record Logo(byte[] bytes, String type) {}

  /** The current council's look (read once per request; in a transaction, so the tenant is set). */
  @Transactional
  public Look look() {
    if (look == null) {
      List<?> rows =
          entityManager
              .createNativeQuery(
                  "SELECT colour, logo_type IS NOT NULL, version FROM tenant_branding"
                      + " WHERE tenant_id = ?1")
              .setParameter(1, tenant())
              .getResultList();
      look = rows.isEmpty() ? new Look(DEFAULT_COLOUR, false, 0) : toLook((Object[]) rows.get(0));
    }
    return look;
  }

  /** The current council's logo, if it has one. */
  @Transactional
  public Optional<Logo> logo() {
    List<?> rows =
        entityManager
            .createNativeQuery(
                "SELECT logo, logo_type FROM tenant_branding"
                    + " WHERE logo IS NOT NULL AND tenant_id = ?1")
            .setParameter(1, tenant())
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    return Optional.of(new Logo((byte[]) row[0], (String) row[1]));
  }

  /**
   * Checks a colour an administrator typed ({@code #1d70b8} or {@code 1D70B8}).
   *
   * @return the colour as stored, or empty with the reason added to {@code errors}
   */
  public static Optional<String> colour(String typed, String field, FormErrors errors) {
    String colour = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    if (!colour.startsWith("#")) {
      colour = "#" + colour;
    }
    if (!HEX.matcher(colour).matches()) {
      errors.add(field, "Enter the colour as 6 hexadecimal digits, like #1d70b8");
      return Optional.empty();
    }
    double contrast = contrastWithWhite(colour);
    if (contrast < 4.5) {
      errors.add(
          field,
          String.format(
              Locale.UK,
              "Choose a darker colour: white text on %s has a contrast of %.1f to 1, and"
                  + " needs at least 4.5 to 1 to be easy to read",
              colour,
              contrast));
      return Optional.empty();
    }
    return Optional.of(colour);
  }

  /**
   * Checks an uploaded logo.
   *
   * @return its media type, or empty with the reason added to {@code errors}
   */
  public static Optional<String> logoType(byte[] bytes, String field, FormErrors errors) {
    if (bytes.length == 0) {
      errors.add(field, "Choose a logo file");
      return Optional.empty();
    }
    if (bytes.length > LOGO_LIMIT) {
      errors.add(field, "The logo must be smaller than 256 KB");
      return Optional.empty();
    }
    if (startsWith(bytes, PNG)) {
      return Optional.of("image/png");
    }
    if (startsWith(bytes, JPEG)) {
      return Optional.of("image/jpeg");
    }
    errors.add(field, "The logo must be a PNG or JPEG image");
    return Optional.empty();
  }

  /** Saves the colour. */
  @Transactional
  public void changeColour(String colour) {
    entityManager
        .createNativeQuery(
            "INSERT INTO tenant_branding (tenant_id, colour) VALUES (?2, ?1)"
                + " ON CONFLICT (tenant_id) DO UPDATE"
                + " SET colour = excluded.colour, updated_at = now(),"
                + " version = tenant_branding.version + 1")
        .setParameter(1, colour)
        .setParameter(2, tenant())
        .executeUpdate();
    audit.record("tenant.branding-changed", "tenant", "branding", "colour " + colour);
    look = null;
  }

  /** Saves a logo (checked with {@link #logoType}). */
  @Transactional
  public void changeLogo(byte[] bytes, String type) {
    entityManager
        .createNativeQuery(
            "INSERT INTO tenant_branding (tenant_id, logo, logo_type) VALUES (?3, ?1, ?2)"
                + " ON CONFLICT (tenant_id)"
                + " DO UPDATE SET logo = excluded.logo, logo_type = excluded.logo_type,"
                + " updated_at = now(), version = tenant_branding.version + 1")
        .setParameter(1, bytes)
        .setParameter(2, type)
        .setParameter(3, tenant())
        .executeUpdate();
    audit.record("tenant.branding-changed", "tenant", "branding", "logo " + type);
    look = null;
  }

  /** Removes the logo: the council's name stands alone. */
  @Transactional
  public void removeLogo() {
    entityManager
        .createNativeQuery(
            "UPDATE tenant_branding SET logo = NULL, logo_type = NULL, updated_at = now(),"
                + " version = version + 1 WHERE tenant_id = ?1")
        .setParameter(1, tenant())
        .executeUpdate();
    audit.record("tenant.branding-changed", "tenant", "branding", "logo removed");
    look = null;
  }

  /** The council this request is bound to: native SQL names it too, beside row-level security. */
  private static String tenant() {
    return TenantBinding.current().orElseThrow().slug();
  }

  /** WCAG 2.2 contrast ratio of white against a colour. */
  static double contrastWithWhite(String colour) {
    byte[] rgb = HexFormat.of().parseHex(colour.substring(1));
    double luminance =
        0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
    return 1.05 / (luminance + 0.05);
  }

  private static double channel(byte value) {
    double c = (value & 0xff) / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
  }

  private static Look toLook(Object[] row) {
    return new Look((String) row[0], (Boolean) row[1], ((Number) row[2]).longValue());
  }
}
