package org.roundtable.bench.control;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A row of the platform's {@code boards_board} table, mapped with the same columns as the boards
 * plugin's entity. Which council's rows are visible is left to row-level security alone.
 */
@Entity
@Table(name = "boards_board")
public class BareBoard {

  @Id private UUID id;

  @Column(nullable = false)
  private String name;

  @Column(name = "terms_of_reference", nullable = false)
  private String termsOfReference;

  @Column(name = "code_of_conduct", nullable = false)
  private String codeOfConduct;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Version private long version;

  protected BareBoard() {}

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String termsOfReference() {
    return termsOfReference;
  }

  public String codeOfConduct() {
    return codeOfConduct;
  }
}
