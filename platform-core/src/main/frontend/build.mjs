// Compiles roundtable.scss and copies the scripts the pages use into the WAR's class path
// (assets/). Run by Maven. (axe-core for the browser tests comes with the plugin testkit.)
import { compile } from "sass";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, "..", "..", "..", "target");
const assets = join(target, "classes", "assets");
mkdirSync(assets, { recursive: true });

const css = compile(join(here, "roundtable.scss"), {
  loadPaths: [join(here, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(assets, "roundtable.css"), css.css);

const govuk = join(here, "node_modules", "govuk-frontend", "dist", "govuk");
copyFileSync(join(govuk, "govuk-frontend.min.js"), join(assets, "govuk-frontend.min.js"));
copyFileSync(join(here, "roundtable.js"), join(assets, "roundtable.js"));
console.log(`assets: roundtable.css (${css.css.length} bytes), scripts`);
