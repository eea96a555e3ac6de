package org.roundtable.core.persistence.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/** A transaction boundary as a bean, so callers can open one around any piece of work. */
@ApplicationScoped
public class NewTransaction {

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public <T> T run(Supplier<T> work) {
    return work.get();
  }
}
