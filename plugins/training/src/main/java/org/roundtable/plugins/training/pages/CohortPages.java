package org.roundtable.plugins.training.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.plugins.training.TrainingPlugin;
import org.roundtable.plugins.training.application.Cpd;

/**
 * {@code /{council}/training/cohort}: the ASYE lead's view, which sessions each newly qualified
 * social worker has attended. For course organisers.
 */
@Controller
@RequestScoped
public class CohortPages {

  @Inject Cpd cpd;
  @Inject Models models;

  @GET
  @RequiresPermission(TrainingPlugin.MANAGE)
  public String cohort() {
    models.put("cohort", cpd.cohort());
    models.put("pluginPath", TrainingPlugin.ID);
    return "training/cohort.html";
  }
}
