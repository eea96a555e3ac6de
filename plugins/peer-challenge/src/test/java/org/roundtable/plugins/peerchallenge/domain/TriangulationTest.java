package org.roundtable.plugins.peerchallenge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TriangulationTest {

  private final UUID challenge = UUID.randomUUID();
  private final LineOfEnquiry carers = new LineOfEnquiry(UUID.randomUUID(), challenge, 0, "Carers");
  private final LineOfEnquiry safety = new LineOfEnquiry(UUID.randomUUID(), challenge, 1, "Safety");

  private EvidenceNote note(LineOfEnquiry line, SourceType source) {
    return new EvidenceNote(
        UUID.randomUUID(),
        challenge,
        line.id(),
        source,
        Judgement.STRENGTH,
        "note",
        UUID.randomUUID(),
        Instant.EPOCH);
  }

  @Test
  void aFindingIsTriangulatedByTwoKindsOfSourceNotTwoNotesOfOneKind() {
    EvidenceNote interview = note(carers, SourceType.INTERVIEW);
    EvidenceNote anotherInterview = note(carers, SourceType.INTERVIEW);
    EvidenceNote caseFile = note(carers, SourceType.CASE_FILE);
    UUID oneKind = UUID.randomUUID();
    UUID twoKinds = UUID.randomUUID();

    Triangulation t =
        Triangulation.of(
            2,
            List.of(carers, safety),
            List.of(interview, anotherInterview, caseFile),
            Map.of(
                oneKind,
                List.of(interview, anotherInterview),
                twoKinds,
                List.of(interview, caseFile)));

    assertThat(t.triangulated(oneKind)).isFalse();
    assertThat(t.triangulated(twoKinds)).isTrue();
    assertThat(t.grid().get(carers.id()).get(SourceType.INTERVIEW)).isEqualTo(2);
    assertThat(t.grid().get(safety.id()).values()).containsOnly(0);
    assertThat(t.thin(carers.id())).isFalse();
    assertThat(t.thin(safety.id())).as("no evidence at all").isTrue();
  }

  @Test
  void aCouncilMayAskForMoreKindsOfSource() {
    EvidenceNote interview = note(carers, SourceType.INTERVIEW);
    EvidenceNote data = note(carers, SourceType.DATA);
    UUID finding = UUID.randomUUID();

    Triangulation t =
        Triangulation.of(
            3,
            List.of(carers),
            List.of(interview, data),
            Map.of(finding, List.of(interview, data)));

    assertThat(t.triangulated(finding)).isFalse();
    assertThat(t.thin(carers.id())).isTrue();
  }

  @Test
  void aChallengeMovesOnOneStepAtATime() {
    assertThat(ChallengeStatus.SCOPING.mayMoveTo(ChallengeStatus.PREPARING)).isTrue();
    assertThat(ChallengeStatus.SCOPING.mayMoveTo(ChallengeStatus.ON_SITE)).isFalse();
    assertThat(ChallengeStatus.PREPARING.mayMoveTo(ChallengeStatus.SCOPING)).isFalse();
  }
}
