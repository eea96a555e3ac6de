package org.roundtable.core.resealing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.roundtable.api.security.SealedData;
import org.roundtable.core.identity.CurrentCaller;
import org.roundtable.core.identity.Operators;
import org.roundtable.core.persistence.DueWork;
import org.roundtable.core.persistence.DueWorkTable;
import org.roundtable.core.persistence.EncryptionSettings;
import org.roundtable.core.persistence.TenantTransactions;
import org.roundtable.core.tenancy.Tenant;

/**
 * Brings every council's sealed values up to the current format and key after a start: the core's
 * and each plugin's {@link SealedData}, batch by batch, each batch a transaction of its own bound
 * to the council (so an interrupted run resumes where it stopped, and a value already current is
 * never touched again). The migration step cannot do this: it has no data keys.
 *
 * <p>Runs once per council per start, suspended councils included (their data is kept). A database
 * fault stops it for the moment and it tries again at the next poll; a value that cannot be opened
 * (altered, or sealed with a key no longer configured) is reported and the council is left until
 * the next start, since keys that are still needed must not be retired.
 */
@ApplicationScoped
public class Resealing implements DueWork {

  private static final Logger LOG = Logger.getLogger(Resealing.class.getName());
  static final int BATCH = 100;

  /** The due-work kind of resealing. */
  public static final String KIND = "reseal";

  private final Set<String> done = ConcurrentHashMap.newKeySet();

  @Inject Instance<SealedData> sealedData;
  @Inject EncryptionSettings encryption;
  @Inject TenantTransactions transactions;
  @Inject RequestContextController requestContext;
  @Inject CurrentCaller caller;
  @Inject Operators operators;
  @Inject DueWorkTable due;

  /**
   * Reseals every council again from the next poll, on this instance: after a backup made before a
   * key change is restored, say. Operators only.
   */
  public void again() {
    operators.requireOperator();
    done.clear();
    due.markDueEverywhere(KIND);
  }

  /** At each start: every council's values are looked at once (the keys may have changed). */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
    due.markDueEverywhere(KIND);
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** Done for this start once it has run (what could not be opened waits for the next start). */
  @Override
  public Optional<Duration> nextDue(Tenant tenant) {
    return Optional.empty();
  }

  @Override
  public int runDue(Tenant tenant) {
    if (done.contains(tenant.slug()) || encryption.encryption().isEmpty()) {
      return 0;
    }
    int resealed = 0;
    boolean complete = true;
    for (SealedData data : sealedData) {
      try {
        resealed += resealAll(tenant, data);
      } catch (IllegalArgumentException e) {
        complete = false;
        LOG.log(
            Level.SEVERE,
            "A sealed value of "
                + data.pluginId()
                + " in "
                + tenant.slug()
                + " cannot be opened: it stays as it is, so keep every data key configured."
                + " Resealing is tried again at the next start",
            e);
      }
    }
    done.add(tenant.slug());
    if (resealed > 0 || !complete) {
      int count = resealed;
      boolean all = complete;
      LOG.info(
          () ->
              tenant.slug()
                  + ": "
                  + count
                  + " sealed values resealed with the active key"
                  + (all ? "; all are current" : "; some could not be (see above)"));
    }
    return resealed;
  }

  @Override
  public boolean alsoWhenSuspended() {
    return true;
  }

  private int resealAll(Tenant tenant, SealedData data) {
    int total = 0;
    int batch;
    do {
      batch = resealBatch(tenant, data);
      total += batch;
    } while (batch == BATCH);
    return total;
  }

  private int resealBatch(Tenant tenant, SealedData data) {
    requestContext.activate();
    try {
      caller.actAsSystem("resealing");
      return transactions.inTenant(tenant.ref(), () -> data.resealOld(BATCH));
    } finally {
      requestContext.deactivate();
    }
  }
}
