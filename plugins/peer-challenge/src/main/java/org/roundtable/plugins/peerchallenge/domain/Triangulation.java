package org.roundtable.plugins.peerchallenge.domain;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Where the evidence is: how many notes support each line of enquiry from each source type, and
 * which findings are triangulated, that is supported by notes from at least {@code threshold}
 * different source types.
 *
 * @param threshold how many different source types triangulate a finding
 * @param grid per line, the notes from each source type
 * @param findings per finding, the source types of the notes supporting it
 */
public record Triangulation(
    int threshold, Map<UUID, Map<SourceType, Integer>> grid, Map<UUID, Set<SourceType>> findings) {

  /**
   * @param threshold two or more
   * @param lines the challenge's lines, in order
   * @param notes its evidence notes
   * @param support per finding, the notes it links to
   */
  public static Triangulation of(
      int threshold,
      List<LineOfEnquiry> lines,
      Collection<EvidenceNote> notes,
      Map<UUID, List<EvidenceNote>> support) {
    if (threshold < 2) {
      throw new IllegalArgumentException("Triangulation needs at least two kinds of source");
    }
    Map<UUID, Map<SourceType, Integer>> grid = new LinkedHashMap<>();
    for (LineOfEnquiry line : lines) {
      Map<SourceType, Integer> row = new EnumMap<>(SourceType.class);
      for (SourceType type : SourceType.values()) {
        row.put(type, 0);
      }
      grid.put(line.id(), row);
    }
    for (EvidenceNote note : notes) {
      Map<SourceType, Integer> row = grid.get(note.lineId());
      if (row != null) {
        row.merge(note.sourceType(), 1, Integer::sum);
      }
    }
    Map<UUID, Set<SourceType>> findings = new LinkedHashMap<>();
    support.forEach(
        (finding, linked) -> {
          Set<SourceType> types = EnumSet.noneOf(SourceType.class);
          linked.forEach(note -> types.add(note.sourceType()));
          findings.put(finding, types);
        });
    return new Triangulation(threshold, grid, findings);
  }

  /** Whether the finding is supported by enough different source types. */
  public boolean triangulated(UUID finding) {
    return findings.getOrDefault(finding, Set.of()).size() >= threshold;
  }

  /** Whether a line has evidence from fewer source types than triangulation needs. */
  public boolean thin(UUID line) {
    return grid.getOrDefault(line, Map.of()).values().stream().filter(n -> n > 0).count()
        < threshold;
  }
}
