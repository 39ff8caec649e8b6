// Bundles the theme's JavaScript (theme/src/js) into the scripts the pages load:
// theme/js/hub.js, search.js and finder.js in the built site. The hub_assets plugin runs it
// in every Pelican build; by hand: node theme/build-js.mjs <output folder>/theme/js
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const source = fileURLToPath(new URL("src/js/", import.meta.url));
const outdir = process.argv[2];
if (!outdir) {
  console.error("Usage: node theme/build-js.mjs <folder for the bundles>");
  process.exit(2);
}

try {
  await build({
    entryPoints: {
      hub: source + "hub/main.js",
      search: source + "search/main.js",
      finder: source + "finder/main.js",
    },
    outdir,
    bundle: true,
    format: "iife",     // classic scripts: the pages load them with <script defer>
    target: "es2020",
    charset: "utf8",
    logLevel: "warning",
  });
} catch {
  process.exit(1);     // esbuild has printed the file, line and problem
}
