package org.roundtable.plugins.boards;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.roundtable.api.plugin.GuestResource;
import org.roundtable.api.plugin.Permission;
import org.roundtable.api.plugin.PlatformPlugin;
import org.roundtable.api.plugin.PluginDescriptor;
import org.roundtable.api.settings.Setting;
import org.roundtable.api.settings.SettingType;
import org.roundtable.api.web.NavigationEntry;
import org.roundtable.plugins.boards.api.BoardsResource;
import org.roundtable.plugins.boards.api.MeetingsResource;
import org.roundtable.plugins.boards.domain.AgendaItem;
import org.roundtable.plugins.boards.domain.Attendance;
import org.roundtable.plugins.boards.domain.Board;
import org.roundtable.plugins.boards.domain.BoardAction;
import org.roundtable.plugins.boards.domain.BoardMembership;
import org.roundtable.plugins.boards.domain.BoardRecord;
import org.roundtable.plugins.boards.domain.Meeting;
import org.roundtable.plugins.boards.domain.Paper;
import org.roundtable.plugins.boards.pages.BoardPages;
import org.roundtable.plugins.boards.pages.MeetingPages;

/** Carers partnership boards (and co-production boards): the first plugin. */
public class BoardsPlugin implements PlatformPlugin {

  public static final String ID = "boards";

  public static final String MANAGE = "boards:boards:manage";
  public static final String READ = "boards:boards:read";
  public static final String PROPOSE = "boards:agenda:propose";

  /**
   * A meeting someone from outside is invited to (a colleague from health presenting an item): they
   * see its time, place, access information, agenda and papers, and nothing else.
   */
  public static final String GUEST_MEETINGS = "boards:meetings";

  public static final Setting<Long> QUORUM_PERCENT =
      Setting.of(
          "quorumPercent",
          "Quorum",
          "The share of a board's current members who must take part (in the room or remotely)"
              + " for the meeting to make decisions, in per cent.",
          SettingType.number(1, 100),
          50L);

  public static final Setting<List<String>> STANDARD_ITEMS =
      Setting.of(
          "standardItems",
          "Standard agenda items",
          "Items every new meeting's agenda starts with, in this order.",
          SettingType.list(SettingType.text(200), 20),
          List.of(
              "Welcome, introductions and apologies",
              "Declarations of interest",
              "Minutes of the last meeting",
              "Action log",
              "Any other business"));

  public static final Setting<Duration> MEETING_LENGTH =
      Setting.of(
          "meetingLength",
          "Usual meeting length",
          "How long a meeting lasts unless the officer says otherwise (breaks included).",
          SettingType.duration(Duration.ofHours(8)),
          Duration.ofHours(2));

  public static final Setting<Long> PAPER_LIMIT_MB =
      Setting.of(
          "paperLimitMegabytes",
          "Largest paper",
          "The largest file, in megabytes, that can be added as a meeting paper.",
          SettingType.number(1, 25),
          10L);

  @Override
  public PluginDescriptor descriptor() {
    return PluginDescriptor.builder(ID)
        .name("Partnership boards")
        .version("1.0.0")
        .requiresApi("[1.9,2.0)")
        .entities(
            Board.class,
            BoardMembership.class,
            Meeting.class,
            AgendaItem.class,
            Attendance.class,
            BoardAction.class,
            BoardRecord.class,
            Paper.class)
        .changelog("db/boards/changelog.xml")
        .resource("boards", BoardsResource.class)
        .resource("meetings", MeetingsResource.class)
        .permissions(
            new Permission(
                MANAGE,
                "Set up boards, their members and meetings; record attendance, minutes and actions",
                Set.of("tenant-admin", "officer")),
            new Permission(
                READ,
                "See the boards you sit on, their meetings, papers and action logs",
                Set.of("tenant-admin", "officer", "member", "finance")),
            new Permission(
                PROPOSE,
                "Propose an item for the agenda of a board you sit on",
                Set.of("tenant-admin", "officer", "member")))
        .guestResources(
            new GuestResource(
                GUEST_MEETINGS,
                "A meeting you are invited to: its time, place, access information, agenda and"
                    + " papers",
                Set.of(READ),
                MANAGE))
        .settings(QUORUM_PERCENT, STANDARD_ITEMS, MEETING_LENGTH, PAPER_LIMIT_MB)
        // The boards list at /{tenant}/boards/, a board at /{tenant}/boards/board/{id}.
        .page("", BoardPages.class)
        .page("board", BoardPages.class)
        .page("meetings", MeetingPages.class)
        .navigation(new NavigationEntry("Boards", "", READ))
        .build();
  }
}
