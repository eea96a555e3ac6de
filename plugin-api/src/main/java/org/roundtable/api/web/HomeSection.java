package org.roundtable.api.web;

import java.util.List;
import java.util.Optional;

/**
 * What a plugin adds to a member's home page ("what's next for me"): a CDI bean in the plugin. The
 * platform asks every plugin switched on in the council, in the signed-in member's request, and
 * shows the sections that have something in them.
 *
 * @since 1.2.0
 */
public interface HomeSection {

  /**
   * @return the id of the plugin this section belongs to (it is shown only while that plugin is on)
   * @since 1.2.0
   */
  String pluginId();

  /**
   * @return where it goes among the sections, lowest first
   * @since 1.2.0
   */
  default int order() {
    return 100;
  }

  /**
   * @return what the current member has next, or empty to show nothing
   * @since 1.2.0
   */
  Optional<Section> forCurrentMember();

  /**
   * A section of the home page.
   *
   * @param title its heading ("Meetings coming up")
   * @param items what is in it, most pressing first
   * @param moreLabel the text of a link to the whole list ("All your claims"), or null
   * @param moreHref where that link leads (relative to the council's pages, {@code /{tenant}/}), or
   *     null
   * @since 1.2.0
   */
  record Section(String title, List<Item> items, String moreLabel, String moreHref) {}

  /**
   * One thing to do or go to.
   *
   * @param text what it is ("Carers Partnership Board")
   * @param href the page it leads to, relative to the council's pages ({@code boards/meetings/…})
   * @param detail one line more (a date, an amount), or null
   * @since 1.2.0
   */
  record Item(String text, String href, String detail) {}
}
