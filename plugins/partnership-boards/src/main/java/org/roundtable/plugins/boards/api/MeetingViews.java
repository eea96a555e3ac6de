package org.roundtable.plugins.boards.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.roundtable.plugins.boards.application.Agendas;
import org.roundtable.plugins.boards.application.BoardRecords;
import org.roundtable.plugins.boards.application.Meetings;
import org.roundtable.plugins.boards.application.Minutes;
import org.roundtable.plugins.boards.application.Papers;
import org.roundtable.plugins.boards.domain.BoardRecord;
import org.roundtable.plugins.boards.domain.Meeting;

/** A meeting as the API shows it: its agenda, attendance, quorum, minutes, actions and papers. */
@ApplicationScoped
public class MeetingViews {

  @Inject Agendas agendas;
  @Inject Meetings meetings;
  @Inject Minutes meetingMinutes;
  @Inject BoardRecords boardRecords;
  @Inject Papers meetingPapers;

  /**
   * A meeting as its guest sees it: when and where, access information, the agenda without its
   * confidential items, and the papers; not who attends, the minutes, the board's actions,
   * declarations or decisions.
   */
  MeetingsResource.MeetingView forGuest(Meeting meeting) {
    return new MeetingsResource.MeetingView(
        meeting.id(),
        meeting.boardId(),
        meeting.title(),
        meeting.startsAt(),
        meeting.durationMinutes(),
        meeting.venue(),
        meeting.accessibility(),
        meeting.onlineLink(),
        agendas.agenda(meeting.id()).stream()
            .filter(item -> !item.confidential())
            .map(MeetingsResource::itemView)
            .toList(),
        java.util.List.of(),
        null,
        null,
        null,
        java.util.List.of(),
        java.util.List.of(),
        java.util.List.of(),
        papers(meeting));
  }

  MeetingsResource.MeetingView of(Meeting meeting) {
    return new MeetingsResource.MeetingView(
        meeting.id(),
        meeting.boardId(),
        meeting.title(),
        meeting.startsAt(),
        meeting.durationMinutes(),
        meeting.venue(),
        meeting.accessibility(),
        meeting.onlineLink(),
        agendas.agenda(meeting.id()).stream().map(MeetingsResource::itemView).toList(),
        meetings.attendance(meeting.id()).stream()
            .map(a -> new MeetingsResource.AttendanceView(a.memberId(), a.status()))
            .toList(),
        meetings.quorum(meeting.id()),
        meeting.minutes(),
        meeting.minutesStatus(),
        meetingMinutes.openActions(meeting.boardId()).stream()
            .map(BoardsResource.ActionView::of)
            .toList(),
        boardRecords.records(meeting.boardId(), BoardRecord.Kind.DECLARATION, meeting.id()).stream()
            .map(BoardsResource.RecordView::of)
            .toList(),
        boardRecords.records(meeting.boardId(), BoardRecord.Kind.DECISION, meeting.id()).stream()
            .map(BoardsResource.RecordView::of)
            .toList(),
        papers(meeting));
  }

  private java.util.List<MeetingsResource.PaperView> papers(Meeting meeting) {
    return meetingPapers.papers(meeting.id()).stream()
        .map(
            p ->
                new MeetingsResource.PaperView(
                    (UUID) p[0],
                    (String) p[1],
                    (String) p[2],
                    (String) p[3],
                    (String) p[4],
                    ((Number) p[5]).longValue()))
        .toList();
  }
}
