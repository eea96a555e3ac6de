#set( $tablePrefix = $pluginId.replace("-", "_") )
package ${package}.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/**
 * A member's suggestion to the council. Council-owned ({@code @TenantOwned}): the platform sets the
 * council on every row and reads only the current council's rows. It refers to its author by id; a
 * plugin never maps a relation to the platform's own entities.
 */
@Entity
@Table(name = "${tablePrefix}_suggestion")
@TenantOwned
public class Suggestion {

  @Id private UUID id;

  @Column(name = "member_id", nullable = false, updatable = false)
  private UUID memberId;

  @Column(nullable = false, updatable = false)
  private String text;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected Suggestion() {}

  public Suggestion(UUID id, UUID memberId, String text, Instant createdAt) {
    this.id = id;
    this.memberId = memberId;
    this.text = text;
    this.createdAt = createdAt;
  }

  public UUID id() {
    return id;
  }

  public UUID memberId() {
    return memberId;
  }

  public String text() {
    return text;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
