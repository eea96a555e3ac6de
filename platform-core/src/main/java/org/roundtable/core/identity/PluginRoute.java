package org.roundtable.core.identity;

/**
 * A locator that leads a request to a plugin's class (its API resource or page controller): the
 * access check knows from it that the endpoint is a plugin's, where a guest sees only what their
 * guest grants give ({@link GuestRule}).
 */
public interface PluginRoute {}
