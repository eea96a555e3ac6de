package org.roundtable.plugins.payments.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.roundtable.api.personaldata.PersonalDataHandler;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.plugins.payments.PaymentsPlugin;
import org.roundtable.plugins.payments.domain.Claim;
import org.roundtable.plugins.payments.domain.LedgerEntry;
import org.roundtable.plugins.payments.domain.PayeeProfile;

/**
 * A person's payment data for their subject-access request, and what erasure leaves: claims and
 * ledger lines are financial records the council must keep (six years), so they stay; bank details,
 * the finance reference, charity and benefit choices go.
 */
@ApplicationScoped
public class PaymentsPersonalData implements PersonalDataHandler {

  /** Looked up once: {@code Json.create…} scans the class path for the provider every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject EntityManager entityManager;
  @Inject Claims claims;
  @Inject Ledger ledger;
  @Inject AuditTrail audit;

  @Override
  public String pluginId() {
    return PaymentsPlugin.ID;
  }

  @Override
  public JsonObject export(UUID memberId) {
    return export(memberId, Audience.MEMBER);
  }

  /**
   * Everything for the member; for an officer, their benefit details (which benefits they get,
   * whether they want warnings) only if they chose to share them, as the payments pages show them.
   */
  @Override
  public JsonObject export(UUID memberId, Audience audience) {
    var json = JSON.createObjectBuilder();
    PayeeProfile profile = entityManager.find(PayeeProfile.class, memberId);
    if (profile != null) {
      var choices =
          JSON.createObjectBuilder()
              .add("defaultMethod", profile.defaultMethod().name())
              .add("charity", String.valueOf(profile.charity()))
              .add("financeReference", String.valueOf(profile.financeReference()))
              .add("bankDetails", String.valueOf(profile.bankMasked()))
              .add("shareWarningsWithOfficer", profile.shareWithOfficer());
      if (audience == Audience.MEMBER || profile.shareWithOfficer()) {
        choices
            .add("benefitAwareness", profile.benefitAwareness())
            .add("benefitLimits", String.join(",", profile.benefitLimits()));
      }
      json.add("paymentChoices", choices);
    }
    JsonArrayBuilder list = JSON.createArrayBuilder();
    for (Claim c : claims.forMember(memberId)) {
      list.add(
          JSON.createObjectBuilder()
              .add("id", c.id().toString())
              .add("activity", c.activityTitle())
              .add("activityDate", c.activityDate().toString())
              .add("status", c.status().name())
              .add("feePence", c.payableFeePence())
              .add("method", c.method().name())
              .add("paidPence", c.paidFeePence() + c.paidExpensesPence()));
    }
    json.add("claims", list);
    JsonArrayBuilder entries = JSON.createArrayBuilder();
    List<LedgerEntry> lines = ledger.forMember(memberId);
    for (LedgerEntry e : lines) {
      entries.add(
          JSON.createObjectBuilder()
              .add("kind", e.kind().name())
              .add("claimId", e.claimId().toString())
              .add("feePence", e.feePence())
              .add("expensesPence", e.expensesPence())
              .add("postedAt", e.postedAt().toString()));
    }
    json.add("ledger", entries);
    return json.build();
  }

  @Override
  public void erase(UUID memberId) {
    PayeeProfile profile = entityManager.find(PayeeProfile.class, memberId);
    if (profile != null) {
      entityManager.remove(profile);
    }
    audit.record(
        "payments.payee.erased",
        "payee",
        memberId.toString(),
        "payment choices and bank details erased; claims and ledger kept as financial records");
  }
}
