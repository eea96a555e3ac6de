// Compiles roundtable.scss and copies the scripts the pages use into the WAR's class path
// (assets/), and axe-core into the test class path, for the browser tests. Run by Maven.
import { compile } from "sass";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, "..", "..", "..", "target");
const assets = join(target, "classes", "assets");
const testAssets = join(target, "test-classes", "axe");
mkdirSync(assets, { recursive: true });
mkdirSync(testAssets, { recursive: true });

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
copyFileSync(
  join(here, "node_modules", "axe-core", "axe.min.js"),
  join(testAssets, "axe.min.js"),
);
console.log(`assets: roundtable.css (${css.css.length} bytes), scripts, axe-core for tests`);
