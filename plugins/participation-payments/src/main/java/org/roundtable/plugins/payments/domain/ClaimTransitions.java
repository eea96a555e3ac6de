package org.roundtable.plugins.payments.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.roundtable.api.errors.Conflict;
import org.roundtable.plugins.payments.domain.Claim.Status;

/**
 * Where a claim may go from where it is: the one table the claim itself, its services and the
 * set-based SQL of finance runs all read, so a bulk update cannot move a claim where one claim
 * could not go.
 *
 * <pre>
 * DRAFT      → SUBMITTED (confirmed), DECLINED, CANCELLED (its activity is no longer paid)
 * SUBMITTED  → APPROVED, REJECTED (sent back), SUBMITTED (charged again after a correction), CANCELLED
 * APPROVED   → PAID (its run is paid), REJECTED, SUBMITTED (more is owed after a correction), CANCELLED
 * PAID       → SUBMITTED (more is owed after a correction), CANCELLED (reversed)
 * REJECTED   → SUBMITTED (confirmed again), DECLINED, CANCELLED
 * DECLINED   → CANCELLED
 * CANCELLED  → DRAFT (its activity is paid again)
 * </pre>
 */
public final class ClaimTransitions {

  private static final Map<Status, Set<Status>> NEXT = new EnumMap<>(Status.class);

  static {
    NEXT.put(Status.DRAFT, EnumSet.of(Status.SUBMITTED, Status.DECLINED, Status.CANCELLED));
    NEXT.put(
        Status.SUBMITTED,
        EnumSet.of(Status.APPROVED, Status.REJECTED, Status.SUBMITTED, Status.CANCELLED));
    NEXT.put(
        Status.APPROVED,
        EnumSet.of(Status.PAID, Status.REJECTED, Status.SUBMITTED, Status.CANCELLED));
    NEXT.put(Status.PAID, EnumSet.of(Status.SUBMITTED, Status.CANCELLED));
    NEXT.put(Status.REJECTED, EnumSet.of(Status.SUBMITTED, Status.DECLINED, Status.CANCELLED));
    NEXT.put(Status.DECLINED, EnumSet.of(Status.CANCELLED));
    NEXT.put(Status.CANCELLED, EnumSet.of(Status.DRAFT));
  }

  private ClaimTransitions() {}

  /** Whether a claim where {@code from} says may move to {@code to}. */
  public static boolean allows(Status from, Status to) {
    return NEXT.get(from).contains(to);
  }

  /** Refuses a move the table does not allow, in plain words. */
  static void require(Status from, Status to) {
    if (!allows(from, to)) {
      throw new Conflict(
          "This claim is " + words(from) + " and cannot become " + words(to) + " now");
    }
  }

  /** Every state a claim may move to {@code to} from. */
  public static Set<Status> into(Status to) {
    Set<Status> from = EnumSet.noneOf(Status.class);
    NEXT.forEach(
        (state, next) -> {
          if (next.contains(to)) {
            from.add(state);
          }
        });
    return from;
  }

  /**
   * The SQL condition a set-based update that moves claims to {@code to} selects them by, from this
   * table ({@code status IN ('APPROVED')} for paid).
   */
  public static String sqlInto(Status to) {
    return "status IN ("
        + into(to).stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "))
        + ")";
  }

  private static String words(Status status) {
    return status.name().toLowerCase(java.util.Locale.UK);
  }
}
