package org.roundtable.api.reference;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * National benefit earnings limits (Carer's Allowance, ESA permitted work, Universal Credit work
 * allowances), each figure dated from the day it applies. Operators update them as data.
 *
 * @since 1.1.0
 */
public interface BenefitLimits {

  /**
   * The period a limit counts earnings over.
   *
   * @since 1.1.0
   */
  enum Period {
    /** Monday to Sunday. */
    WEEK,
    /** A calendar month. */
    MONTH
  }

  /**
   * One figure of one limit, from a day.
   *
   * @param code stable code, e.g. {@code carers-allowance}
   * @param name for people, e.g. "Carer's Allowance earnings limit"
   * @param period what the amount is per
   * @param amountPence the most that can be earned in the period without crossing it
   * @param appliesFrom the first day it applies
   * @param note where the figure comes from, or what to know about it
   * @since 1.1.0
   */
  record Limit(
      String code,
      String name,
      Period period,
      long amountPence,
      LocalDate appliesFrom,
      String note) {

    /**
     * Checks the figure.
     *
     * @since 1.1.0
     */
    public Limit {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(appliesFrom, "appliesFrom");
      note = note == null ? "" : note;
      if (amountPence < 0) {
        throw new IllegalArgumentException("A limit cannot be negative");
      }
    }
  }

  /**
   * Every figure of every limit, by code and then day.
   *
   * @return the figures
   * @since 1.1.0
   */
  List<Limit> all();

  /**
   * The figure of a limit in force on a day: the latest applying from that day or earlier.
   *
   * @param code the limit's code
   * @param day the day
   * @return the figure, or empty if the limit is unknown or had no figure yet
   * @since 1.1.0
   */
  Optional<Limit> inForce(String code, LocalDate day);
}
