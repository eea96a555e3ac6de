package ${package}.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import ${package}.domain.Suggestion;
import org.roundtable.api.errors.Forbidden;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.api.platform.CurrentMember;

/**
 * The council's suggestions: making one, and reading them back. Every query sees the current
 * council's rows only (the platform binds the council to the transaction; row-level security holds
 * even if a query forgot it).
 */
@ApplicationScoped
public class Suggestions {

  @Inject EntityManager entityManager;
  @Inject CurrentMember currentMember;
  @Inject AuditTrail audit;
  @Inject SuggestionRules rules;
  @Inject Clock clock;

  /** The signed-in member's suggestion, kept and written in the council's audit trail. */
  @Transactional
  public Suggestion suggest(String text) {
    UUID author =
        currentMember
            .id()
            .orElseThrow(() -> new Forbidden("only a member of the council can make a suggestion"));
    Suggestion suggestion =
        new Suggestion(UUID.randomUUID(), author, rules.accepted(text), clock.instant());
    entityManager.persist(suggestion);
    audit.record("suggestion.made", "suggestion", suggestion.id().toString(), null);
    return suggestion;
  }

  /** The newest suggestions first. */
  @Transactional
  public List<Suggestion> recent(int limit) {
    return entityManager
        .createQuery("SELECT s FROM Suggestion s ORDER BY s.createdAt DESC", Suggestion.class)
        .setMaxResults(limit)
        .getResultList();
  }

  /** One suggestion of this council. */
  @Transactional
  public Suggestion suggestion(UUID id) {
    Suggestion suggestion = entityManager.find(Suggestion.class, id);
    if (suggestion == null) {
      throw new NotFound("This suggestion");
    }
    return suggestion;
  }

  /** How many suggestions were made since a moment. */
  @Transactional
  public long madeSince(Instant since) {
    return entityManager
        .createQuery("SELECT COUNT(s) FROM Suggestion s WHERE s.createdAt >= :since", Long.class)
        .setParameter("since", since)
        .getSingleResult();
  }
}
