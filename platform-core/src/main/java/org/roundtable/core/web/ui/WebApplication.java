package org.roundtable.core.web.ui;

import jakarta.mvc.security.Csrf;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.roundtable.core.request.CommitFailures;
import org.roundtable.core.web.ui.pages.AdminPages;
import org.roundtable.core.web.ui.pages.HomePage;
import org.roundtable.core.web.ui.pages.OperatorPages;
import org.roundtable.core.web.ui.pages.PeoplePages;
import org.roundtable.core.web.ui.pages.ProfilePage;

/**
 * The pages: Jakarta MVC controllers at {@code /{tenant}/…}, the core's and (through {@link
 * PluginPages}) the plugins'. Its classes are listed, not scanned, so the API's resources and
 * problem responses stay in the API and these pages' HTML errors stay here. Every form post is
 * checked for this session's token ({@link SessionBoundCsrf}).
 */
@ApplicationPath("/")
public class WebApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        HomePage.class,
        ProfilePage.class,
        PeoplePages.class,
        AdminPages.class,
        OperatorPages.class,
        PluginPages.FirstPage.class,
        PluginPages.Page.class,
        AssetResource.class,
        BrandingResource.class,
        WebAccess.class,
        MultipartCsrf.class,
        SecurityHeaders.class,
        WebErrors.class,
        CommitFailures.class,
        CsrfErrors.class);
  }

  @Override
  public Map<String, Object> getProperties() {
    return Map.of(
        Csrf.CSRF_PROTECTION,
        Csrf.CsrfOptions.IMPLICIT,
        "org.eclipse.krazo.csrfTokenStrategy",
        new SessionBoundCsrf());
  }
}
