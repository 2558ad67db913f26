/**
 * taskpane_js_gzip_kb: the gzipped size of the JavaScript the task pane loads first, i.e. every local
 * <script src> of dist/taskpane.html (the pane, and in the shared runtime the functions and commands
 * bundles on the same page). Office.js from Microsoft's CDN is not counted. Builds dist/ when missing.
 * Target ≤ 250.
 */
import { execFileSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { join, resolve } from "path";
import { gzipSync } from "zlib";

const ROOT = resolve(__dirname, "..");
const DIST = join(ROOT, "dist");

export async function run(): Promise<Record<string, number>> {
  const html = join(DIST, "taskpane.html");
  if (!existsSync(html))
    execFileSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "ignore" });
  const page = readFileSync(html, "utf8");
  const scripts = [...page.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/i.test(src));
  let bytes = 0;
  for (const src of scripts)
    bytes += gzipSync(readFileSync(join(DIST, src.replace(/^\.?\//, ""))), { level: 9 }).length;
  return { taskpane_js_gzip_kb: Math.round((bytes / 1024) * 10) / 10 };
}
