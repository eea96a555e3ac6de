package org.roundtable.plugins.peerchallenge;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.roundtable.api.plugin.GuestResource;
import org.roundtable.api.plugin.Permission;
import org.roundtable.api.plugin.PlatformPlugin;
import org.roundtable.api.plugin.PluginDescriptor;
import org.roundtable.api.settings.Setting;
import org.roundtable.api.settings.SettingType;
import org.roundtable.api.web.NavigationEntry;
import org.roundtable.plugins.peerchallenge.api.ChallengesResource;
import org.roundtable.plugins.peerchallenge.domain.Challenge;
import org.roundtable.plugins.peerchallenge.domain.ChallengeDocument;
import org.roundtable.plugins.peerchallenge.domain.Debrief;
import org.roundtable.plugins.peerchallenge.domain.EvidenceNote;
import org.roundtable.plugins.peerchallenge.domain.FeedbackPoint;
import org.roundtable.plugins.peerchallenge.domain.Finding;
import org.roundtable.plugins.peerchallenge.domain.FindingEvidence;
import org.roundtable.plugins.peerchallenge.domain.LineOfEnquiry;
import org.roundtable.plugins.peerchallenge.domain.PlannedAction;
import org.roundtable.plugins.peerchallenge.domain.Reading;
import org.roundtable.plugins.peerchallenge.domain.Session;
import org.roundtable.plugins.peerchallenge.domain.SessionMember;
import org.roundtable.plugins.peerchallenge.domain.SourceType;
import org.roundtable.plugins.peerchallenge.domain.TeamDay;
import org.roundtable.plugins.peerchallenge.domain.TeamMember;
import org.roundtable.plugins.peerchallenge.pages.ChallengePages;
import org.roundtable.plugins.peerchallenge.pages.DocumentPages;
import org.roundtable.plugins.peerchallenge.pages.VisitPages;

/**
 * Peer challenge teams: sector-led peer challenges of a host council by a team of peers from other
 * councils, experts by experience among them as equal members. Usually switched on by a region (a
 * tenant of its own) that runs challenges for its councils; a council may switch it on for its own
 * internal reviews. The host's coordinators are guests of their own challenge.
 */
public class PeerChallengePlugin implements PlatformPlugin {

  /** The plugin's id: in its addresses, permissions and table names. */
  public static final String ID = "peer-challenge";

  /** Setting challenges up: their dates, lines of enquiry, team and host coordinators. */
  public static final String MANAGE = ID + ":challenges:manage";

  /** Seeing a challenge one is on the team of (or, as a guest, hosts). */
  public static final String READ = ID + ":challenges:read";

  /** Adding documents to a challenge's library. */
  public static final String UPLOAD = ID + ":documents:upload";

  /** Writing and updating the host's action plan. */
  public static final String ACTION_PLAN = ID + ":action-plan:write";

  /** A host council's coordinators: guests of their own challenge and nothing else. */
  public static final String GUEST_CHALLENGES = ID + ":challenges";

  /** How long evidence notes are kept after the visit, in months. */
  public static final Setting<Long> RETENTION_MONTHS =
      Setting.of(
          "retentionMonths",
          "Keep evidence for",
          "How many months after the last day on site the team's evidence notes are kept before"
              + " they are erased (the report and action plan are kept).",
          SettingType.number(1, 120),
          12L);

  /** How many different source types triangulate a finding. */
  public static final Setting<Long> TRIANGULATION =
      Setting.of(
          "triangulationThreshold",
          "Source types to triangulate",
          "How many different kinds of source (documents, interviews, focus groups, case files,"
              + " data) must support a finding before it counts as triangulated.",
          SettingType.number(2, 5),
          2L);

  /** The kinds of source the team's notes may name. */
  public static final Setting<List<String>> SOURCE_TYPES =
      Setting.of(
          "sourceTypes",
          "Kinds of source",
          "The kinds of source a team's evidence notes may come from. Keep at least as many as"
              + " it takes to triangulate a finding.",
          SettingType.list(
              SettingType.choice(
                  Arrays.stream(SourceType.values()).map(Enum::name).toArray(String[]::new)),
              SourceType.values().length),
          Arrays.stream(SourceType.values()).map(Enum::name).toList());

  @Override
  public PluginDescriptor descriptor() {
    return PluginDescriptor.builder(ID)
        .name("Peer challenge")
        .version("1.0.0")
        .requiresApi("[1.9,2.0)")
        .entities(
            Challenge.class,
            LineOfEnquiry.class,
            TeamMember.class,
            ChallengeDocument.class,
            EvidenceNote.class,
            Finding.class,
            FindingEvidence.class,
            TeamDay.class,
            FeedbackPoint.class,
            PlannedAction.class,
            Session.class,
            SessionMember.class,
            Reading.class,
            Debrief.class)
        .changelog("db/peer-challenge/changelog.xml")
        .resource("challenges", ChallengesResource.class)
        .permissions(
            new Permission(
                MANAGE,
                "Set up peer challenges: dates, lines of enquiry, the team and the host's"
                    + " coordinators",
                Set.of("tenant-admin", "officer")),
            new Permission(
                READ,
                "See the peer challenges you are on the team of: schedule, documents and evidence",
                Set.of("tenant-admin", "officer", "member")),
            new Permission(
                UPLOAD,
                "Add documents to a challenge's library",
                Set.of("tenant-admin", "officer")),
            new Permission(
                ACTION_PLAN,
                "Write a host council's action plan and record its progress",
                Set.of("tenant-admin", "officer")))
        .guestResources(
            new GuestResource(
                GUEST_CHALLENGES,
                "A challenge your council hosts: its dates, team, document library, the feedback,"
                    + " the report once released and your action plan; never the team's evidence",
                Set.of(READ, UPLOAD, ACTION_PLAN),
                MANAGE))
        .settings(RETENTION_MONTHS, TRIANGULATION, SOURCE_TYPES)
        // The challenges at /{council}/peer-challenge/, one at …/challenge/{id}, its visit (the
        // schedule and the team's days) at …/visit/{id}, a document at …/documents/{id}/{document}.
        .page("", ChallengePages.class)
        .page("challenge", ChallengePages.class)
        .page("visit", VisitPages.class)
        .page("documents", DocumentPages.class)
        .navigation(new NavigationEntry("Peer challenges", "", READ))
        .build();
  }
}
