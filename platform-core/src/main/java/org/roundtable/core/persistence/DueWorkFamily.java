package org.roundtable.core.persistence;

import java.util.Optional;

/**
 * Due work whose kinds are not known in advance, one per thing installed: each plugin job is a kind
 * of its own ({@code job:plugin:name}), so each has its own due time and lease in every council.
 */
public interface DueWorkFamily {

  /** The work of a kind, if it is one of this family's and still installed. */
  Optional<DueWork> work(String kind);
}
