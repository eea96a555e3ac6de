package org.roundtable.core.tenancy;

import java.util.Optional;
import java.util.function.Supplier;
import org.roundtable.api.tenancy.TenantRef;

/**
 * Binds the current thread's unit of work to one tenant.
 *
 * <p>Both isolation locks read it: the persistence layer sets PostgreSQL's transaction-local {@code
 * app.tenant_id} from it when a transaction acquires its connection, and feeds it to EclipseLink's
 * tenant discriminator. Unbound means fail closed: zero rows.
 *
 * <p>A request is bound by the tenant resolution filter; work outside a request (start-up
 * reconciliation, jobs) binds one explicit tenant per unit of work with {@link #callAs}.
 */
public final class TenantBinding {

  private static final ThreadLocal<TenantRef> CURRENT = new ThreadLocal<>();

  private TenantBinding() {}

  /** The tenant bound to this thread, if any. */
  public static Optional<TenantRef> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Runs {@code work} bound to {@code tenant}, restoring the previous binding afterwards. */
  public static <T> T callAs(TenantRef tenant, Supplier<T> work) {
    try (Scope scope = open(tenant)) {
      return work.get();
    }
  }

  /** Binds {@code tenant} until the returned scope is closed, which restores the previous one. */
  public static Scope open(TenantRef tenant) {
    TenantRef previous = CURRENT.get();
    CURRENT.set(tenant);
    return () -> restore(previous);
  }

  /** A tenant binding that ends when closed. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** Runs {@code work} with no tenant bound, restoring the previous binding afterwards. */
  public static <T> T callUnbound(Supplier<T> work) {
    TenantRef previous = CURRENT.get();
    CURRENT.remove();
    try {
      return work.get();
    } finally {
      restore(previous);
    }
  }

  private static void restore(TenantRef previous) {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }
}
