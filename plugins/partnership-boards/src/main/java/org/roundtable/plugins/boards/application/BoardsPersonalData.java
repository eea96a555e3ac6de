package org.roundtable.plugins.boards.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.roundtable.api.personaldata.PersonalDataHandler;
import org.roundtable.plugins.boards.BoardsPlugin;
import org.roundtable.plugins.boards.domain.Attendance;
import org.roundtable.plugins.boards.domain.Board;
import org.roundtable.plugins.boards.domain.BoardMembership;
import org.roundtable.plugins.boards.domain.BoardRecord;
import org.roundtable.plugins.boards.domain.Meeting;

/**
 * What the boards plugin holds about a member, for their subject access request: their seats, their
 * attendance and the interests they declared. Erasure removes their declarations and attendance and
 * ends their seats' personal link (the board's own minutes stay the board's).
 */
@ApplicationScoped
public class BoardsPersonalData implements PersonalDataHandler {

  /** Looked up once: {@code Json.create…} scans the class path for the provider every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject EntityManager entityManager;

  @Override
  public String pluginId() {
    return BoardsPlugin.ID;
  }

  @Override
  @Transactional
  public JsonObject export(UUID memberId) {
    JsonArrayBuilder seats = JSON.createArrayBuilder();
    for (BoardMembership seat :
        entityManager
            .createQuery(
                "SELECT m FROM BoardMembership m WHERE m.memberId = :member", BoardMembership.class)
            .setParameter("member", memberId)
            .getResultList()) {
      Board board = entityManager.find(Board.class, seat.boardId());
      seats.add(
          JSON.createObjectBuilder()
              .add("board", board.name())
              .add("role", seat.role())
              .add("livedExperience", seat.livedExperience())
              .add("termStart", seat.termStart().toString())
              .add("termEnd", seat.termEnd() == null ? "" : seat.termEnd().toString())
              .add("acceptedCodeOfConduct", seat.conductAcceptedAt() != null));
    }
    JsonArrayBuilder attendance = JSON.createArrayBuilder();
    for (Attendance a :
        entityManager
            .createQuery("SELECT a FROM Attendance a WHERE a.memberId = :member", Attendance.class)
            .setParameter("member", memberId)
            .getResultList()) {
      Meeting meeting = entityManager.find(Meeting.class, a.meetingId());
      attendance.add(
          JSON.createObjectBuilder()
              .add("meeting", meeting.title())
              .add("startsAt", meeting.startsAt().toString())
              .add("status", a.status().name()));
    }
    JsonArrayBuilder declarations = JSON.createArrayBuilder();
    for (BoardRecord r :
        entityManager
            .createQuery("SELECT r FROM BoardRecord r WHERE r.kind = :kind", BoardRecord.class)
            .setParameter("kind", BoardRecord.Kind.DECLARATION.name())
            .getResultList()
            .stream()
            .filter(r -> memberId.toString().equals(r.memberId()))
            .toList()) {
      declarations.add(
          JSON.createObjectBuilder()
              .add("interest", r.title())
              .add("on", r.happenedOn().toString()));
    }
    return JSON.createObjectBuilder()
        .add("seats", seats)
        .add("attendance", attendance)
        .add("declarationsOfInterest", declarations)
        .build();
  }

  @Override
  @Transactional
  public void erase(UUID memberId) {
    entityManager
        .createQuery("DELETE FROM BoardRecord r WHERE r.memberId = :member")
        .setParameter("member", memberId.toString())
        .executeUpdate();
    entityManager
        .createQuery("DELETE FROM Attendance a WHERE a.memberId = :member")
        .setParameter("member", memberId)
        .executeUpdate();
  }
}
