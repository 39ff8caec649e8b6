// eslint for the theme's JavaScript sources, their build script and their unit tests
// (`npm run lint`). Bundles are never linted: they live only in the build output.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["output/", ".build/", "node_modules/", ".venv/", "bench/results/"] },
  js.configs.recommended,
  {
    files: ["theme/src/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser },
    },
  },
  {
    files: ["tests/js/**/*.js", "theme/build-js.mjs", "eslint.config.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.node },
    },
  },
  {
    rules: {
      "no-unused-vars": ["error", { args: "after-used" }],
      eqeqeq: ["error", "always"],
      "prefer-const": "error",
      "no-var": "error",
    },
  },
];
