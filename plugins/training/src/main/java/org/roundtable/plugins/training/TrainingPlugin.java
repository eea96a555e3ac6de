package org.roundtable.plugins.training;

import java.time.Duration;
import java.util.Set;
import org.roundtable.api.plugin.Permission;
import org.roundtable.api.plugin.PlatformPlugin;
import org.roundtable.api.plugin.PluginDescriptor;
import org.roundtable.api.plugin.Role;
import org.roundtable.api.settings.Setting;
import org.roundtable.api.settings.SettingType;
import org.roundtable.api.web.NavigationEntry;
import org.roundtable.plugins.training.api.BookingsResource;
import org.roundtable.plugins.training.api.CoursesResource;
import org.roundtable.plugins.training.api.CpdResource;
import org.roundtable.plugins.training.api.SessionsResource;
import org.roundtable.plugins.training.domain.Booking;
import org.roundtable.plugins.training.domain.ConductAccepted;
import org.roundtable.plugins.training.domain.Course;
import org.roundtable.plugins.training.domain.CpdEntry;
import org.roundtable.plugins.training.domain.Debrief;
import org.roundtable.plugins.training.domain.Evaluated;
import org.roundtable.plugins.training.domain.Evaluation;
import org.roundtable.plugins.training.domain.Facilitator;
import org.roundtable.plugins.training.domain.Material;
import org.roundtable.plugins.training.domain.Rating;
import org.roundtable.plugins.training.domain.TrainingSession;
import org.roundtable.plugins.training.pages.BookingPages;
import org.roundtable.plugins.training.pages.CertificatePages;
import org.roundtable.plugins.training.pages.CohortPages;
import org.roundtable.plugins.training.pages.CoursePages;
import org.roundtable.plugins.training.pages.CpdPages;
import org.roundtable.plugins.training.pages.MaterialPages;
import org.roundtable.plugins.training.pages.SessionPages;
import org.roundtable.plugins.training.pages.TrainingPages;

/**
 * Training sessions co-delivered by experts by experience: courses for staff (newly qualified
 * social workers in their ASYE among them) and for members, their sessions, the facilitators who
 * deliver them as equals (an expert's part is paid, once), bookings with a waiting list, the
 * register and certificates.
 */
public class TrainingPlugin implements PlatformPlugin {

  /** The plugin's id: in its addresses, permissions and table names. */
  public static final String ID = "training";

  /** Setting up courses and their sessions, and who facilitates them. */
  public static final String MANAGE = ID + ":courses:manage";

  /** Facilitating: the register, the bookings and access needs of one's sessions. */
  public static final String FACILITATE = ID + ":sessions:facilitate";

  /** Booking oneself on a session, and one's own certificates. */
  public static final String BOOK = ID + ":sessions:book";

  /** Booking someone else on a session (an officer for a member, a team manager for staff). */
  public static final String BOOK_FOR_OTHERS = ID + ":sessions:book-for-others";

  /** The plugin's roles, given from a person's page by the council's administrator. */
  public static final String ORGANISER = "course-organiser";

  public static final String FACILITATOR = "facilitator";

  public static final String LEARNER = "learner";

  /** How long the next person on a waiting list has to take a place that came free. */
  public static final Setting<Duration> OFFER_TIME =
      Setting.of(
          "offerTime",
          "Time to take a place offered from the waiting list",
          "When someone cancels, the first person waiting is offered the place for this long;"
              + " then it goes to the next.",
          SettingType.duration(Duration.ofDays(7)),
          Duration.ofHours(48));

  /** How long before a session its reminder goes. */
  public static final Setting<Duration> REMINDER =
      Setting.of(
          "reminderBefore",
          "Reminder before a session",
          "Everyone with a place is reminded this long before the session starts.",
          SettingType.duration(Duration.ofDays(14)),
          Duration.ofDays(2));

  /** How far ahead bookings open. */
  public static final Setting<Long> BOOKING_WINDOW_DAYS =
      Setting.of(
          "bookingWindowDays",
          "Booking window (days)",
          "Sessions open for booking this many days before they start, and close when they start.",
          SettingType.number(1, 365),
          90L);

  @Override
  public PluginDescriptor descriptor() {
    return PluginDescriptor.builder(ID)
        .name("Training")
        .version("1.0.0")
        .requiresApi("[1.9,2.0)")
        .entities(
            Course.class,
            TrainingSession.class,
            Facilitator.class,
            Booking.class,
            ConductAccepted.class,
            Evaluation.class,
            Rating.class,
            Evaluated.class,
            CpdEntry.class,
            Debrief.class,
            Material.class)
        .changelog("db/training/changelog.xml")
        .resource("courses", CoursesResource.class)
        .resource("sessions", SessionsResource.class)
        .resource("bookings", BookingsResource.class)
        .resource("cpd", CpdResource.class)
        .roles(
            new Role(
                ORGANISER,
                "Course organiser",
                "Sets up courses and sessions and who facilitates them"),
            new Role(
                FACILITATOR,
                "Facilitator",
                "Co-delivers sessions: takes the register and sees the evaluations"),
            new Role(
                LEARNER,
                "Learner",
                "Books sessions and keeps a CPD record, without being an officer"))
        .permissions(
            new Permission(
                MANAGE,
                "Set up courses and sessions, and who facilitates them",
                Set.of("tenant-admin", "officer", ORGANISER)),
            new Permission(
                FACILITATE,
                "Take the register of the sessions you facilitate and see who is booked",
                Set.of("tenant-admin", ORGANISER, FACILITATOR)),
            new Permission(
                BOOK,
                "Book yourself on a session and keep your certificates",
                Set.of("tenant-admin", "officer", "member", ORGANISER, FACILITATOR, LEARNER)),
            new Permission(
                BOOK_FOR_OTHERS,
                "Book someone else on a session",
                Set.of("tenant-admin", "officer", ORGANISER)))
        .settings(OFFER_TIME, REMINDER, BOOKING_WINDOW_DAYS)
        // Training at /{council}/training/, a course at …/course/{id}, a session at …/session/{id},
        // one's bookings at …/bookings/{id}/…, one's CPD record at …/cpd, certificates at
        // …/certificates/{session}.
        .page("", TrainingPages.class)
        .page("course", CoursePages.class)
        .page("session", SessionPages.class)
        .page("bookings", BookingPages.class)
        .page("cpd", CpdPages.class)
        .page("certificates", CertificatePages.class)
        .page("materials", MaterialPages.class)
        .page("cohort", CohortPages.class)
        .navigation(new NavigationEntry("Training", "", BOOK))
        .build();
  }
}
