package org.roundtable.plugins.training.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.roundtable.api.platform.Mail;
import org.roundtable.api.platform.Members;
import org.roundtable.api.time.UkTime;
import org.roundtable.plugins.training.domain.Course;
import org.roundtable.plugins.training.domain.TrainingSession;

/**
 * Emails about a session, each with its calendar invitation (iCalendar, ical4j): one UID per
 * session, its sequence rising when it moves, so calendars update the event in place; a cancelled
 * session's invitation cancels it.
 */
@ApplicationScoped
public class SessionMail {

  private static final Logger LOG = Logger.getLogger(SessionMail.class.getName());
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'from' h:mma", Locale.UK);

  @Inject Members members;
  @Inject Mail mail;

  /** Sends each person the same news about the session; someone without an address is skipped. */
  public void tell(
      Collection<UUID> people,
      Course course,
      TrainingSession session,
      String subject,
      String news) {
    byte[] ics = calendar(course, session);
    Map<UUID, Members.Summary> found = members.findAll(List.copyOf(people));
    int notSent = 0;
    for (UUID person : people) {
      var email =
          found.containsKey(person)
              ? found.get(person).email()
              : java.util.Optional.<String>empty();
      if (email.isEmpty()) {
        continue;
      }
      try {
        mail.send(
            email.get(),
            subject + ": " + course.title(),
            news + "\n\n" + text(course, session),
            List.of(new Mail.Attachment("session.ics", "text/calendar; charset=UTF-8", ics)));
      } catch (Mail.MailNotSent e) {
        notSent++;
      }
    }
    if (notSent > 0) {
      int count = notSent;
      LOG.warning(() -> "No email could be queued for " + count + " people about a session");
    }
  }

  /** The session as an iCalendar file: cancelled once it is. */
  public static byte[] calendar(Course course, TrainingSession session) {
    VEvent event =
        new VEvent(
            session.startsAt(),
            Duration.between(session.startsAt(), session.endsAt()),
            course.title());
    event.add(new Uid(session.id() + "@roundtable"));
    event.add(new Sequence(session.sequence()));
    event.add(new Location(session.venue() != null ? session.venue() : session.onlineLink()));
    event.add(new Description(text(course, session)));
    if (session.cancelled()) {
      event.add(ImmutableStatus.VEVENT_CANCELLED);
    }
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Roundtable//Training//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(session.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.PUBLISH);
    calendar.add(event);
    return calendar.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String text(Course course, TrainingSession session) {
    StringBuilder text =
        new StringBuilder()
            .append(course.title())
            .append("\n\nWhen: ")
            .append(
                WHEN.format(session.startsAt().atZone(UkTime.ZONE))
                    .replace("AM", "am")
                    .replace("PM", "pm"))
            .append('\n');
    if (session.venue() != null) {
      text.append("Where: ").append(session.venue()).append('\n');
    }
    if (session.accessInfo() != null) {
      text.append("Getting there and access: ").append(session.accessInfo()).append('\n');
    }
    if (session.onlineLink() != null) {
      text.append("Online: ").append(session.onlineLink()).append('\n');
    }
    text.append(
        "\nIf you need anything to take part (a support worker, a quiet room, papers in another"
            + " format), reply to this email.\n");
    return text.toString();
  }
}
