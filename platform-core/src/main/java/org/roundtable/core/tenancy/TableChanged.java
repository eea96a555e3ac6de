package org.roundtable.core.tenancy;

/**
 * A table a pod's caches read from was changed (by this pod or another: PostgreSQL told every pod
 * at commit, ADR 0025), or {@link #EVERYTHING} may have been: the listening connection was lost,
 * and notifications sent meanwhile with it. A CDI event; caches drop what they hold of it.
 *
 * @param table the table's name ({@code plugin_activation}), or {@link #EVERYTHING}
 */
public record TableChanged(String table) {

  /** Any table: caches drop all they hold. */
  public static final String EVERYTHING = "*";

  /** The notification channel the tables' triggers send their names on. */
  public static final String CHANNEL = "roundtable_changed";
}
