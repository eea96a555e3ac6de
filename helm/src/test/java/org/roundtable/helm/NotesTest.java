package org.roundtable.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What Helm prints after an install: the operator's next steps. */
class NotesTest {

  @Test
  void notesTellTheOperatorWhatToDoNext() {
    String notes = Chart.renderNotes("minimal-values.yaml");

    assertThat(notes)
        .contains("kubectl --namespace roundtable rollout status deployment/council-roundtable")
        .contains("kubectl --namespace roundtable logs job/council-roundtable-migrate")
        .contains("helm test council --namespace roundtable")
        .contains("\"roundtable-operators\"")
        .contains("\"platform-admin\"")
        .contains("https://roundtable.example.org/platform/tenants")
        .contains("https://roundtable.example.org/<tenant>/")
        .doesNotContain("<no value>");
  }

  @Test
  void notesListTheTenantsAndWarnAboutTheKeptHookSecret() {
    String notes = Chart.renderNotes("full-values.yaml");

    assertThat(notes)
        .contains("https://roundtable.example.org/kirklees/")
        .contains("https://roundtable.example.org/solihull/")
        .contains("https://roundtable.example.org/calderdale/")
        .contains("logs deployment/council-roundtable -c assemble")
        .contains("council-roundtable-db-owner")
        .doesNotContain("supplied-")
        .doesNotContain("<no value>");
  }
}
