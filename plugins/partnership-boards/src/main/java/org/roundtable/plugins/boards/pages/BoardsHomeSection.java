package org.roundtable.plugins.boards.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.web.HomeSection;
import org.roundtable.plugins.boards.BoardsPlugin;
import org.roundtable.plugins.boards.application.Boards;
import org.roundtable.plugins.boards.application.Meetings;

/** "Meetings coming up" on a member's home page: the next meetings of the boards they sit on. */
@RequestScoped
public class BoardsHomeSection implements HomeSection {

  @Inject Boards boards;

  @Inject Meetings meetings;
  @Inject CurrentMember currentMember;

  @Override
  public String pluginId() {
    return BoardsPlugin.ID;
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public Optional<Section> forCurrentMember() {
    if (!currentMember.hasPermission(BoardsPlugin.READ)) {
      return Optional.empty();
    }
    List<Item> items =
        meetings.upcoming(3).stream()
            .map(
                m ->
                    new Item(
                        boards.board(m.boardId()).name() + ": " + m.title(),
                        "boards/meetings/" + m.id(),
                        PageForms.when(m.startsAt())))
            .toList();
    return Optional.of(new Section("Meetings coming up", items, "All your boards", "boards/"));
  }
}
