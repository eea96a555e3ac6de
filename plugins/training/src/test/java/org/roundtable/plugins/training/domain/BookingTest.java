package org.roundtable.plugins.training.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roundtable.api.errors.Conflict;

class BookingTest {

  private static final Instant NOW = Instant.parse("2027-01-11T09:00:00Z");
  private final UUID session = UUID.randomUUID();

  private Booking request(long placesHeld) {
    UUID person = UUID.randomUUID();
    return new Booking(UUID.randomUUID(), session, person, person, 10, placesHeld, NOW);
  }

  @Test
  void aPlaceWhileThereIsOneThenTheWaitingList() {
    assertThat(request(9).status()).isEqualTo(Booking.Status.BOOKED);
    assertThat(request(10).status()).isEqualTo(Booking.Status.WAITING);
  }

  @Test
  void anOfferIsTakenInTimeOrItRunsOut() {
    Booking taken = request(10);
    taken.offer(NOW.plus(Duration.ofHours(48)), NOW);
    assertThat(taken.status().holdsAPlace()).as("an offer holds the place").isTrue();
    taken.accept(NOW.plus(Duration.ofHours(47)));
    assertThat(taken.status()).isEqualTo(Booking.Status.BOOKED);
    assertThat(taken.offeredUntil()).isNull();

    Booking late = request(10);
    late.offer(NOW.plus(Duration.ofHours(48)), NOW);
    assertThatThrownBy(() -> late.accept(NOW.plus(Duration.ofHours(48))))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("ran out");
    late.expire(NOW.plus(Duration.ofHours(48)));
    assertThat(late.status()).isEqualTo(Booking.Status.EXPIRED);
  }

  @Test
  void cancellingSaysWhetherAPlaceCameFree() {
    assertThat(request(0).cancel(NOW)).as("a place").isTrue();
    assertThat(request(10).cancel(NOW)).as("a place in the waiting list").isFalse();
    Booking offered = request(10);
    offered.offer(NOW.plusSeconds(60), NOW);
    assertThat(offered.cancel(NOW)).as("an offer turned down").isTrue();
    assertThatThrownBy(() -> offered.cancel(NOW)).isInstanceOf(Conflict.class);
  }

  @Test
  void askingAgainAfterCancellingGoesToTheEndOfTheQueue() {
    Booking booking = request(0);
    booking.cancel(NOW);
    booking.requestAgain(booking.memberId(), 10, 10, NOW.plusSeconds(5));
    assertThat(booking.status()).isEqualTo(Booking.Status.WAITING);
    assertThat(booking.requestedAt()).isEqualTo(NOW.plusSeconds(5));
    assertThatThrownBy(() -> booking.requestAgain(booking.memberId(), 10, 0, NOW))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("waiting list already");
  }

  @Test
  void onlySomeoneWithAPlaceIsOnTheRegister() {
    Booking waiting = request(10);
    assertThatThrownBy(() -> waiting.attended(true)).isInstanceOf(Conflict.class);
    Booking placed = request(0);
    placed.attended(true);
    assertThat(placed.attended()).isTrue();
  }
}
