package org.roundtable.plugins.training.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.errors.Forbidden;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.api.platform.Members;
import org.roundtable.api.settings.PluginSettings;
import org.roundtable.plugins.training.TrainingPlugin;
import org.roundtable.plugins.training.domain.Booking;
import org.roundtable.plugins.training.domain.ConductAccepted;
import org.roundtable.plugins.training.domain.Course;
import org.roundtable.plugins.training.domain.TrainingSession;

/**
 * Places on sessions. Staff and members book themselves (or an officer books for them); when a
 * session is full they join its waiting list; when a place comes free the first person waiting is
 * offered it until a time (the council's setting), then the next. Bookings for one session are
 * taken one at a time (the session's row is locked), so a place is never given twice.
 */
@ApplicationScoped
public class Bookings {

  @Inject EntityManager entityManager;
  @Inject TrainingAccess access;
  @Inject Sessions sessions;
  @Inject Courses courses;
  @Inject Members members;
  @Inject SessionMail sessionMail;
  @Inject PluginSettings settings;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /**
   * Books a place for someone (oneself, or another person by someone who books for others), or a
   * place on the waiting list when the session is full. A member's first booking on a members'
   * course needs the code of conduct accepted.
   *
   * @param memberId who the place is for
   * @param conductAccepted whether they accept the code of conduct with this booking
   * @throws Forbidden for booking someone else without the permission
   * @throws Refused outside the booking window, for a cancelled session, or without the code of
   *     conduct where it is needed
   * @throws Conflict when they already have a place or are waiting
   */
  @Transactional
  public Booking book(UUID sessionId, UUID memberId, boolean conductAccepted) {
    UUID me = access.me();
    if (!memberId.equals(me) && !access.booksForOthers()) {
      throw new Forbidden("Booking someone else needs " + TrainingPlugin.BOOK_FOR_OTHERS);
    }
    if (members.find(memberId).isEmpty()) {
      throw new NotFound("This member");
    }
    TrainingSession session = locked(sessionId);
    Course course = courses.course(session.courseId());
    Instant now = clock.instant();
    if (session.cancelled()) {
      throw new Refused("session", "this session is cancelled");
    }
    if (!now.isBefore(session.startsAt())) {
      throw new Refused("session", "this session has started: book another");
    }
    long window = settings.get(TrainingPlugin.BOOKING_WINDOW_DAYS);
    if (now.isBefore(session.startsAt().minus(Duration.ofDays(window)))) {
      throw new Refused("session", "booking opens " + window + " days before the session");
    }
    if (course.forMembers() && entityManager.find(ConductAccepted.class, memberId) == null) {
      if (!conductAccepted) {
        throw new Refused(
            "conductAccepted", "read and accept the code of conduct to book a members' course");
      }
      entityManager.persist(new ConductAccepted(memberId, now));
    }
    long held = placesHeld(session.id());
    Booking booking = existing(session.id(), memberId).orElse(null);
    if (booking == null) {
      booking =
          new Booking(UUID.randomUUID(), session.id(), memberId, me, session.capacity(), held, now);
      entityManager.persist(booking);
    } else {
      booking.requestAgain(me, session.capacity(), held, now);
    }
    audit.record("training.booked", "session", session.id().toString(), booking.status().name());
    if (booking.status() == Booking.Status.BOOKED) {
      sessionMail.tell(List.of(memberId), course, session, "Booked", "You have a place.");
    } else {
      sessionMail.tell(
          List.of(memberId),
          course,
          session,
          "On the waiting list",
          "The session is full, so you are on its waiting list. If a place comes free we will"
              + " offer it to you by email.");
    }
    return booking;
  }

  /**
   * Cancels a place, an offer or a place on the waiting list: the person's own, or anyone's by
   * someone who books for others. A place that comes free is offered to the first person waiting.
   */
  @Transactional
  public Booking cancel(UUID bookingId) {
    Booking booking = yours(bookingId);
    TrainingSession session = locked(booking.sessionId());
    if (booking.cancel(clock.instant())) {
      offerNext(session);
    }
    audit.record("training.cancelled", "session", session.id().toString(), null);
    return booking;
  }

  /**
   * Takes a place offered from the waiting list.
   *
   * @throws Conflict when there is no offer, or it ran out
   */
  @Transactional
  public Booking accept(UUID bookingId) {
    Booking booking = yours(bookingId);
    TrainingSession session = locked(booking.sessionId());
    booking.accept(clock.instant());
    sessionMail.tell(
        List.of(booking.memberId()),
        courses.course(session.courseId()),
        session,
        "Booked",
        "You took the place: see you there.");
    return booking;
  }

  /**
   * Lets offers that ran out go to the next person waiting (the scheduled job's work).
   *
   * @return how many offers ran out
   */
  @Transactional
  public int expireOffers() {
    Instant now = clock.instant();
    List<Booking> due =
        entityManager
            .createQuery(
                "SELECT b FROM Booking b WHERE b.status = 'OFFERED' AND b.offeredUntil <= :now"
                    + " ORDER BY b.offeredUntil, b.id",
                Booking.class)
            .setParameter("now", now)
            .getResultList();
    for (Booking booking : due) {
      TrainingSession session = locked(booking.sessionId());
      booking.expire(now);
      offerNext(session);
    }
    return due.size();
  }

  /**
   * Reminds everyone with a place on a session that starts within the council's reminder time, once
   * each (the scheduled job's work).
   *
   * @return how many were reminded
   */
  @Transactional
  public int remindDue() {
    Instant now = clock.instant();
    List<Booking> due =
        entityManager
            .createQuery(
                "SELECT b FROM Booking b, TrainingSession s WHERE b.sessionId = s.id"
                    + " AND b.status = 'BOOKED' AND b.remindedAt IS NULL"
                    + " AND s.cancelledAt IS NULL AND s.startsAt > :now AND s.startsAt <= :soon"
                    + " ORDER BY s.startsAt, b.id",
                Booking.class)
            .setParameter("now", now)
            .setParameter("soon", now.plus(settings.get(TrainingPlugin.REMINDER)))
            .getResultList();
    for (Booking booking : due) {
      TrainingSession session = sessions.session(booking.sessionId());
      sessionMail.tell(
          List.of(booking.memberId()),
          courses.course(session.courseId()),
          session,
          "Reminder",
          "A reminder that you have a place on this session. If you cannot come, cancel on the"
              + " training page so someone waiting can have it.");
      booking.reminded(now);
    }
    return due.size();
  }

  /** A session's bookings, in the order asked: for its facilitators and organisers. */
  @Transactional
  public List<Booking> of(UUID sessionId) {
    if (!access.organises() && !access.facilitates()) {
      throw new Forbidden("The bookings are for the session's facilitators and organisers");
    }
    return entityManager
        .createQuery(
            "SELECT b FROM Booking b WHERE b.sessionId = :s ORDER BY b.requestedAt, b.id",
            Booking.class)
        .setParameter("s", sessions.session(sessionId).id())
        .getResultList();
  }

  /** The caller's own booking on a session, if any. */
  @Transactional
  public Optional<Booking> mineOn(UUID sessionId) {
    return existing(sessionId, access.me());
  }

  /** Whether the caller has accepted the code of conduct for members' courses. */
  @Transactional
  public boolean conductAccepted() {
    return entityManager.find(ConductAccepted.class, access.me()) != null;
  }

  /** The sessions from now on, soonest first, not cancelled. */
  @Transactional
  public List<TrainingSession> upcoming() {
    return entityManager
        .createQuery(
            "SELECT s FROM TrainingSession s WHERE s.startsAt > :now AND s.cancelledAt IS NULL"
                + " ORDER BY s.startsAt, s.id",
            TrainingSession.class)
        .setParameter("now", clock.instant())
        .getResultList();
  }

  /** A booking's session. */
  @Transactional
  public TrainingSession sessionOf(Booking booking) {
    return sessions.session(booking.sessionId());
  }

  /** The signed-in person. */
  public UUID me() {
    return access.me();
  }

  /** The caller's own bookings, newest first. */
  @Transactional
  public List<Booking> mine() {
    return entityManager
        .createQuery(
            "SELECT b FROM Booking b WHERE b.memberId = :m ORDER BY b.requestedAt DESC, b.id",
            Booking.class)
        .setParameter("m", access.me())
        .getResultList();
  }

  /**
   * A booking the caller may act on: their own, or anyone's for someone who books for others.
   *
   * @throws NotFound for anyone else's
   */
  @Transactional
  public Booking yours(UUID bookingId) {
    Booking booking = entityManager.find(Booking.class, bookingId);
    if (booking == null || (!booking.memberId().equals(access.me()) && !access.booksForOthers())) {
      throw new NotFound("This booking");
    }
    return booking;
  }

  private void offerNext(TrainingSession session) {
    if (session.cancelled() || placesHeld(session.id()) >= session.capacity()) {
      return;
    }
    Instant now = clock.instant();
    if (!now.isBefore(session.startsAt())) {
      return;
    }
    Optional<Booking> next =
        entityManager
            .createQuery(
                "SELECT b FROM Booking b WHERE b.sessionId = :s AND b.status = 'WAITING'"
                    + " ORDER BY b.requestedAt, b.id",
                Booking.class)
            .setParameter("s", session.id())
            .setMaxResults(1)
            .getResultStream()
            .findFirst();
    if (next.isEmpty()) {
      return;
    }
    Instant until = now.plus(settings.get(TrainingPlugin.OFFER_TIME));
    if (until.isAfter(session.startsAt())) {
      until = session.startsAt();
    }
    next.get().offer(until, now);
    sessionMail.tell(
        List.of(next.get().memberId()),
        courses.course(session.courseId()),
        session,
        "A place for you",
        "A place came free and it is yours if you want it. Accept it on the training page by "
            + org.roundtable.api.time.UkTime.local(until)
                .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM 'at' HH:mm"))
            + "; after that it goes to the next person waiting.");
  }

  private long placesHeld(UUID sessionId) {
    return entityManager
        .createQuery(
            "SELECT COUNT(b) FROM Booking b WHERE b.sessionId = :s"
                + " AND b.status IN ('BOOKED', 'OFFERED')",
            Long.class)
        .setParameter("s", sessionId)
        .getSingleResult();
  }

  private Optional<Booking> existing(UUID sessionId, UUID memberId) {
    return entityManager
        .createQuery(
            "SELECT b FROM Booking b WHERE b.sessionId = :s AND b.memberId = :m", Booking.class)
        .setParameter("s", sessionId)
        .setParameter("m", memberId)
        .getResultStream()
        .findFirst();
  }

  private TrainingSession locked(UUID sessionId) {
    TrainingSession session =
        entityManager.find(TrainingSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
    if (session == null) {
      throw new NotFound("This session");
    }
    return session;
  }
}
