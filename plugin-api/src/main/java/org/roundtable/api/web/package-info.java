/**
 * A plugin's web pages. A plugin mounts page controllers (Jakarta MVC {@code @Controller} classes
 * without a class-level {@code @Path}) at {@code /{tenant}/{pluginId}/{path}} with {@link
 * org.roundtable.api.plugin.PluginDescriptor.Builder#page}, lists {@link NavigationEntry navigation
 * entries} with the permission each needs, and keeps its Thymeleaf templates in its own JAR under
 * {@code templates/{pluginId}/}. Its templates build on the platform's layout ({@code ~{layout ::
 * page('Title', ~{::main})}}) and component fragments ({@code ~{components :: ...}}); every page
 * has the variable {@code rt} (the council, the signed-in person, {@code rt.base} for links, {@code
 * rt.csrf} for forms). A plugin's settings get their administration form from their declarations
 * alone.
 *
 * @since 1.2.0
 */
package org.roundtable.api.web;
