package org.roundtable.core.persistence.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/** Transaction boundaries as a bean, so callers can put one around any piece of work. */
@ApplicationScoped
public class TransactionBoundary {

  /** Runs {@code work} in a transaction of its own. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public <T> T runNew(Supplier<T> work) {
    return work.get();
  }

  /** Runs {@code work} in the caller's transaction, or in a new one if there is none. */
  @Transactional(Transactional.TxType.REQUIRED)
  public <T> T runJoined(Supplier<T> work) {
    return work.get();
  }
}
