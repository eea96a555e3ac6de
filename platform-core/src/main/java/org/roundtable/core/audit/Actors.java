package org.roundtable.core.audit;

import java.util.Optional;
import java.util.UUID;

/**
 * Who acts in the current request, as the audit trail records it: the identity layer says (its
 * {@code CurrentCaller}); the audit log, below it, only asks.
 */
public interface Actors {

  /** Who acts: a member's id, an operator's name, or the system. */
  String actor();

  /** The member acted for, when an officer acts for someone. */
  Optional<UUID> onBehalfOf();
}
