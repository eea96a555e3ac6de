package org.roundtable.core.mail;

import static org.roundtable.core.request.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roundtable.core.persistence.DueWork;
import org.roundtable.core.persistence.DueWorkTable;
import org.roundtable.core.persistence.TenantTransactions;
import org.roundtable.core.persistence.WorkMetrics;
import org.roundtable.core.tenancy.Tenant;

/**
 * Email through an outbox. {@link #queue} writes the email in the caller's transaction (so it goes
 * only if the change that caused it commits, and a relay that is down never fails that change);
 * {@link #runDue} sends what is due, tenant by tenant, after commit: at least once, with a stable
 * Message-ID ({@code <id@domain of the sender address>}) so a repeat can be recognised, waiting
 * longer after each refusal.
 */
@ApplicationScoped
public class MailOutbox implements DueWork {

  private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());
  private static final int BATCH = 20;

  /** The due-work kind of the mail outbox. */
  public static final String KIND = "mail";

  @Inject EntityManager entityManager;
  @Inject TenantTransactions transactions;
  @Inject Mailer mailer;
  @Inject DueWorkTable due;
  @Inject Clock clock;
  @Inject Instance<OutboxDelivery> deliveries;
  @Inject WorkMetrics metrics;

  @Inject
  @ConfigProperty(name = "roundtable.outbox.max-attempts", defaultValue = "16")
  int mostAttempts;

  /** An email given up on, as operators see it: never its recipient, subject or text. */
  public record Failed(
      UUID id, String kind, Instant createdAt, int attempts, Instant failedAt, String lastError) {}

  /**
   * Queues an email from the current tenant, in the current transaction (or one of its own).
   *
   * @return its id, which is also its Message-ID
   */
  @Transactional
  public UUID queue(Mailer.Email email) {
    return queue(SmtpDelivery.KIND, email);
  }

  /**
   * Queues an email of a kind some {@link OutboxDelivery} sends, in the current transaction (or one
   * of its own).
   */
  @Transactional
  public UUID queue(String kind, Mailer.Email email) {
    JsonArrayBuilder attachments = JSON.createArrayBuilder();
    for (Mailer.Attachment attachment : email.attachments()) {
      attachments.add(
          JSON.createObjectBuilder()
              .add("fileName", attachment.fileName())
              .add("contentType", attachment.contentType())
              .add("content", Base64.getEncoder().encodeToString(attachment.content())));
    }
    UUID id = UUID.randomUUID();
    entityManager.persist(
        new OutboxMail(
            id,
            kind,
            email.to(),
            email.senderName(),
            email.subject(),
            email.text(),
            attachments.build().toString(),
            clock.instant()));
    return id;
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** When the next unsent email is to be tried: at once, or after its back-off. */
  @Override
  public Optional<Duration> nextDue(Tenant tenant) {
    if (!mailer.isConfigured()) {
      // Sent once the relay is configured (a restart marks nothing: the rows stay due).
      return Optional.of(Duration.ofMinutes(1));
    }
    // The row, not MIN(...): an aggregate skips the attribute's converter.
    return unsent(tenant, Optional.empty(), 1).stream()
        .findFirst()
        .map(OutboxMail::nextAttemptAt)
        .map(at -> Duration.between(clock.instant(), at))
        .map(wait -> wait.isNegative() ? Duration.ZERO : wait);
  }

  /** Sends a tenant's due emails; each is marked sent only once the relay has taken it. */
  @Override
  public int runDue(Tenant tenant) {
    if (!mailer.isConfigured()) {
      return 0;
    }
    Map<String, OutboxDelivery> byKind = new HashMap<>();
    deliveries.forEach(d -> byKind.put(d.kind(), d));
    List<OutboxMail> due = unsent(tenant, Optional.of(clock.instant()), BATCH);
    int sent = 0;
    for (OutboxMail mail : due) {
      String error = null;
      try {
        OutboxDelivery delivery = byKind.get(mail.kind());
        if (delivery == null) {
          throw new IllegalStateException("No delivery for outbox emails of kind " + mail.kind());
        }
        delivery.deliver(tenant, mail.id(), email(mail));
        sent++;
      } catch (Exception e) {
        error = e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.log(
            Level.WARNING,
            "Email "
                + mail.id()
                + " of "
                + tenant.slug()
                + " not sent (attempt "
                + (mail.attempts() + 1)
                + " of "
                + mostAttempts
                + ")",
            e);
      }
      String failure = error;
      boolean givenUp =
          transactions.inTenant(
              tenant.ref(),
              () -> {
                OutboxMail row = entityManager.find(OutboxMail.class, mail.id());
                if (failure == null) {
                  row.sent(clock.instant());
                  return false;
                }
                return row.failed(failure, clock.instant(), mostAttempts);
              });
      if (failure != null) {
        if (givenUp) {
          metrics.deliveryGivenUp(KIND);
          LOG.warning(
              () ->
                  "Email "
                      + mail.id()
                      + " of "
                      + tenant.slug()
                      + " given up after "
                      + mostAttempts
                      + " attempts: in the failed list for an operator");
        } else {
          metrics.deliveryRetried(KIND);
        }
      }
    }
    return sent;
  }

  /** The current council's emails given up on, latest first (in the caller's transaction). */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Failed> failed() {
    return entityManager
        .createQuery(
            "SELECT m FROM OutboxMail m WHERE m.failedAt IS NOT NULL ORDER BY m.failedAt DESC",
            OutboxMail.class)
        .setMaxResults(500)
        .getResultList()
        .stream()
        .map(
            m ->
                new Failed(
                    m.id(),
                    m.kind(),
                    m.createdAt(),
                    m.attempts(),
                    m.failedAt().orElseThrow(),
                    m.lastError()))
        .toList();
  }

  /**
   * Sends an email given up on again, now (in the caller's transaction, bound to its council).
   *
   * @return whether it was one the outbox had given up on
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean resend(UUID id) {
    OutboxMail mail = entityManager.find(OutboxMail.class, id);
    if (mail == null || mail.failedAt().isEmpty()) {
      return false;
    }
    mail.resend(clock.instant());
    due.markDue(KIND, Duration.ZERO);
    metrics.deliveryResent(KIND);
    return true;
  }

  /** A tenant's unsent emails, soonest first: all of them, or those due by a moment. */
  private List<OutboxMail> unsent(Tenant tenant, Optional<Instant> dueBy, int limit) {
    return transactions.inTenant(
        tenant.ref(),
        () -> {
          TypedQuery<OutboxMail> query =
              entityManager
                  .createQuery(
                      "SELECT m FROM OutboxMail m WHERE m.sentAt IS NULL AND m.failedAt IS NULL"
                          + (dueBy.isPresent() ? " AND m.nextAttemptAt <= :dueBy" : "")
                          + " ORDER BY m.nextAttemptAt",
                      OutboxMail.class)
                  .setMaxResults(limit);
          dueBy.ifPresent(at -> query.setParameter("dueBy", at));
          return query.getResultList();
        });
  }

  private static Mailer.Email email(OutboxMail mail) {
    List<Mailer.Attachment> attachments = new ArrayList<>();
    try (var reader = JSON.createReader(new StringReader(mail.attachments()))) {
      for (JsonObject attachment : reader.readArray().getValuesAs(JsonObject.class)) {
        attachments.add(
            new Mailer.Attachment(
                attachment.getString("fileName"),
                attachment.getString("contentType"),
                Base64.getDecoder().decode(attachment.getString("content"))));
      }
    }
    return new Mailer.Email(
        mail.recipient(), mail.senderName(), mail.subject(), mail.body(), attachments);
  }
}
