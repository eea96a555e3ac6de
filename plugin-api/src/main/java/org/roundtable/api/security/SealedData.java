package org.roundtable.api.security;

/**
 * A plugin's sealed values, brought up to date by the platform: a CDI bean of the plugin
 * implementing this interface. After a start, the platform calls it for every council (whether the
 * plugin is switched on there or not: the data is still there), with the council bound, again and
 * again until it returns 0; each call is a transaction of its own, so an interrupted run resumes
 * where it stopped. A new data key, or a new sealing format, so reaches every value without an
 * operator's step.
 *
 * <p>An implementation finds at most {@code limit} values that {@link SealedValues#needsResealing}
 * says are old, opens each and seals it again at the same place.
 *
 * @since 1.5.0
 */
public interface SealedData {

  /**
   * @return the id of the plugin it belongs to
   * @since 1.5.0
   */
  String pluginId();

  /**
   * Seals again up to {@code limit} of the current council's old values.
   *
   * @param limit the most values to reseal in this call
   * @return how many it resealed; 0 when none is old
   * @since 1.5.0
   */
  int resealOld(int limit);
}
