package org.roundtable.plugins.boards.application;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.roundtable.api.time.UkTime;
import org.roundtable.plugins.boards.domain.Meeting;

/**
 * A meeting as a calendar invitation ({@code .ics}, iCalendar via ical4j) and as plain words. The
 * event's UID stays the same and its SEQUENCE rises when the meeting moves, so calendars update the
 * entry instead of adding another.
 */
final class MeetingInvitations {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' h:mma", Locale.UK);

  private MeetingInvitations() {}

  static byte[] calendar(String boardName, Meeting meeting) {
    VEvent event =
        new VEvent(
            meeting.startsAt(),
            Duration.ofMinutes(meeting.durationMinutes()),
            boardName + ": " + meeting.title());
    event.add(new Uid(meeting.id() + "@roundtable"));
    event.add(new Sequence(meeting.sequence()));
    if (meeting.venue() != null) {
      event.add(new Location(meeting.venue()));
    }
    if (meeting.onlineLink() != null) {
      event.add(new Url(URI.create(meeting.onlineLink())));
    }
    event.add(new Description(text(boardName, meeting)));
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Roundtable//Partnership boards//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.PUBLISH);
    calendar.add(event);
    return calendar.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  static String when(Instant instant) {
    return WHEN.format(instant.atZone(UkTime.ZONE)).replace("AM", "am").replace("PM", "pm");
  }

  static String text(String boardName, Meeting meeting) {
    StringBuilder text =
        new StringBuilder()
            .append(boardName)
            .append(": ")
            .append(meeting.title())
            .append("\n\nWhen: ")
            .append(when(meeting.startsAt()))
            .append(" (about ")
            .append(hours(meeting.durationMinutes()))
            .append(")\n");
    if (meeting.venue() != null) {
      text.append("Where: ").append(meeting.venue()).append('\n');
    }
    if (meeting.accessibility() != null) {
      text.append("Getting there and access: ").append(meeting.accessibility()).append('\n');
    }
    if (meeting.onlineLink() != null) {
      text.append("Join online: ").append(meeting.onlineLink()).append('\n');
    }
    text.append(
        "\nYou are paid for your time at this meeting. If you need anything to take part — a"
            + " different format for the papers, a support worker, help with travel — reply to"
            + " this email.\n");
    return text.toString();
  }

  private static String hours(int minutes) {
    int h = minutes / 60;
    int m = minutes % 60;
    String hours = h == 0 ? "" : h + (h == 1 ? " hour" : " hours");
    String mins = m == 0 ? "" : m + " minutes";
    return (hours + (h > 0 && m > 0 ? " " : "") + mins).strip();
  }
}
