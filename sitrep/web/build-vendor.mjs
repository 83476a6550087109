// Copy the files the dashboard loads from node_modules into vendor/ (gitignored), after `npm ci`.
// The page then needs no network and no CDN: `sitrep serve` serves vendor/ as /vendor/.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const vendor = join(here, "vendor");

// package -> files (relative to the package) that the page uses; LICENSE files travel along
const FILES = {
  leaflet: ["dist/leaflet.js", "dist/leaflet.css", "dist/images", "LICENSE"],
  "leaflet.markercluster": [
    "dist/leaflet.markercluster.js",
    "dist/MarkerCluster.css",
    "dist/MarkerCluster.Default.css",
    "MIT-LICENCE.txt",
  ],
  d3: ["dist/d3.min.js", "LICENSE"],
  "topojson-client": ["dist/topojson-client.min.js", "LICENSE"],
  "world-atlas": ["countries-50m.json", "LICENSE"],
  "swagger-ui-dist": ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"], // the API docs at /docs
};

rmSync(vendor, { recursive: true, force: true });
const manifest = {};
for (const [pkg, files] of Object.entries(FILES)) {
  const root = join(modules, pkg);
  if (!existsSync(root)) {
    console.error(`error: ${pkg} is not installed: run \`npm ci\` in ${here} first`);
    process.exit(1);
  }
  const out = join(vendor, pkg);
  mkdirSync(out, { recursive: true });
  for (const file of files) {
    const from = join(root, file);
    if (!existsSync(from)) {
      console.error(`error: ${pkg}/${file} is missing from the installed package`);
      process.exit(1);
    }
    const name = file.split("/").pop();
    cpSync(from, join(out, name), { recursive: true });
  }
  manifest[pkg] = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
}
writeFileSync(join(vendor, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(
  `vendor/: ${Object.entries(manifest)
    .map(([p, v]) => `${p}@${v}`)
    .join(", ")}`,
);
