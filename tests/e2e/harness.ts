/**
 * The task pane in real headless Chromium, shared by the end-to-end test and bench/taskpane.bench.ts: the
 * production build (dist/, rebuilt when src/ is newer), served on 127.0.0.1, with the fake Excel
 * (fake-office.ts) served in place of Office.js and seeded with the bundled sample workbook
 * (examples/sample-esg-2024.xlsx) through the headless reader. Nothing leaves the machine: any other
 * request is aborted and recorded in `outside`.
 */
import { execFileSync } from "child_process";
import { existsSync, readdirSync, readFileSync, statSync, utimesSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { tmpdir } from "os";
import { extname, join, normalize, resolve } from "path";
import webpack from "webpack";
import { chromium, type Browser, type Page } from "playwright-core";
import { seedFromXlsx } from "../fakes/excel/from-xlsx";
import type { WorkbookSeed } from "../fakes/excel/seed";

export const ROOT = resolve(__dirname, "../..");
export const CHROMIUM = "/usr/bin/chromium";
const DIST = join(ROOT, "dist");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const SAMPLE = join(ROOT, "examples/sample-esg-2024.xlsx");

export const VIEWS = ["data", "checks", "kpis", "generate", "settings"] as const;
export type View = (typeof VIEWS)[number];
export type PaneLang = "en" | "zh-HK";
export type PaneTheme = "light" | "dark";

/** Newest modification time of the files under a folder. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds dist/ when it is missing or older than src/ (CI builds it before the tests). */
export function ensureBuild(): void {
  const html = join(DIST, "taskpane.html");
  if (existsSync(html) && statSync(html).mtimeMs >= newest(join(ROOT, "src"))) return;
  execFileSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "ignore" });
  // webpack leaves files whose content did not change as they were (output.compareBeforeEmit): mark the build.
  const now = new Date();
  utimesSync(html, now, now);
}

function buildFakeOffice(): Promise<string> {
  const out = join(tmpdir(), `esg-e2e-${process.pid}`);
  return new Promise((done, fail) => {
    webpack(
      {
        mode: "development",
        devtool: false, // no eval: the page's CSP forbids it
        target: "web",
        entry: join(__dirname, "fake-office.ts"),
        output: { path: out, filename: "fake-office.js" },
        resolve: { extensions: [".ts", ".tsx", ".js"] },
        module: {
          rules: [
            {
              test: /\.tsx?$/,
              exclude: /node_modules/,
              use: {
                loader: "ts-loader",
                options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: false } },
              },
            },
          ],
        },
      },
      (err, stats) => {
        if (err) return fail(err);
        if (stats?.hasErrors()) return fail(new Error(stats.toString("errors-only")));
        done(readFileSync(join(out, "fake-office.js"), "utf8"));
      },
    );
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(
      /^([/\\])+/,
      "",
    );
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" })
      .end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

/**
 * The pane sizes the audit measures, each a page of its own (viewport in CSS px, device pixels per CSS px),
 * so no size inherits another's emulation:
 * - `320px`: Office's narrowest task pane at 100 % zoom, 320 CSS px (also the width WCAG 2.1 SC 1.4.10
 *   Reflow asks content to fit without sideways scrolling).
 * - `zoom200`: a 350 px pane at 200 % browser zoom, 175 CSS px at two device pixels each (how Chromium
 *   zooms: fewer, larger CSS px), the size issue 17 set the pane to fit.
 */
export type PaneSize = "320px" | "zoom200";
export const SIZES: readonly PaneSize[] = ["320px", "zoom200"];
export const PANE_SIZES: Readonly<
  Record<
    PaneSize,
    { readonly viewport: { width: number; height: number }; readonly deviceScaleFactor: number }
  >
> = {
  "320px": { viewport: { width: 320, height: 800 }, deviceScaleFactor: 1 },
  zoom200: { viewport: { width: 175, height: 400 }, deviceScaleFactor: 2 },
};

/**
 * Throws unless the page lays out at the size asked for (its CSS viewport width and devicePixelRatio):
 * a measurement at another width than its label says is worse than none.
 */
export async function expectSize(page: Page, size: PaneSize): Promise<void> {
  const want = PANE_SIZES[size];
  const got = (await page.evaluate(
    "({ width: document.documentElement.clientWidth, ratio: window.devicePixelRatio })",
  )) as { width: number; ratio: number };
  if (got.width !== want.viewport.width || got.ratio !== want.deviceScaleFactor)
    throw new Error(
      `the page meant to be ${size} lays out ${got.width} CSS px wide at ${got.ratio} device px each, not ${want.viewport.width} at ${want.deviceScaleFactor}`,
    );
}

export interface Harness {
  readonly browser: Browser;
  readonly base: string;
  /** Requests the pages tried to send off the machine. */
  readonly outside: string[];
  /** Console errors and uncaught exceptions in the pages. */
  readonly problems: string[];
  /**
   * A new page on the pane in a language and theme, at a size (320 px unless told), once the first view is
   * shown; the fake Excel holds the sample workbook unless another seed is given. The size is the new
   * page's own (Playwright's viewport and device scale factor), checked before the page is returned.
   */
  open(lang: PaneLang, theme: PaneTheme, seed?: WorkbookSeed, size?: PaneSize): Promise<Page>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  ensureBuild();
  const fakeOffice = await buildFakeOffice();
  // Seeded in Node (ExcelJS stays out of the page); the seed is plain JSON.
  const sample: WorkbookSeed = await seedFromXlsx(readFileSync(SAMPLE), { label: "sample-esg-2024.xlsx" });
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const outside: string[] = [];
  const problems: string[] = [];

  async function open(
    lang: PaneLang,
    theme: PaneTheme,
    seed: WorkbookSeed = sample,
    size: PaneSize = "320px",
  ): Promise<Page> {
    const page = await browser.newPage(PANE_SIZES[size]);
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS)
        return route.fulfill({ status: 200, contentType: "text/javascript", body: fakeOffice });
      if (url.startsWith(base)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    // tsx (esbuild with keepNames, how the bench runs) wraps named functions in __name(), which the page
    // functions passed to page.evaluate then call: the page gets a pass-through one.
    await page.addInitScript("globalThis.__name = globalThis.__name || ((f) => f);");
    await page.addInitScript((seed) => {
      // When the tab row and the Data view's figures first appear (performance.now(), ms since navigation).
      const marks: Record<string, number> = {};
      Object.assign(window, { esgSeed: seed, esgMarks: marks });
      new MutationObserver(() => {
        if (marks.tabs === undefined && document.querySelector('[role="tablist"]'))
          marks.tabs = performance.now();
        if (marks.data === undefined && document.querySelector("[data-metric]"))
          marks.data = performance.now();
      }).observe(document, { childList: true, subtree: true });
    }, seed);
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    const query = `lang=${lang === "zh-HK" ? "zh-HK" : "en-US"}${theme === "dark" ? "&theme=dark" : ""}`;
    await page.goto(`${base}/taskpane.html?${query}`);
    await page.waitForSelector("[data-metric], #checks-heading", { timeout: 30_000 });
    await expectSize(page, size);
    return page;
  }

  async function close(): Promise<void> {
    await browser.close();
    await new Promise((done) => server.close(done));
  }

  return { browser, base, outside, problems, open, close };
}

/** ms from navigation until the tab row, and the Data view's figures, were in the page. */
export async function renderMarks(page: Page): Promise<{ tabs: number; data: number }> {
  return (await page.evaluate("window.esgMarks")) as { tabs: number; data: number };
}
