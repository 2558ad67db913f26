/**
 * Runs the BUILT add-in (dist/) on Microsoft's own office.js in headless Chromium, framed by the stand-in
 * Excel-on-the-web host. Every URL is answered by playwright's `context.route`, nothing from the network:
 *
 * - https://excel.officeapps.live.com/standin/host.html — the host page (an origin office.js trusts as
 *   Excel on the web; a plain http page is refused), relaying the frame's messages to StandInHost in Node;
 * - https://localhost:3000/… — dist/ (the manifest's add-in origin);
 * - https://appsforoffice.microsoft.com/lib/1/hosted/… — node_modules/@microsoft/office-js/dist (office.js
 *   and the host script excel-web-16.00.js it loads from its own folder, which can be delayed).
 *
 * Any other request is aborted and recorded in `outside` (tests assert it stays empty).
 */
import "./symbols"; // before playwright-core loads
import { execFileSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { extname, join, normalize, resolve } from "path";
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from "playwright-core";
import type { FakeExcel } from "../../fakes/excel/excel";
import { StandInHost, requirementMatrix } from "./host";

export const ROOT = resolve(__dirname, "../../..");
export const DIST = join(ROOT, "dist");
export const CHROMIUM = "/usr/bin/chromium";
const OFFICE_DIST = join(ROOT, "node_modules/@microsoft/office-js/dist");
const HOST_ORIGIN = "https://excel.officeapps.live.com";
const HOST_URL = `${HOST_ORIGIN}/standin/host.html`;
export const ADDIN_ORIGIN = "https://localhost:3000";
const OFFICE_BASE = "https://appsforoffice.microsoft.com/lib/1/hosted/";
/** The host-specific script office.js loads for Excel on the web (HostSpecificFileVersionMap: excel/web → 16.00). */
export const HOST_SCRIPT = "excel-web-16.00.js";

export const haveChromium = existsSync(CHROMIUM);

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".css": "text/css",
};

/** Builds dist/ when it is missing (the real-client tests run on the production build). */
export function ensureBuilt(): void {
  if (!existsSync(join(DIST, "taskpane.html")))
    execFileSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "inherit" });
}

export function launch(): Promise<Browser> {
  return chromium.launch({
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
}

export interface OpenOptions {
  readonly excel: FakeExcel;
  /** ExcelApi version the host reports (default 1.17), or a whole requirement matrix. */
  readonly excelApi?: string;
  readonly requirements?: Record<string, string>;
  /** Milliseconds before the host script (excel-web-16.00.js) is served. */
  readonly hostScriptDelayMs?: number;
  /** Display language (_host_Info locale and the app context's UI locale). */
  readonly locale?: string;
  /** Page inside dist/ (default taskpane.html). */
  readonly page?: string;
  /** Largest RichApi body the stand-in accepts (default 5 MB, as Excel on the web). */
  readonly limitBytes?: number;
}

function hostPage(addinUrl: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Stand-in Excel</title></head><body style="margin:0">
<iframe id="addin" src="${addinUrl}" style="width:420px;height:860px;border:0"></iframe>
<script>
  const frame = document.getElementById("addin");
  const target = ${JSON.stringify(ADDIN_ORIGIN)};
  window.addEventListener("message", async (e) => {
    if (e.source !== frame.contentWindow) return;
    const text = typeof e.data === "string" ? e.data : JSON.stringify(e.data);
    const replies = await window.standinReceive(text);
    for (const r of replies) frame.contentWindow.postMessage(r, target);
  });
  window.standinPost = (text) => frame.contentWindow.postMessage(text, target);
</script></body></html>`;
}

function fileUnder(dir: string, rel: string): string | null {
  const file = join(dir, normalize(decodeURIComponent(rel)).replace(/^([/\\])+/, ""));
  return file.startsWith(dir) && existsSync(file) ? file : null;
}

/** One stand-in session: a browser context with the host page and the add-in in its frame. */
export class StandIn {
  readonly outside: string[] = [];
  readonly problems: string[] = [];
  readonly console: string[] = [];
  readonly served: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly host: StandInHost,
  ) {}

  static async open(browser: Browser, options: OpenOptions): Promise<StandIn> {
    const locale = options.locale ?? "en-US";
    const requirements = options.requirements ?? requirementMatrix(options.excelApi ?? "1.17");
    const appId = `standin-${Math.random().toString(36).slice(2, 10)}`;
    const conversationId = `${appId}_conv`;
    const host = new StandInHost(options.excel, appId, {
      requirements,
      uiLocale: locale,
      limitBytes: options.limitBytes,
    });
    // Flags 3 = SharedApp | CustomFunction: the shared runtime with custom functions (office-js-protocol.md).
    const hostInfo = `Excel$Web$16.01$${locale}$standin$$$3`;
    const addinUrl = `${ADDIN_ORIGIN}/${options.page ?? "taskpane.html"}?_host_Info=${encodeURIComponent(hostInfo)}#&_xdm_Info=${encodeURIComponent(`${conversationId}|${appId}|${HOST_ORIGIN}`)}`;

    const context = await browser.newContext({ viewport: { width: 440, height: 880 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const standIn = new StandIn(context, page, host);
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      const bare = url.split(/[?#]/)[0];
      if (bare === HOST_URL)
        return route.fulfill({ status: 200, contentType: "text/html", body: hostPage(addinUrl) });
      let file: string | null = null;
      if (bare.startsWith(`${ADDIN_ORIGIN}/`)) file = fileUnder(DIST, bare.slice(ADDIN_ORIGIN.length));
      else if (bare.startsWith(OFFICE_BASE)) {
        const rel = bare.slice(OFFICE_BASE.length);
        file = fileUnder(OFFICE_DIST, rel);
        if (rel === HOST_SCRIPT && options.hostScriptDelayMs)
          await new Promise((r) => setTimeout(r, options.hostScriptDelayMs));
      } else {
        standIn.outside.push(url);
        return route.abort();
      }
      if (!file) {
        standIn.problems.push(`404 ${url}`);
        return route.fulfill({ status: 404, body: "" });
      }
      standIn.served.push(bare);
      return route.fulfill({
        status: 200,
        contentType: TYPES[extname(file)] ?? "application/octet-stream",
        body: readFileSync(file),
      });
    });
    await page.exposeFunction("standinReceive", (text: string) => host.handle(text));
    page.on("console", (m) => {
      standIn.console.push(`${m.type()}: ${m.text()}`);
      // office.js reads sessionStorage inside a third-party frame; Chromium refuses it harmlessly.
      if (m.type() === "error" && !/sessionStorage|SecurityError/.test(m.text()))
        standIn.problems.push(m.text());
    });
    page.on("pageerror", (e) => standIn.problems.push(e.message));
    await page.goto(HOST_URL);
    return standIn;
  }

  /** The add-in's frame. */
  frame(): Frame {
    const f = this.page.frames().find((x) => x.url().startsWith(ADDIN_ORIGIN));
    if (!f) throw new Error("stand-in: the add-in frame is not there");
    return f;
  }

  /** Waits until the pane shows one of its views (after Office.onReady). */
  async paneReady(timeout = 30_000): Promise<Frame> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const f = this.page.frames().find((x) => x.url().startsWith(ADDIN_ORIGIN));
      if (f) {
        const ready = f.locator("#data-heading, #checks-heading");
        // The pane's load error (renderPane.tsx: a MessageBar titled "Problem" instead of the view).
        const failed = f.locator(".fui-MessageBar").filter({ has: f.getByText("Problem", { exact: true }) });
        await ready
          .or(failed)
          .first()
          .waitFor({ timeout: Math.max(1, deadline - Date.now()) });
        if ((await failed.count()) > 0)
          throw new Error(
            `stand-in: the pane could not load the workbook: ${await failed.first().innerText()}`,
          );
        return f;
      }
      if (Date.now() > deadline) throw new Error("stand-in: no add-in frame");
      await this.page.waitForTimeout(50);
    }
  }

  /** Fires an event office.js registered for (e.g. appCommandInvoked) into the frame. */
  async fire(name: string, data: unknown): Promise<void> {
    await this.page.evaluate(
      (text) => (window as unknown as { standinPost(t: string): void }).standinPost(text),
      this.host.event(name, data),
    );
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
