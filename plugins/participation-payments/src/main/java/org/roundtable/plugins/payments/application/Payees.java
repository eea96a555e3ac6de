package org.roundtable.plugins.payments.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.errors.Forbidden;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.platform.Members;
import org.roundtable.api.security.SealedValues;
import org.roundtable.plugins.payments.PaymentsPlugin;
import org.roundtable.plugins.payments.domain.Claim;
import org.roundtable.plugins.payments.domain.PayeeProfile;

/**
 * People's payment choices and bank details. Bank details are the minimum a payment needs (name on
 * the account, sort code, account number), sealed with the platform's data keys; every response
 * shows them masked, and finance's every view of them in full is audited.
 */
@ApplicationScoped
public class Payees {

  /** Looked up once: {@code Json.create…} scans the class path for the provider every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject EntityManager entityManager;

  /** Where bank details are sealed: their table and column; the row is the member's id. */
  static final String SEALED_AT = "payments_payee.bank_details_sealed";

  @Inject SealedValues sealed;
  @Inject AuditTrail audit;
  @Inject Members members;
  @Inject Clock clock;
  @Inject CurrentMember currentMember;

  /** Bank details as a person gives them. */
  public record BankDetails(String accountName, String sortCode, String accountNumber) {}

  /** A person's profile, made with the defaults the first time it is asked for. */
  @Transactional
  public PayeeProfile profile(UUID memberId) {
    PayeeProfile profile = entityManager.find(PayeeProfile.class, memberId);
    if (profile == null) {
      if (members.find(memberId).isEmpty()) {
        throw new NotFound();
      }
      profile = new PayeeProfile(memberId, clock.instant());
      entityManager.persist(profile);
    }
    return profile;
  }

  /** Profiles of many people, for a finance run (those without one get the defaults). */
  @Transactional
  public Map<UUID, PayeeProfile> existing(Collection<UUID> memberIds) {
    Map<UUID, PayeeProfile> found = new HashMap<>();
    List<UUID> ids = List.copyOf(memberIds);
    for (int from = 0; from < ids.size(); from += 1000) {
      entityManager
          .createQuery("SELECT p FROM PayeeProfile p WHERE p.memberId IN :ids", PayeeProfile.class)
          .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
          .getResultList()
          .forEach(p -> found.put(p.memberId(), p));
    }
    return found;
  }

  @Transactional
  public PayeeProfile choose(
      UUID memberId, Claim.Method method, String charity, String financeReference) {
    if (method == Claim.Method.CHARITY && (charity == null || charity.isBlank())) {
      throw new Refused("charity", "Name the charity your fee should go to");
    }
    PayeeProfile profile = profile(memberId);
    profile.choose(method, strip(charity), strip(financeReference), clock.instant());
    audit.record("payments.payee.choices-changed", "payee", memberId.toString(), method.name());
    return profile;
  }

  @Transactional
  public PayeeProfile bankDetails(UUID memberId, BankDetails details) {
    String sortCode = details.sortCode().replaceAll("[\\s-]", "");
    String account = details.accountNumber().replaceAll("\\s", "");
    if (!sortCode.matches("\\d{6}")) {
      throw new Refused("sortCode", "A sort code is 6 digits, like 12-34-56");
    }
    if (!account.matches("\\d{8}")) {
      throw new Refused("accountNumber", "An account number is 8 digits");
    }
    if (details.accountName() == null || details.accountName().isBlank()) {
      throw new Refused("accountName", "Give the name on the account");
    }
    if (!sealed.isAvailable()) {
      throw new IllegalStateException("Bank details cannot be stored: no data keys configured");
    }
    PayeeProfile profile = profile(memberId);
    String json =
        JSON.createObjectBuilder()
            .add("accountName", details.accountName().strip())
            .add("sortCode", sortCode)
            .add("accountNumber", account)
            .build()
            .toString();
    UUID changer = changer();
    profile.bankDetails(
        sealed.seal(json, SEALED_AT, memberId.toString()),
        "Sort code ••-••-" + sortCode.substring(4) + ", account ••••" + account.substring(4),
        clock.instant(),
        changer,
        currentMember.isActingForAnother() || !changer.equals(memberId));
    audit.record("payments.payee.bank-details-changed", "payee", memberId.toString(), null);
    return profile;
  }

  @Transactional
  public PayeeProfile removeBankDetails(UUID memberId) {
    PayeeProfile profile = profile(memberId);
    UUID changer = changer();
    profile.bankDetails(
        null,
        null,
        clock.instant(),
        changer,
        currentMember.isActingForAnother() || !changer.equals(memberId));
    audit.record("payments.payee.bank-details-removed", "payee", memberId.toString(), null);
    return profile;
  }

  /**
   * A second person confirms bank details that were set for another person or changed recently, so
   * a run may pay them: someone holding the approval or the finance permission, who did not make
   * the change and is not the person paid.
   */
  @Transactional
  public PayeeProfile confirmBankDetails(UUID memberId) {
    if (!currentMember.hasPermission(PaymentsPlugin.APPROVE)
        && !currentMember.hasPermission(PaymentsPlugin.FINANCE)) {
      throw new Forbidden(
          "Bank details are confirmed by an approver or by finance: ask one of them");
    }
    if (currentMember.isActingForAnother()) {
      throw new Forbidden("Confirm bank details as yourself, not while acting for someone");
    }
    UUID confirmer = changer();
    PayeeProfile profile = entityManager.find(PayeeProfile.class, memberId);
    if (profile == null || profile.bankDetailsSealed() == null) {
      throw new NotFound();
    }
    if (confirmer.equals(memberId)
        || profile.bankChangedBy().filter(confirmer::equals).isPresent()) {
      throw new Forbidden(
          "A second person confirms bank details: not the person who set them, nor the person"
              + " paid");
    }
    profile.confirmBankDetails(confirmer, clock.instant());
    audit.record("payments.payee.bank-details-confirmed", "payee", memberId.toString(), null);
    return profile;
  }

  /** The signed-in person making a change (the officer, when acting for someone). */
  private UUID changer() {
    return currentMember.signedInId().orElseThrow(() -> new Forbidden("Sign in first"));
  }

  /** Opens a person's bank details for finance: audited, every time. */
  @Transactional
  public BankDetails revealBankDetails(UUID memberId) {
    PayeeProfile profile = entityManager.find(PayeeProfile.class, memberId);
    if (profile == null || profile.bankDetailsSealed() == null) {
      throw new NotFound();
    }
    audit.record("payments.payee.bank-details-viewed", "payee", memberId.toString(), null);
    String opened;
    try {
      opened = sealed.open(profile.bankDetailsSealed(), SEALED_AT, memberId.toString());
    } catch (IllegalArgumentException e) {
      throw new Conflict(
          "These bank details cannot be opened: they were not sealed for this person's record"
              + " (or their key is gone). Ask the person to give their bank details again");
    }
    try (var reader = JSON.createReader(new StringReader(opened))) {
      JsonObject json = reader.readObject();
      return new BankDetails(
          json.getString("accountName"),
          json.getString("sortCode"),
          json.getString("accountNumber"));
    }
  }

  /**
   * Seals again, at the same place, up to {@code limit} bank details sealed in an older format or
   * with an older key (the platform calls it for each council after a start).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int resealOld(int limit) {
    List<PayeeProfile> old =
        entityManager
            .createQuery(
                "SELECT p FROM PayeeProfile p WHERE p.bankDetailsSealed NOT LIKE :current"
                    + " ESCAPE '!' ORDER BY p.memberId",
                PayeeProfile.class)
            .setParameter("current", sealed.currentPattern())
            .setMaxResults(limit)
            .getResultList();
    for (PayeeProfile profile : old) {
      String row = profile.memberId().toString();
      profile.resealed(
          sealed.seal(sealed.open(profile.bankDetailsSealed(), SEALED_AT, row), SEALED_AT, row));
    }
    if (!old.isEmpty()) {
      audit.record("payments.payee.bank-details-resealed", "payee", "*", old.size() + " profiles");
    }
    return old.size();
  }

  @Transactional
  public PayeeProfile benefits(
      UUID memberId, boolean awareness, List<String> limits, boolean shareWithOfficer) {
    PayeeProfile profile = profile(memberId);
    profile.benefits(
        awareness, awareness ? limits : List.of(), awareness && shareWithOfficer, clock.instant());
    audit.record(
        "payments.payee.benefit-awareness-changed",
        "payee",
        memberId.toString(),
        awareness ? String.join(",", limits) : "off");
    return profile;
  }

  private static String strip(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
