package org.roundtable.core.tenancy;

import org.roundtable.core.web.ui.PageFrames;

/**
 * Test fixture: a tenancy class reaching up to the pages (which use tenancy), the kind of change
 * the core's layer rules refuse. Never on the application's class path.
 */
class LayerBreaker {

  String frameOf(PageFrames frames) {
    return frames.toString();
  }
}
