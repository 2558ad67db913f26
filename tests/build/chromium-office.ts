/**
 * The built functions.js under the real office.js in headless Chromium, without network: office.js and
 * its host scripts are served from @microsoft/office-js/dist beside the build. Given a `_host_Info`
 * query parameter (Excel$Web$16.00$…), office.js loads its host script, excel-web-16.00.debug.js,
 * from its own folder (office.debug.js, `_retrieveHostInfo` and `hostSpecificFileName`), which sets
 * CustomFunctions.Error; its handshake with Office then fails (no host frame around the page), which
 * does not matter here. The host script is served late on purpose, so that functions.js surely runs
 * before CustomFunctions.Error exists, as it does in Excel.
 */
import { createReadStream, existsSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { join, normalize } from "path";
import { chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
const OFFICE_DIST = join(require.resolve("@microsoft/office-js/package.json"), "../dist");
const HOST_SCRIPT_DELAY_MS = 1500;

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8">
<script src="/office/office.debug.js"></script>
<script defer src="/addin/functions.js"></script>
<script defer src="/addin/probe.js"></script>
</head><body></body></html>`;

// Runs right after functions.js (deferred scripts run in order): what it saw at load.
const PROBE = `window.__atLoad = { error: typeof CustomFunctions.Error,
  associated: Object.keys(CustomFunctions._association.mappings).length };`;

function serve(buildDir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const send = (body: string, type: string) => {
      res.setHeader("content-type", `${type}; charset=utf-8`);
      res.end(body);
    };
    if (path === "/addin/cf.html") return send(PAGE, "text/html");
    if (path === "/addin/probe.js") return send(PROBE, "text/javascript");
    const [root, rest] = path.startsWith("/office/")
      ? [OFFICE_DIST, path.slice(8)]
      : path.startsWith("/addin/")
        ? [buildDir, path.slice(7)]
        : [null, ""];
    const file = root ? normalize(join(root, rest)) : null;
    if (!file || !root || !file.startsWith(root) || !existsSync(file)) {
      res.statusCode = 404;
      return res.end();
    }
    res.setHeader("content-type", "text/javascript; charset=utf-8");
    const delay = /excel-web-.*\.js$/.test(file) ? HOST_SCRIPT_DELAY_MS : 0;
    setTimeout(() => createReadStream(file).pipe(res), delay);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export interface OfficePageResult {
  /** What functions.js found at load: CustomFunctions.Error's type and the functions associated. */
  readonly atLoad: { readonly error: string; readonly associated: number };
  /** Once the host script has run. */
  readonly later: { readonly error: string; readonly associated: string[] };
  /** INTENSITY over [[1],[6]] ÷ [[0],[2]]: the second cell, and whether the first is a CustomFunctions.Error #DIV/0!. */
  readonly intensity: { readonly value: unknown; readonly errorInstance: boolean; readonly code: unknown };
  /** Requests that left 127.0.0.1 (refused). */
  readonly offline: string[];
}

export async function runUnderOfficeJs(buildDir: string): Promise<OfficePageResult> {
  const server = await serve(buildDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  const offline: string[] = [];
  try {
    const page = await browser.newPage();
    await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => {
      offline.push(route.request().url());
      return route.abort();
    });
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/addin/cf.html?_host_Info=Excel$Web$16.00$en-US$$$$0`);
    await page.waitForFunction(() => typeof (window as any).CustomFunctions?.Error === "function", null, {
      timeout: 20_000,
    });
    return await page.evaluate(() => {
      const w = window as any;
      const cf = w.CustomFunctions;
      const out = cf._association.mappings.INTENSITY([[1], [6]], [[0], [2]], null);
      return {
        atLoad: w.__atLoad,
        later: { error: typeof cf.Error, associated: Object.keys(cf._association.mappings).sort() },
        intensity: { value: out[1][0], errorInstance: out[0][0] instanceof cf.Error, code: out[0][0]?.code },
        offline: [] as string[],
      };
    }).then((r) => ({ ...r, offline }));
  } finally {
    await browser.close();
    server.close();
  }
}
