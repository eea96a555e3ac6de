package org.roundtable.core.persistence.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Makes the platform's one persistence unit injectable with {@code @Inject EntityManager}. */
@ApplicationScoped
public class EntityManagerProducer {

  @Produces
  @PersistenceContext(unitName = "roundtable")
  private EntityManager entityManager;
}
