package org.roundtable.core.web.ui;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each council's look (colour, logo version) as this pod last read it, for the one page drawn while
 * the database cannot answer ("try again in a minute") and its stylesheet. Public branding only;
 * never used while the database answers.
 */
@ApplicationScoped
public class LastSeenLooks {

  private final Map<String, BrandingStore.Look> looks = new ConcurrentHashMap<>();

  void remember(String tenant, BrandingStore.Look look) {
    looks.put(tenant, look);
  }

  /** The look last read for a council, else the default (no logo: it would need the database). */
  public BrandingStore.Look lastSeen(String tenant) {
    BrandingStore.Look look = looks.get(tenant);
    return look == null
        ? new BrandingStore.Look(BrandingStore.DEFAULT_COLOUR, false, 0)
        : new BrandingStore.Look(look.colour(), false, look.version());
  }
}
