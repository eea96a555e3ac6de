package org.roundtable.core.onboarding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.roundtable.core.audit.AuditLog;
import org.roundtable.core.identity.provisioning.RealmProvisioner;
import org.roundtable.core.mail.InvitationLetters;
import org.roundtable.core.persistence.DatabaseFaults;
import org.roundtable.core.persistence.TenantTransactions;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.core.tenancy.TenantRecord;

/**
 * Sets up a council's sign-in — its realm from the template, its clients, the invitation of its
 * first administrator — and records the outcome, so a council is never half-made in silence: it is
 * {@link Tenant.SignIn#READY}, or {@link Tenant.SignIn#PENDING} with the reason shown to operators
 * and answers 404 everywhere until a retry (an operator's, or the next start's) sets it up. Every
 * step is idempotent, so retrying is always safe; two retries at once (two pods) at worst send the
 * first administrator two set-password emails.
 */
@ApplicationScoped
public class TenantSignIn {

  private static final Logger LOG = Logger.getLogger(TenantSignIn.class.getName());
  private static final int MAX_REASON = 300;

  @Inject RealmProvisioner provisioner;
  @Inject TenantTransactions transactions;
  @Inject EntityManager entityManager;
  @Inject InvitationLetters letters;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** What operators see of a council's sign-in. */
  public record State(Tenant.SignIn signIn, Optional<String> problem, Optional<Instant> triedAt) {}

  /** The council's sign-in as it stands. */
  public State state(Tenant tenant) {
    return transactions.inTenant(
        tenant.ref(), () -> state(entityManager.find(TenantRecord.class, tenant.slug())));
  }

  /**
   * Every council whose sign-in is pending, with the reason: one query, for the operators' list.
   */
  @jakarta.transaction.Transactional
  public java.util.Map<String, State> pending() {
    java.util.Map<String, State> pending = new java.util.HashMap<>();
    entityManager
        .createQuery("SELECT t FROM TenantRecord t WHERE t.signIn = :pending", TenantRecord.class)
        .setParameter("pending", Tenant.SignIn.PENDING)
        .getResultList()
        .forEach(record -> pending.put(record.id(), state(record)));
    return pending;
  }

  private static State state(TenantRecord record) {
    return new State(record.toTenant().signIn(), record.signInProblem(), record.signInTriedAt());
  }

  /** A council's sign-in as operators see it: ready, or pending since a try, for a reason. */
  public State stateOf(Tenant tenant, java.util.Map<String, State> pending) {
    return pending.getOrDefault(
        tenant.slug(), new State(tenant.signIn(), Optional.empty(), Optional.empty()));
  }

  /**
   * Sets up the council's sign-in, outside any database transaction (it calls Keycloak), and
   * records whether it worked.
   *
   * @param tenantFolder its folder of tenant files, whose {@code realm.json} is the template
   * @return the council as it is now: ready, or pending with the reason
   */
  public Tenant setUp(Tenant tenant, Optional<Path> tenantFolder) {
    Optional<TenantRecord.FirstAdmin> firstAdmin =
        transactions.inTenant(
            tenant.ref(), () -> entityManager.find(TenantRecord.class, tenant.slug()).firstAdmin());
    try {
      provisioner.ensureRealm(tenant, tenantFolder);
      if (firstAdmin.isPresent()) {
        TenantRecord.FirstAdmin admin = firstAdmin.get();
        provisioner.inviteFirstAdmin(tenant, admin.email(), admin.firstName(), admin.lastName());
      }
    } catch (IOException | RuntimeException e) {
      if (DatabaseFaults.isUnavailable(e)) {
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
      LOG.log(Level.SEVERE, "Could not set up the sign-in of " + tenant.slug(), e);
      String reason = reason(e);
      Tenant failed =
          transactions.inTenant(
              tenant.ref(),
              () -> {
                TenantRecord record = entityManager.find(TenantRecord.class, tenant.slug());
                record.signInFailed(reason, clock.instant());
                audit.recordSystem(
                    "sign-in-setup", "tenant.sign-in-failed", "tenant", tenant.slug(), reason);
                return record.toTenant();
              });
      return failed;
    }
    Tenant ready =
        transactions.inTenant(
            tenant.ref(),
            () -> {
              TenantRecord record = entityManager.find(TenantRecord.class, tenant.slug());
              boolean wasPending = record.toTenant().signIn() == Tenant.SignIn.PENDING;
              record.signInReady(clock.instant());
              if (wasPending) {
                audit.recordSystem(
                    "sign-in-setup", "tenant.sign-in-ready", "tenant", tenant.slug(), null);
              }
              return record.toTenant();
            });
    firstAdmin.ifPresent(
        admin ->
            letters.send(
                ready,
                admin.email(),
                admin.firstName() + " " + admin.lastName(),
                "The Roundtable team"));
    return ready;
  }

  /** The reason in words an operator can act on; never longer than a line or two. */
  private static String reason(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof java.net.ConnectException || e instanceof java.net.http.HttpTimeoutException) {
      message = "Keycloak could not be reached (" + message + ")";
    }
    message = message.replaceAll("\\s+", " ").strip();
    return message.length() > MAX_REASON ? message.substring(0, MAX_REASON) + "…" : message;
  }
}
