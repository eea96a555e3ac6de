package org.roundtable.core.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.roundtable.api.errors.Conflict;
import org.roundtable.core.audit.AuditLog;
import org.roundtable.core.member.Member;
import org.roundtable.core.member.MemberDetails;
import org.roundtable.core.member.MemberDirectory;

/**
 * Who is a guest of which record, in the current council: one row per guest and record of a
 * plugin's guest resource ({@code guest_grant}, under row-level security like every council's
 * table). What a guest may see and do is decided from these rows alone; the {@code guest} role
 * holds no permission ({@link PermissionGrants}).
 */
@ApplicationScoped
public class GuestGrants {

  @Inject EntityManager entityManager;
  @Inject MemberDirectory members;
  @Inject AuditLog audit;
  @Inject InstalledPlugins plugins;

  /** The guest resource as its plugin declares it, if one does. */
  public java.util.Optional<org.roundtable.api.plugin.GuestResource> declared(String resource) {
    return plugins.all().stream()
        .flatMap(p -> p.guestResources().stream())
        .filter(g -> g.name().equals(resource))
        .findFirst();
  }

  /**
   * The guest with this email, given the record: a new member of this council if nobody has the
   * email, the same guest if a guest has it.
   *
   * @throws Conflict when a member who is not a guest has the email
   */
  @Transactional
  public Member admit(
      String resource,
      String record,
      String fullName,
      String email,
      String organisation,
      String grantedBy) {
    Member guest =
        members
            .findByEmail(email)
            .map(
                found -> {
                  if (!isGuest(found.id())) {
                    throw new Conflict(
                        "This email belongs to a member of this council, who is not a guest: they"
                            + " see what their roles give them");
                  }
                  return found;
                })
            .orElseGet(
                () ->
                    members.add(
                        new MemberDetails(
                            fullName, null, email, null, null, Set.of(), Set.of(), Set.of(), null,
                            Set.of(), false)));
    if (grant(guest.id(), resource, record, organisation, grantedBy)) {
      audit.record("guest.granted", "member", guest.id().toString(), resource + " " + record);
    }
    return guest;
  }

  /** A guest's grant on one record. */
  public record Grant(UUID memberId, String organisation, Instant grantedAt) {}

  /** Whether the member is a guest of this record. */
  @Transactional
  public boolean holds(UUID member, String resource, String record) {
    return !entityManager
        .createNativeQuery(
            "SELECT 1 FROM guest_grant WHERE member_id = ?1 AND resource = ?2 AND record_id = ?3"
                + " AND tenant_id = ?4")
        .setParameter(4, council())
        .setParameter(1, member)
        .setParameter(2, resource)
        .setParameter(3, record)
        .getResultList()
        .isEmpty();
  }

  /** The records of a resource the member is a guest of, in the order they were given. */
  @Transactional
  public Set<String> records(UUID member, String resource) {
    List<?> rows =
        entityManager
            .createNativeQuery(
                "SELECT record_id FROM guest_grant WHERE member_id = ?1 AND resource = ?2"
                    + " AND tenant_id = ?3 ORDER BY granted_at, record_id")
            .setParameter(3, council())
            .setParameter(1, member)
            .setParameter(2, resource)
            .getResultList();
    Set<String> records = new LinkedHashSet<>();
    rows.forEach(row -> records.add((String) row));
    return Set.copyOf(records);
  }

  /** Whether the member is a guest of anything here. */
  @Transactional
  public boolean isGuest(UUID member) {
    return !entityManager
        .createNativeQuery(
            "SELECT 1 FROM guest_grant WHERE member_id = ?1 AND tenant_id = ?2 LIMIT 1")
        .setParameter(2, council())
        .setParameter(1, member)
        .getResultList()
        .isEmpty();
  }

  /**
   * Gives the member a record (nothing changes if they have it).
   *
   * @return whether it is new
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean grant(
      UUID member, String resource, String record, String organisation, String grantedBy) {
    return entityManager
            .createNativeQuery(
                "INSERT INTO guest_grant (tenant_id, member_id, resource, record_id, organisation,"
                    + " granted_by) VALUES (?6, ?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
            .setParameter(6, council())
            .setParameter(1, member)
            .setParameter(2, resource)
            .setParameter(3, record)
            .setParameter(4, organisation)
            .setParameter(5, grantedBy)
            .executeUpdate()
        == 1;
  }

  /**
   * Takes a record away from a guest.
   *
   * @return whether they had it
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean revoke(UUID member, String resource, String record) {
    return entityManager
            .createNativeQuery(
                "DELETE FROM guest_grant WHERE member_id = ?1 AND resource = ?2 AND record_id = ?3"
                    + " AND tenant_id = ?4")
            .setParameter(4, council())
            .setParameter(1, member)
            .setParameter(2, resource)
            .setParameter(3, record)
            .executeUpdate()
        == 1;
  }

  /** The guests of one record, in the order they were given it. */
  @Transactional
  public List<Grant> of(String resource, String record) {
    List<?> rows =
        entityManager
            .createNativeQuery(
                "SELECT member_id, organisation, granted_at FROM guest_grant"
                    + " WHERE resource = ?1 AND record_id = ?2 AND tenant_id = ?3"
                    + " ORDER BY granted_at, member_id")
            .setParameter(3, council())
            .setParameter(1, resource)
            .setParameter(2, record)
            .getResultList();
    return rows.stream()
        .map(row -> (Object[]) row)
        .map(
            row ->
                new Grant(
                    (UUID) row[0],
                    row[1] == null ? "" : (String) row[1],
                    row[2] instanceof java.sql.Timestamp t
                        ? t.toInstant()
                        : ((java.time.OffsetDateTime) row[2]).toInstant()))
        .toList();
  }

  /**
   * The council bound to this unit of work: native SQL names it as well as row-level security does
   * (ADR 0014), so neither lock alone holds a council's grants apart.
   */
  private static String council() {
    return org.roundtable.core.tenancy.TenantBinding.current()
        .orElseThrow(() -> new IllegalStateException("Guest grants are read in a council"))
        .slug();
  }
}
