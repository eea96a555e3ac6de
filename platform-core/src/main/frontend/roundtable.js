// Progressive enhancement only: every page works without this script. GOV.UK Frontend's
// components start only on a body marked as supporting them (its template does this inline, which
// the pages' Content-Security-Policy does not allow).
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
