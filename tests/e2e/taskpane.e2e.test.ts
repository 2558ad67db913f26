/**
 * End to end in real headless Chromium: the production build of the task pane, served on 127.0.0.1, with
 * the fake Excel (tests/e2e/fake-office.ts) served in place of Office.js and seeded with the bundled sample
 * workbook (examples/sample-esg-2024.xlsx) through the headless reader (tests/fakes/excel/from-xlsx.ts).
 * Goes Data → Checks → Generate, asserts the sheets written in the fake, and writes screenshots of every
 * view in both languages to docs/screenshots/.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, readFileSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { tmpdir } from "os";
import { extname, join, normalize, resolve } from "path";
import webpack from "webpack";
import { chromium, type Browser, type Page } from "playwright-core";
import { seedFromXlsx } from "../fakes/excel/from-xlsx";
import type { WorkbookSeed } from "../fakes/excel/seed";

const ROOT = resolve(__dirname, "../..");
const DIST = join(ROOT, "dist");
const SHOTS = join(ROOT, "docs/screenshots");
const CHROMIUM = "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const SAMPLE = join(ROOT, "examples/sample-esg-2024.xlsx");
const VIEWS = ["data", "checks", "kpis", "generate", "settings"] as const;

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`taskpane e2e skipped: ${CHROMIUM} is missing (apt-get install chromium).`);
const maybe = haveChromium ? describe : describe.skip;

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

maybe("task pane in headless Chromium", () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  let fakeOffice: string;
  /** The sample workbook as the fake holds it (a plain seed, handed to the page). */
  let sample: WorkbookSeed;
  const outside: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(DIST, "taskpane.html")))
      execFileSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "inherit" });
    fakeOffice = await buildFakeOffice();
    // Seeded in Node (ExcelJS stays out of the page); the seed is plain JSON.
    sample = await seedFromXlsx(readFileSync(SAMPLE), { label: "sample-esg-2024.xlsx" });
    server = await serve(DIST);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
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
    mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
  });

  async function open(lang: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 420, height: 860 }, deviceScaleFactor: 1 });
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS)
        return route.fulfill({ status: 200, contentType: "text/javascript", body: fakeOffice });
      if (url.startsWith(base)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    await page.addInitScript((seed) => Object.assign(window, { esgSeed: seed }), sample);
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${base}/taskpane.html?lang=${lang}`);
    await page.waitForSelector("#data-heading, #checks-heading", { timeout: 30_000 });
    return page;
  }

  /** Lets Fluent's transitions (tab indicator, progress bar) finish before a screenshot. */
  const settle = (page: Page): Promise<void> => page.waitForTimeout(600);

  async function show(page: Page, view: (typeof VIEWS)[number], lang: string): Promise<void> {
    await page.click(`#tab-${view}`);
    await page.waitForSelector(`#${view}-heading`);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, `${view}-${lang}.png`) });
  }

  it("goes Data → Checks → Generate and writes the disclosure sheets into the workbook", async () => {
    const page = await open("en-US");
    await show(page, "data", "en");
    const electricity = await page.textContent('[data-metric="electricity"]');
    // The sample's electricity ('ESG Data 數據'!C25), as the data view shows it.
    expect(electricity).toContain("29,843,800");

    // Keyboard: the tabs are one TabList, reached by arrow keys and chosen with Enter.
    await page.focus("#tab-data");
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate("document.activeElement.id")).toBe("tab-checks");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#checks-heading");
    await show(page, "checks", "en");
    expect(await page.locator('[data-severity="warning"] li').count()).toBeGreaterThan(0);
    await show(page, "kpis", "en");
    await show(page, "settings", "en");

    await page.click("#tab-generate");
    await page.waitForSelector("#generate-heading");
    const before = (await page.evaluate("window.esgFake.sheets()")) as { name: string }[];
    // A workbook with errors blocks generation until they are accepted with a note.
    const accept = page.getByRole("checkbox", { name: /I accept these errors/ });
    if ((await accept.count()) > 0) {
      await accept.check();
      await page.locator("textarea").fill("Accepted in the end-to-end test");
    }
    await page.getByRole("button", { name: "Generate disclosures" }).click();
    await page.waitForSelector('[role="status"] li', { timeout: 60_000 });
    await settle(page);
    await page.screenshot({ path: join(SHOTS, "generate-en.png") });

    const written = await page.locator('[role="status"] li').allTextContents();
    const after = (await page.evaluate("window.esgFake.sheets()")) as { name: string; names: string[] }[];
    expect(written.length).toBeGreaterThan(3);
    for (const name of written) expect(after.map((s) => s.name)).toContain(name);
    expect(after.map((s) => s.name)).toEqual(expect.arrayContaining(before.map((s) => s.name)));
    expect(after.map((s) => s.name)).toContain("ESG_History");
    // The generation is in the history: header, then this run with its sheets.
    const history = (await page.evaluate(
      "[window.esgFake.cell('ESG_History', 'A1'), window.esgFake.cell('ESG_History', 'F2')]",
    )) as { value: unknown }[];
    expect(history[0]?.value).toBe("When");
    for (const name of written) expect(String(history[1]?.value)).toContain(name);
    // Each generated sheet carries the generated marker.
    for (const name of written)
      expect(after.find((s) => s.name === name)?.names.some((n) => n.startsWith("ESG_Generated="))).toBe(
        true,
      );
    // The user's data is untouched.
    expect(await page.evaluate("window.esgFake.cell('ESG Data 數據', 'C25')")).toEqual({
      value: 29843800,
      formula: null,
    });
    await page.close();
  }, 120_000);

  it("shows every view in Traditional Chinese when Office's display language is zh-HK", async () => {
    const page = await open("zh-HK");
    expect(await page.textContent("#tab-data")).toContain("數據");
    for (const view of VIEWS) await show(page, view, "zh-HK");
    await page.close();
  }, 120_000);

  it("follows Office's dark theme", async () => {
    const page = await open("en-US&theme=dark");
    await show(page, "checks", "en-dark");
    const background = await page.evaluate(
      "getComputedStyle(document.querySelector('.fui-FluentProvider > div')).backgroundColor",
    );
    expect(background).not.toBe("rgb(255, 255, 255)");
    await page.close();
  }, 120_000);

  it("sends no request off the machine and runs under the page's CSP without errors", () => {
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  });
});
