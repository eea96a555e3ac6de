package org.roundtable.plugins.boards.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/** A partnership board: its terms of reference and the code of conduct its members accept. */
@Entity
@Table(name = "boards_board")
@TenantOwned
public class Board {

  @Id private UUID id;

  @Column(nullable = false)
  private String name;

  @Column(name = "terms_of_reference", nullable = false)
  private String termsOfReference;

  @Column(name = "code_of_conduct", nullable = false)
  private String codeOfConduct;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected Board() {}

  public Board(UUID id, String name, String termsOfReference, String codeOfConduct, Instant now) {
    this.id = id;
    this.name = name;
    this.termsOfReference = termsOfReference;
    this.codeOfConduct = codeOfConduct;
    this.createdAt = now;
  }

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
