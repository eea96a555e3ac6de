package org.roundtable.plugins.training.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.web.Download;
import org.roundtable.plugins.training.TrainingPlugin;
import org.roundtable.plugins.training.application.Materials;
import org.roundtable.plugins.training.domain.Material;

/**
 * {@code /{council}/training/materials/{course}/{material}}: a course's material, always as a
 * download. Not a controller: a controller's response is a view, never a file.
 */
@RequestScoped
public class MaterialPages {

  @Inject Materials materials;

  @GET
  @Path("{course}/{material}")
  @RequiresPermission(TrainingPlugin.BOOK)
  public Response material(
      @PathParam("course") String course, @PathParam("material") String material) {
    Material found =
        materials.material(
            PageForms.fromAddress(course, "This course"),
            PageForms.fromAddress(material, "This material"));
    return Download.attachment(found.content(), found.contentType(), found.fileName());
  }
}
