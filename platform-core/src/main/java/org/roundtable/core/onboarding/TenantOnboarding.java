package org.roundtable.core.onboarding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.errors.Unavailable;
import org.roundtable.api.tenancy.TenantRef;
import org.roundtable.core.audit.AuditLog;
import org.roundtable.core.events.EventDispatcher;
import org.roundtable.core.identity.Operators;
import org.roundtable.core.identity.PermissionGrants;
import org.roundtable.core.identity.provisioning.RealmProvisioner;
import org.roundtable.core.identity.session.WebSessions;
import org.roundtable.core.mail.MailOutbox;
import org.roundtable.core.persistence.TenantTransactions;
import org.roundtable.core.tenancy.RealmNames;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.core.tenancy.TenantRecord;
import org.roundtable.core.tenancy.TenantRegistry;
import org.roundtable.steps.plugins.ReservedSlugs;

/**
 * Operators create and suspend tenants at run time. Creating one registers it (with the default
 * permission grants) as pending, then sets up its sign-in ({@link TenantSignIn}: its realm through
 * the one provisioning path, then the invitation of its first administrator). A council whose
 * sign-in could not be set up stays pending, visibly, until an operator's retry or the next start.
 */
@ApplicationScoped
public class TenantOnboarding {

  private static final Logger LOG = Logger.getLogger(TenantOnboarding.class.getName());

  @Inject TenantTransactions transactions;
  @Inject org.roundtable.core.persistence.DueWorkTable due;
  @Inject TenantRegistry registry;
  @Inject EntityManager entityManager;
  @Inject PermissionGrants grants;
  @Inject AuditLog audit;
  @Inject RealmProvisioner provisioner;
  @Inject TenantSignIn signIn;
  @Inject WebSessions sessions;
  @Inject Clock clock;

  @Inject Operators operators;

  /**
   * What an operator gives to create a tenant.
   *
   * @param slug the tenant's address ({@code /api/v1/<slug>})
   * @param displayName the council's name
   * @param realm its identity realm (the slug if absent)
   * @param hostnames host names that may stand in for the slug
   * @param adminEmail the first administrator's email address
   * @param adminFirstName their first name
   * @param adminLastName their last name
   */
  public record NewTenant(
      String slug,
      String displayName,
      Optional<String> realm,
      List<String> hostnames,
      String adminEmail,
      String adminFirstName,
      String adminLastName) {}

  public Tenant create(NewTenant request) {
    operators.requireOperator();
    String slug = request.slug();
    if (!TenantRef.isValidSlug(slug) || ReservedSlugs.isReserved(slug)) {
      throw new Refused(
          "slug",
          "use 2 to 40 lower-case letters, digits or hyphens, starting with a letter,"
              + " and not a word the platform reserves");
    }
    if (registry.find(slug).isPresent()) {
      throw new Conflict("There is already a tenant at " + slug);
    }
    String realm = request.realm().filter(r -> !r.isBlank()).orElse(slug);
    Optional<String> badRealm = RealmNames.problem(realm);
    if (badRealm.isPresent()) {
      throw new Refused("realm", badRealm.get());
    }
    if (operators.isReservedRealm(realm)) {
      throw new Refused("realm", "this realm is not a council's");
    }
    if (registry.all().stream().anyMatch(t -> t.realm().equals(realm))) {
      throw new Conflict("Another tenant already signs in through the realm " + realm);
    }
    boolean provisioned = provisioner.isConfigured();
    Tenant tenant =
        transactions.inTenant(
            new TenantRef(slug),
            () -> {
              TenantRecord record =
                  new TenantRecord(slug, request.displayName().strip(), realm, clock.instant());
              record.useHostnames(request.hostnames(), clock.instant());
              if (provisioned) {
                record.awaitSignIn(
                    Optional.of(
                        new TenantRecord.FirstAdmin(
                            request.adminEmail(),
                            request.adminFirstName(),
                            request.adminLastName())),
                    clock.instant());
              }
              entityManager.persist(record);
              entityManager.flush();
              grants.grantDefaults();
              audit.record("tenant.created", "tenant", slug, "by an operator");
              return record.toTenant();
            });
    if (!provisioned) {
      LOG.warning(
          () -> "Keycloak provisioning is not configured: the realm of " + slug + " is not made");
      return tenant;
    }
    return signIn.setUp(tenant, Optional.empty());
  }

  /**
   * Tries again to set up a council's sign-in that could not be set up: now, not at the next start.
   * A council whose sign-in is set up is left as it is.
   *
   * @return the council as it is now: ready, or still pending with the new reason
   */
  public Tenant retrySignIn(String slug) {
    operators.requireOperator();
    Tenant tenant = registry.find(slug).orElseThrow(() -> new NotFound("The tenant " + slug));
    if (tenant.signIn() == Tenant.SignIn.READY) {
      return tenant;
    }
    Optional<java.nio.file.Path> folder =
        transactions.inTenant(
            tenant.ref(),
            () -> {
              audit.record("tenant.sign-in-retried", "tenant", slug, "by an operator");
              return entityManager.find(TenantRecord.class, slug).sourceFolder();
            });
    return signIn.setUp(tenant, folder);
  }

  /**
   * Suspends or reactivates a tenant. Suspended, its API and pages answer 404, and every session
   * ends: the platform's and Keycloak's, so nobody is still signed in when it comes back.
   */
  public Tenant changeStatus(String slug, Tenant.Status status) {
    operators.requireOperator();
    if (registry.find(slug).isEmpty()) {
      throw new NotFound("The tenant " + slug);
    }
    Tenant changed =
        transactions.inTenant(
            new TenantRef(slug),
            () -> {
              TenantRecord record = entityManager.find(TenantRecord.class, slug);
              record.changeStatus(status, clock.instant());
              audit.record(
                  status == Tenant.Status.SUSPENDED ? "tenant.suspended" : "tenant.reactivated",
                  "tenant",
                  slug,
                  "by an operator");
              if (status == Tenant.Status.ACTIVE) {
                // What waited while it was suspended (events, mail) is due again now.
                due.markDue(EventDispatcher.EVENTS, Duration.ZERO);
                due.markDue(MailOutbox.KIND, Duration.ZERO);
              }
              return record.toTenant();
            });
    if (status == Tenant.Status.SUSPENDED) {
      int ended = sessions.endAll(changed.ref());
      LOG.info(() -> "Suspended " + slug + ": ended " + ended + " browser sessions");
      if (provisioner.isConfigured()) {
        try {
          provisioner.endAllSignIns(changed);
        } catch (IOException e) {
          LOG.log(Level.WARNING, "Could not end the Keycloak sessions of " + slug, e);
          throw new Unavailable(
              "The tenant is suspended but its Keycloak sessions could not be ended; suspend it"
                  + " again to retry");
        }
      }
    }
    return changed;
  }

  /** Gives a tenant's web sign-in client a new secret (see {@link RealmProvisioner}). */
  public void rotateWebClientSecret(String slug) {
    operators.requireOperator();
    Tenant tenant = registry.find(slug).orElseThrow(() -> new NotFound("The tenant " + slug));
    try {
      provisioner.rotateWebClientSecret(tenant);
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "Could not rotate the web client secret of " + slug, e);
      throw new Unavailable("The secret could not be rotated; try again");
    }
    transactions.inTenant(
        tenant.ref(),
        () -> {
          audit.record("tenant.web-client-secret-rotated", "tenant", slug, "by an operator");
          return null;
        });
  }
}
