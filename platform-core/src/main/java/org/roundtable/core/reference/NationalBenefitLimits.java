package org.roundtable.core.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.roundtable.api.reference.BenefitLimits;
import org.roundtable.core.audit.Actors;

/**
 * {@link BenefitLimits}: the platform's table of national figures, the same for every tenant.
 * Operators add or correct a figure as data; each change is logged with who made it.
 */
@ApplicationScoped
public class NationalBenefitLimits implements BenefitLimits {

  private static final Logger LOG = Logger.getLogger(NationalBenefitLimits.class.getName());

  @Inject EntityManager entityManager;
  @Inject Actors caller;
  @Inject Clock clock;

  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public List<Limit> all() {
    return entityManager
        .createQuery(
            "SELECT f FROM BenefitLimitFigure f ORDER BY f.code, f.appliesFrom",
            BenefitLimitFigure.class)
        .getResultList()
        .stream()
        .map(BenefitLimitFigure::toLimit)
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public Optional<Limit> inForce(String code, LocalDate day) {
    return entityManager
        .createQuery(
            "SELECT f FROM BenefitLimitFigure f WHERE f.code = :code AND f.appliesFrom <= :day"
                + " ORDER BY f.appliesFrom DESC",
            BenefitLimitFigure.class)
        .setParameter("code", code)
        .setParameter("day", day)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst()
        .map(BenefitLimitFigure::toLimit);
  }

  /** Adds a figure, or corrects the one with the same limit and day; returns whether it was new. */
  @Transactional
  public boolean put(Limit limit) {
    BenefitLimitFigure existing =
        entityManager.find(
            BenefitLimitFigure.class,
            new BenefitLimitFigure.Key(limit.code(), limit.appliesFrom()));
    String by = caller.actor();
    if (existing == null) {
      entityManager.persist(new BenefitLimitFigure(limit, clock.instant(), by));
    } else {
      existing.change(limit, clock.instant(), by);
    }
    LOG.info(
        () ->
            "Benefit limit "
                + limit.code()
                + " from "
                + limit.appliesFrom()
                + " set to "
                + limit.amountPence()
                + "p a "
                + limit.period()
                + " by "
                + by);
    return existing == null;
  }
}
