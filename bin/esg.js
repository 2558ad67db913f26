#!/usr/bin/env node
// The installed `esg` command: runs the compiled CLI (npm run build:cli), or the TypeScript source through tsx in a checkout.
const path = require("path");
const fs = require("fs");
const compiled = path.join(__dirname, "..", "dist", "cli", "main.js");
if (fs.existsSync(compiled)) {
  require(compiled);
} else {
  require("tsx/cjs");
  require(path.join(__dirname, "..", "src", "cli", "main.ts"));
}
