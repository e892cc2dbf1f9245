// eslint (flat config): `npm run lint` = eslint --max-warnings 0 . ; .ci/run runs it too.
// The browser code is plain JavaScript with no build step, so the rules are eslint's recommended
// ones with the globals of where each file runs.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";

export default defineConfig([
  // Built sites, environments and caches: not ours, or generated from what is linted here.
  globalIgnores([
    ".venv/",
    "public/",
    "public.*/",
    ".public.*/",
    ".hulpwijzer/",
    "build/",
    "bench/out/",
    "cms/media/",
    "tests/output/",
    "tests/sites/*/public/",
    "**/pagefind/",
  ]),
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  {
    // Classic scripts of the theme (expiry.js, vacancy-filter.js) and the partner widget.
    files: ["themes/*/static/js/*.js", "themes/*/widget/*.js"],
    languageOptions: { sourceType: "script", globals: globals.browser },
  },
  {
    // A folder in static/js/ is a set of ES modules (sitegen/render.py fingerprints it as a whole).
    files: ["themes/*/static/js/*/**/*.js"],
    languageOptions: { sourceType: "module", globals: globals.browser },
  },
  {
    files: ["tests/js/*.mjs", "eslint.config.js"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
]);
