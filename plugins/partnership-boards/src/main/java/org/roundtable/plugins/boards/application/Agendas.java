package org.roundtable.plugins.boards.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.participation.ParticipationRecords;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.platform.Members;
import org.roundtable.api.settings.PluginSettings;
import org.roundtable.plugins.boards.domain.AgendaItem;
import org.roundtable.plugins.boards.domain.Meeting;

/**
 * A meeting's agenda: the standard items first, items members propose, and the order the chair
 * sets.
 */
@ApplicationScoped
public class Agendas {

  @Inject EntityManager entityManager;
  @Inject CurrentMember currentMember;
  @Inject Members members;
  @Inject AuditTrail audit;
  @Inject ParticipationRecords participation;
  @Inject PluginSettings settings;
  @Inject Boards boards;
  @Inject Meetings meetings;

  /** The agenda in order; confidential items only for the board's members and managers. */
  @Transactional
  public List<AgendaItem> agenda(UUID meetingId) {
    meetings.meeting(meetingId);
    return entityManager
        .createQuery(
            "SELECT a FROM AgendaItem a WHERE a.meetingId = :meeting ORDER BY a.position",
            AgendaItem.class)
        .setParameter("meeting", meetingId)
        .getResultList();
  }

  /** A board member proposes an item; it goes to the end of the agenda. */
  @Transactional
  public AgendaItem propose(
      UUID meetingId, String title, String description, boolean confidential) {
    Meeting meeting = meetings.meeting(meetingId);
    UUID me = currentMember.id().orElseThrow(NotFound::new);
    if (!boards.canManage() && !boards.myBoards().contains(meeting.boardId())) {
      throw new NotFound();
    }
    int next = agenda(meetingId).stream().mapToInt(AgendaItem::position).max().orElse(0) + 1;
    AgendaItem item =
        new AgendaItem(
            UUID.randomUUID(),
            meetingId,
            next,
            title.strip(),
            description,
            me.toString(),
            confidential);
    entityManager.persist(item);
    audit.record("boards.agenda.proposed", "meeting", meetingId.toString(), title);
    return item;
  }

  /** Puts the agenda in the given order: every item, each once. */
  @Transactional
  public List<AgendaItem> reorder(UUID meetingId, List<UUID> order) {
    List<AgendaItem> items = agenda(meetingId);
    Map<UUID, AgendaItem> byId =
        items.stream().collect(Collectors.toMap(AgendaItem::id, Function.identity()));
    if (order.size() != items.size() || !byId.keySet().equals(Set.copyOf(order))) {
      throw new Refused("order", "List every item of the agenda once, in the new order");
    }
    for (int i = 0; i < order.size(); i++) {
      byId.get(order.get(i)).moveTo(i + 1);
    }
    audit.record("boards.agenda.ordered", "meeting", meetingId.toString(), null);
    return agenda(meetingId);
  }
}
