package org.roundtable.plugins.payments.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.tenancy.TenantContext;

/**
 * Separation of duties, one check for single and bulk approvals alike: who had a hand in each claim
 * (the signed-in person who created, changed or submitted it, also while acting for its person),
 * and whom each would-be approver may not decide for. Nobody decides on a claim that is their own,
 * that they had a hand in, or whose person's bank details they set or changed within the policy's
 * hold period.
 */
@ApplicationScoped
public class ClaimHands {

  @Inject EntityManager entityManager;
  @Inject TenantContext tenants;
  @Inject CurrentMember currentMember;
  @Inject Clock clock;

  /**
   * The three reasons, as SQL conditions on a claim {@code c}, with the person {@code ?2} and the
   * hold's start {@code ?3}: one claim's check and the whole queue's approval read the same.
   */
  static final String OWN = "c.member_id = ?2";

  static final String HAD_A_HAND =
      "EXISTS (SELECT 1 FROM payments_claim_hand h WHERE h.tenant_id = c.tenant_id"
          + " AND h.claim_id = c.id AND h.member_id = ?2)";

  static final String CHANGED_BANK_DETAILS =
      "EXISTS (SELECT 1 FROM payments_payee p WHERE p.tenant_id = c.tenant_id"
          + " AND p.member_id = c.member_id AND p.bank_changed_by = ?2::text"
          + " AND p.bank_changed_at > ?3)";

  /** A claim {@code c} the person {@code ?2} may decide on. */
  static final String MAY_DECIDE =
      "NOT (" + OWN + ") AND NOT " + HAD_A_HAND + " AND NOT " + CHANGED_BANK_DETAILS;

  /** Records that the signed-in person had a hand in a claim (once per person and claim). */
  public void record(UUID claimId) {
    currentMember
        .signedInId()
        .ifPresent(
            person -> {
              entityManager.flush(); // a claim made in this transaction must exist first
              entityManager
                  .createNativeQuery(
                      "INSERT INTO payments_claim_hand (tenant_id, claim_id, member_id, first_at)"
                          + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                  .setParameter(1, tenants.current().slug())
                  .setParameter(2, claimId)
                  .setParameter(3, person)
                  .setParameter(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                  .executeUpdate();
            });
  }

  /**
   * The claims among these that this person may not decide on, each with the reason in plain words;
   * one query, however many claims.
   *
   * @param holdStart bank details changed after this still count as changed by their changer
   */
  @SuppressWarnings("unchecked")
  public Map<UUID, String> refusals(Collection<UUID> claimIds, UUID person, Instant holdStart) {
    Map<UUID, String> refused = new LinkedHashMap<>();
    if (claimIds.isEmpty()) {
      return refused;
    }
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT c.id, "
                    + OWN
                    + ", "
                    + HAD_A_HAND
                    + ", "
                    + CHANGED_BANK_DETAILS
                    + " FROM payments_claim c WHERE c.tenant_id = ?4"
                    + " AND c.id = ANY (string_to_array(?1, ',')::uuid[])")
            .setParameter(1, String.join(",", claimIds.stream().map(UUID::toString).toList()))
            .setParameter(2, person)
            .setParameter(3, OffsetDateTime.ofInstant(holdStart, ZoneOffset.UTC))
            .setParameter(4, tenants.current().slug())
            .getResultList();
    for (Object[] row : rows) {
      UUID claim = (UUID) row[0];
      if (Boolean.TRUE.equals(row[1])) {
        refused.put(claim, "Nobody decides on their own claim: ask another approver");
      } else if (Boolean.TRUE.equals(row[2])) {
        refused.put(
            claim,
            "You made, changed or sent this claim (or acted for the person when it was): another"
                + " approver must decide on it");
      } else if (Boolean.TRUE.equals(row[3])) {
        refused.put(
            claim,
            "You set or changed this person's bank details recently: another approver must"
                + " decide on their claims");
      }
    }
    return refused;
  }
}
