package org.roundtable.plugins.boards.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.participation.ParticipationRecords;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.api.settings.PluginSettings;
import org.roundtable.plugins.boards.BoardsPlugin;
import org.roundtable.plugins.boards.domain.Meeting;
import org.roundtable.plugins.boards.domain.Paper;
import org.roundtable.plugins.boards.domain.PaperTypes;

/**
 * A meeting's papers, checked for type and size, with easy-read versions linked to the paper they
 * explain.
 */
@ApplicationScoped
public class Papers {

  @Inject EntityManager entityManager;
  @Inject AuditTrail audit;
  @Inject ParticipationRecords participation;
  @Inject PluginSettings settings;
  @Inject Clock clock;
  @Inject Meetings meetings;

  /** Adds a paper (or the easy-read version of one) to a meeting, within the tenant's limits. */
  @Transactional
  public Paper addPaper(
      UUID meetingId,
      String title,
      UUID easyReadOf,
      String fileName,
      String contentType,
      byte[] content) {
    Meeting meeting = meetings.meeting(meetingId);
    long limit = settings.get(BoardsPlugin.PAPER_LIMIT_MB) * 1024 * 1024;
    if (content.length == 0) {
      throw new Refused("file", "The paper is empty");
    }
    if (content.length > limit) {
      throw new Refused(
          Refused.Reason.TOO_LARGE,
          "file",
          "Papers can be at most " + settings.get(BoardsPlugin.PAPER_LIMIT_MB) + " MB");
    }
    PaperTypes.problem(contentType, content)
        .ifPresent(
            problem -> {
              throw new Refused(Refused.Reason.UNSUPPORTED_TYPE, "file", problem);
            });
    if (easyReadOf != null) {
      Paper original = entityManager.find(Paper.class, easyReadOf);
      if (original == null || !original.meetingId().equals(meeting.id())) {
        throw new Refused("easyReadOf", "easyReadOf must be a paper of the same meeting");
      }
    }
    Paper paper =
        new Paper(
            meetingId,
            title.strip(),
            easyReadOf,
            fileName,
            contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT),
            content,
            clock.instant());
    entityManager.persist(paper);
    audit.record("boards.paper.added", "meeting", meetingId.toString(), title);
    return paper;
  }

  /** A meeting's papers, without their contents. */
  @Transactional
  public List<Object[]> papers(UUID meetingId) {
    meetings.meeting(meetingId);
    return entityManager
        .createQuery(
            "SELECT p.id, p.title, p.easyReadOf, p.fileName, p.contentType, p.sizeBytes"
                + " FROM Paper p WHERE p.meetingId = :meeting ORDER BY p.uploadedAt",
            Object[].class)
        .setParameter("meeting", meetingId)
        .getResultList();
  }

  /** One paper, with its contents, for someone who may see the meeting. */
  @Transactional
  public Paper paper(UUID meetingId, UUID paperId) {
    meetings.meeting(meetingId);
    Paper paper = entityManager.find(Paper.class, paperId);
    if (paper == null || !paper.meetingId().equals(meetingId)) {
      throw new NotFound();
    }
    paper.content();
    return paper;
  }
}
