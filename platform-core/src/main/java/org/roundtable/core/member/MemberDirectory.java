package org.roundtable.core.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.errors.NotFound;
import org.roundtable.core.audit.AuditLog;

/**
 * The members of the current tenant: adding, finding and changing them. Every change is audited in
 * the same transaction.
 */
@ApplicationScoped
public class MemberDirectory {

  @Inject EntityManager entityManager;
  @Inject AuditLog audit;
  @Inject Clock clock;

  @Transactional
  public Member add(MemberDetails details) {
    requireEmailFree(details.email(), null);
    Member member = new Member(UUID.randomUUID(), details, clock.instant());
    entityManager.persist(member);
    entityManager.flush();
    audit.record("member.added", "member", member.id().toString(), null);
    return member;
  }

  /**
   * The member the signed-in person is, created just in time on their first sign-in (someone who
   * signs in uninvited). Never matched to an existing record by email address: officers' records
   * are linked through invitations only.
   */
  @Transactional
  public Member forSignedIn(String subject, String displayName) {
    List<Member> linked =
        entityManager
            .createQuery("SELECT m FROM Member m WHERE m.subject = :subject", Member.class)
            .setParameter("subject", subject)
            .getResultList();
    if (!linked.isEmpty()) {
      return linked.get(0);
    }
    Member member =
        new Member(
            UUID.randomUUID(),
            new MemberDetails(
                displayName,
                null,
                null,
                null,
                null,
                Set.of(),
                Set.of(),
                Set.of(),
                null,
                Set.of(),
                false),
            clock.instant());
    member.linkTo(subject);
    entityManager.persist(member);
    entityManager.flush();
    audit.record("member.created-on-first-sign-in", "member", member.id().toString(), null);
    return member;
  }

  /**
   * Links a member to the sign-in an invitation created for them (the realm user's id, which is the
   * subject their tokens carry), audited as an invitation.
   */
  @Transactional
  public Member linkInvited(UUID id, String subject) {
    Member member = find(id).orElseThrow(() -> new NotFound("This member"));
    if (member.subject().isPresent()) {
      throw new Conflict("This member can already sign in");
    }
    member.linkTo(subject);
    entityManager.flush();
    audit.record("member.invited", "member", id.toString(), null);
    return member;
  }

  /** The signed-in person changes their own profile. */
  @Transactional
  public Member updateOwn(String subject, String displayName, MemberDetails details) {
    Member member = forSignedIn(subject, displayName);
    requireEmailFree(details.email(), member.id());
    member.apply(details, clock.instant());
    entityManager.flush();
    audit.record("member.updated-own-profile", "member", member.id().toString(), null);
    return member;
  }

  @Transactional
  public Optional<Member> find(UUID id) {
    return Optional.ofNullable(entityManager.find(Member.class, id));
  }

  /** Many members at once (ids of other tenants are simply not found). */
  @Transactional
  public List<Member> findAll(java.util.Collection<UUID> ids) {
    List<UUID> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
    List<Member> found = new java.util.ArrayList<>();
    for (int from = 0; from < all.size(); from += 1000) {
      found.addAll(
          entityManager
              .createQuery("SELECT m FROM Member m WHERE m.id IN :ids", Member.class)
              .setParameter("ids", all.subList(from, Math.min(all.size(), from + 1000)))
              .getResultList());
    }
    return found;
  }

  @Transactional
  public List<Member> list(int offset, int limit) {
    return entityManager
        .createQuery("SELECT m FROM Member m ORDER BY m.fullName, m.id", Member.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Replaces a member's details.
   *
   * @param expectedVersion the version the caller last saw, if they sent one: a member changed
   *     since then is not overwritten (409)
   */
  @Transactional
  public Member update(UUID id, MemberDetails details, Optional<Long> expectedVersion) {
    Member member = find(id).orElseThrow(() -> new NotFound("This member"));
    if (expectedVersion.isPresent() && expectedVersion.get() != member.version()) {
      throw new Conflict(
          "This member was changed by someone else since you read it: read it again and retry");
    }
    requireEmailFree(details.email(), id);
    member.apply(details, clock.instant());
    entityManager.flush();
    audit.record("member.updated", "member", id.toString(), null);
    return member;
  }

  /** Records whether the member shares their access needs with organisers. */
  @Transactional
  public void shareAccessNeeds(UUID id, boolean shared) {
    Member member = find(id).orElseThrow(() -> new NotFound("This member"));
    if (member.accessNeedsShared() != shared) {
      member.shareAccessNeeds(shared);
      audit.record(
          shared ? "member.access-needs-shared" : "member.access-needs-withdrawn",
          "member",
          id.toString(),
          null);
    }
  }

  /** The member of this council with this email address, compared without case. */
  @Transactional
  public Optional<Member> findByEmail(String email) {
    return entityManager
        .createQuery("SELECT m FROM Member m WHERE LOWER(m.email) = LOWER(:email)", Member.class)
        .setParameter("email", email.strip())
        .getResultStream()
        .findFirst();
  }

  private void requireEmailFree(String email, UUID except) {
    if (email == null || email.isBlank()) {
      return;
    }
    List<UUID> holders =
        entityManager
            .createQuery(
                "SELECT m.id FROM Member m WHERE LOWER(m.email) = LOWER(:email)", UUID.class)
            .setParameter("email", email.strip())
            .getResultList();
    if (holders.stream().anyMatch(holder -> !holder.equals(except))) {
      throw new Conflict("Another member of this council already has that email");
    }
  }
}
