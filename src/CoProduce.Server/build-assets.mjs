// Builds the front-end assets into wwwroot/lib (git-ignored). Run by the MSBuild target in the
// csproj when an output is missing or older than its inputs, or by hand with `npm run build`.
import { compile } from "sass";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "wwwroot", "lib");
const govuk = join(here, "node_modules", "govuk-frontend", "dist", "govuk");

mkdirSync(join(out, "govuk-frontend"), { recursive: true });

const css = compile(join(here, "Styles", "app.scss"), {
  loadPaths: [join(here, "node_modules")],
  style: "compressed",
  // GOV.UK Frontend still uses a few deprecated Sass features internally; they are not ours to fix.
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin"],
});
writeFileSync(join(out, "app.css"), css.css);

// The component JavaScript is an ES module; app.js imports it from here.
for (const file of ["govuk-frontend.min.js", "govuk-frontend.min.js.map"]) {
  cpSync(join(govuk, file), join(out, "govuk-frontend", file));
}

// The SignalR JavaScript client for the live workshop pages (a UMD script: window.signalR).
mkdirSync(join(out, "signalr"), { recursive: true });
const signalr = join(here, "node_modules", "@microsoft", "signalr", "dist", "browser");
for (const file of ["signalr.min.js", "signalr.min.js.map"]) {
  cpSync(join(signalr, file), join(out, "signalr", file));
}

console.log(`assets built into ${out}`);
