#!/usr/bin/env node
// The installed `esg` command runs the compiled CLI (dist/cli, built by `npm run build:cli`, which
// `npm ci` and `npm install` run as the prepare step). In a checkout without dist/, or with
// ESG_FROM_SOURCE=1 (the tests), it runs the TypeScript source through tsx instead.
const path = require("path");
const fs = require("fs");
const compiled = path.join(__dirname, "..", "dist", "cli", "main.js");
if (process.env.ESG_FROM_SOURCE !== "1" && fs.existsSync(compiled)) {
  require(compiled);
} else {
  require("tsx/cjs");
  require(path.join(__dirname, "..", "src", "cli", "main.ts"));
}
