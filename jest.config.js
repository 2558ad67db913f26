/** Jest: ts-jest transpiles only (types are checked by `npm run typecheck`), so the suite stays fast on 2 cores. */
const path = require("path");

// Fluent's @fluentui/react-context-selector imports `scheduler`, a peer dependency npm installed only
// under react-dom: resolve it from there, as webpack.config.js does for the bundle.
const scheduler = require.resolve("scheduler", {
  paths: [path.dirname(require.resolve("react-dom/package.json"))],
});

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  moduleNameMapper: { "^scheduler$": scheduler },
  // Generous: axe over the Data view takes ~20 s in jsdom on 2 cores, and CI machines may be busier.
  testTimeout: 120000,
};
